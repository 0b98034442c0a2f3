from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "essaim.governance"
    verbose_name = "Gouvernance"
