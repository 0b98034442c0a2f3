from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "essaim.trainings"
    verbose_name = "Sessions et cycles"
