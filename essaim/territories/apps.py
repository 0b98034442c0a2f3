from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "essaim.territories"
    verbose_name = "Territoires"
