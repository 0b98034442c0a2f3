"""What the library adds for its « expériences similaires »: the block « Expériences similaires
dans la bibliothèque » on the overview of an experiment (its neighbours among the published
sheets, computed in the background), and the signals that enqueue that computation when a sheet
changes. Added when the apps are ready (``LibraryConfig.ready``)."""

from essaim.experiments.overview_parts import OverviewPart, add_overview_part
from essaim.library import signals
from essaim.library.services.similar import similar_to_experiment


def similar_sheets_of_experiment(experiment) -> dict:
    """The published sheets like ``experiment``, closest first, in one query."""
    return {"library_similar": similar_to_experiment(experiment)}


def add_to_experiment_pages() -> None:
    add_overview_part(
        OverviewPart(
            key="library_similar",
            overview_context=similar_sheets_of_experiment,
            section_template="library/_experiment_similar.html",
        )
    )
    signals.connect()
