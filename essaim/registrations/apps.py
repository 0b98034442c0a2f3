from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "essaim.registrations"
    verbose_name = "Inscriptions"
