"""Loads the demo data, step by step: each pillar adds a module under ``essaim.demo.data`` with a
``load() -> str`` function (idempotent: it updates what exists, creates what is missing, and
returns a one-line summary) and one line to ``STEPS``."""

from collections.abc import Callable

from django.db import transaction
from django.utils.module_loading import import_string

from essaim.accounts.models import User

STEPS: list[tuple[str, str]] = [
    ("Organisations, territoires et contacts", "essaim.demo.data.organisations.load"),
]


def load_demo_data(*, report: Callable[[str], None] = print) -> None:
    """Load every step in one transaction: a failing step leaves the database as it was."""
    with transaction.atomic():
        for label, path in STEPS:
            summary = import_string(path)()
            report(f"  {label} : {summary}")


def ensure_demo_admin(*, email: str, password: str) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"full_name": "Administrateur de démonstration", "is_staff": True,
                  "is_superuser": True},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user
