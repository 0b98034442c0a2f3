from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    name = "essaim.experiments"
    verbose_name = "Expérimentations"
