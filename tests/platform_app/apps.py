from django.apps import AppConfig


class PlatformAppConfig(AppConfig):
    """Models that exercise the shared pieces (inherited roles, confidentiality, publication,
    attachments, governance) the way the next pillars will use them; installed by the test
    settings only."""

    name = "tests.platform_app"
    label = "platform_app"
    default_auto_field = "django.db.models.BigAutoField"
