from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "essaim.themes"
    verbose_name = "Thèmes"
