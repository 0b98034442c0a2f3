from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "essaim.dashboard"
    verbose_name = "Tableau de bord"
