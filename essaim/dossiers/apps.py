from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "essaim.dossiers"
    verbose_name = "Dossiers d'expérimentation"

    def ready(self) -> None:
        from essaim.experiments.overview_parts import OverviewPart, add_overview_part

        # The links that download the dossier, in the header of the overview.
        add_overview_part(OverviewPart(key="dossier", header_template="dossiers/_downloads.html"))
