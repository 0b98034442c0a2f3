from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "essaim.attendance"
    verbose_name = "Présences et attestations"

    def ready(self) -> None:
        from essaim.core.tabs import Tab
        from essaim.trainings.tabs import TABS

        TABS.add(Tab("attendance", "Présences", "attendance:manage"), after="registrations")
