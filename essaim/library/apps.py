from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "essaim.library"
    verbose_name = "Bibliothèque des expériences"

    def ready(self) -> None:
        from essaim.library import programme_names, sheet_links, similar_parts

        sheet_links.add_to_experiment_pages()
        similar_parts.add_to_experiment_pages()
        programme_names.connect()
