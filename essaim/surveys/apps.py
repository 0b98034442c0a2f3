from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "essaim.surveys"
    verbose_name = "Questionnaires de satisfaction"
