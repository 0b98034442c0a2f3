from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "essaim.dossiers"
    verbose_name = "Dossiers d'expérimentation"
