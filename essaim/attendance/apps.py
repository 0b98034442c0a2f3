from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "essaim.attendance"
    verbose_name = "Présences et attestations"
