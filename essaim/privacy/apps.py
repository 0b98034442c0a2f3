from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "essaim.privacy"
    verbose_name = "Données personnelles"
