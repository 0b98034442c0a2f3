from django.apps import AppConfig


class MembershipsConfig(AppConfig):
    name = "essaim.memberships"
    verbose_name = "Adhésions"
