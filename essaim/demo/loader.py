"""Loads the demo data, step by step: each pillar adds a module under ``essaim.demo.data`` with a
``load() -> str`` function (idempotent: it updates what exists, creates what is missing, and
returns a one-line summary) and one line to ``STEPS``."""

from collections.abc import Callable

from django.db import transaction
from django.utils.module_loading import import_string

STEPS: list[tuple[str, str]] = [
    ("Organisations, territoires et contacts", "essaim.demo.data.organisations.load"),
    ("Expérimentations", "essaim.demo.data.experiments.load"),
    ("Pérennisation et essaimage", "essaim.demo.data.scaling.load"),
    ("Programme multi-territoires", "essaim.demo.data.programmes.load"),
    ("Sessions, inscriptions et adhésions", "essaim.demo.data.trainings.load"),
    ("Bibliothèque des expériences", "essaim.demo.data.library.load"),
]


def load_demo_data(*, report: Callable[[str], None] = print) -> None:
    """Load every step in one transaction: a failing step leaves the database as it was."""
    with transaction.atomic():
        for label, path in STEPS:
            summary = import_string(path)()
            report(f"  {label} : {summary}")
