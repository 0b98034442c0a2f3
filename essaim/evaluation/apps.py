from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "essaim.evaluation"
    verbose_name = "Évaluation et apprentissage"
