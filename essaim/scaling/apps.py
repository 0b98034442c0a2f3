from django.apps import AppConfig


class ScalingConfig(AppConfig):
    name = "essaim.scaling"
    verbose_name = "Pérennisation et changement d'échelle"

    def ready(self) -> None:
        from essaim.dossiers.registry import register_document
        from essaim.scaling.document_kind import KIT_KIND
        from essaim.scaling.pages import add_to_experiment_pages

        add_to_experiment_pages()
        register_document(KIT_KIND)
