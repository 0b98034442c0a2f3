from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "essaim.roles"
    verbose_name = "Rôles"
