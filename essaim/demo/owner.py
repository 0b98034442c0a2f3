"""The account that owns the demo data, the demo administrator, and the other account the demo
announces: the library's editor."""

from essaim.accounts.models import User

DEMO_ADMIN_EMAIL = "admin@example.org"
DEMO_ADMIN_PASSWORD = "essaim-demo"
LIBRARY_EDITOR_EMAIL = "bibliotheque@example.org"


def demo_owner() -> User:
    user, _ = User.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL,
        defaults={
            "full_name": "Administrateur de démonstration",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    return user


def ensure_demo_admin() -> User:
    """The demo administrator, with the demo password (reset if it was changed)."""
    user = demo_owner()
    if not user.check_password(DEMO_ADMIN_PASSWORD):
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save(update_fields=["password"])
    return user
