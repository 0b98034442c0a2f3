from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "essaim.dossiers"
    verbose_name = "Dossiers d'expérimentation"

    def ready(self) -> None:
        from essaim.dossiers.dossier_kind import DOSSIER_KIND
        from essaim.dossiers.registry import register_document
        from essaim.experiments.overview_parts import OverviewPart, add_overview_part

        # The dossier, the first kind of document built by the worker; the applications above
        # register theirs in their own ready().
        register_document(DOSSIER_KIND)
        # The links that download the dossier, in the header of the overview.
        add_overview_part(OverviewPart(key="dossier", header_template="dossiers/_downloads.html"))
