from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "essaim.programmes"
    verbose_name = "Programmes multi-territoires"
