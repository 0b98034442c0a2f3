from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "essaim.surveys"
    verbose_name = "Questionnaires de satisfaction"

    def ready(self) -> None:
        from essaim.core.tabs import Tab
        from essaim.trainings.tabs import TABS

        TABS.add(Tab("satisfaction", "Satisfaction", "surveys:manage"), after="attendance")
