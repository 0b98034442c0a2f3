from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "essaim.evaluation"
    verbose_name = "Évaluation et apprentissage"

    def ready(self) -> None:
        from essaim.evaluation.overview import add_to_experiment_pages

        add_to_experiment_pages()
