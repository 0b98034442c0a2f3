from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "essaim.registrations"
    verbose_name = "Inscriptions"

    def ready(self) -> None:
        from essaim.registrations import hooks  # noqa: F401  (fills in the hooks it lends)
