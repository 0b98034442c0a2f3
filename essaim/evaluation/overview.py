"""What the evaluation shows on the pages of experiments, through the hooks experiments owns:
its two tabs (Apprentissages, Évaluation) and, on the list and the overview
(``experiments/overview_parts.py``), the progress of the indicators and the journal's count.
Added when the apps are ready (``EvaluationConfig.ready``)."""

from django.db.models import Prefetch, QuerySet

from essaim.core.tabs import Tab
from essaim.evaluation.models import Indicator, JournalEntry
from essaim.experiments import tabs
from essaim.experiments.models import Experiment
from essaim.experiments.overview_parts import OverviewPart, add_overview_part, count_per_experiment


def with_indicators(queryset: QuerySet[Experiment]) -> QuerySet[Experiment]:
    """Experiments with their ``indicators``, each with its current value computed by the
    database (``Indicator.objects.with_standing``): one query, whatever the number of
    measurements."""
    return queryset.prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.with_standing())
    )


def average_progress(indicators) -> int | None:
    """The mean progress towards their target, in percent, of the indicators (read
    ``with_standing``) whose progress is known; ``None`` if none is."""
    known = [
        progress
        for indicator in indicators
        if (progress := indicator.progress_towards(indicator.current)) is not None
    ]
    return round(sum(known) / len(known)) if known else None


def set_indicator_progress(experiment: Experiment) -> None:
    experiment.indicator_progress = average_progress(experiment.indicators.all())


def with_indicators_and_journal(queryset: QuerySet[Experiment]) -> QuerySet[Experiment]:
    return with_indicators(queryset).annotate(
        journal_entry_count=count_per_experiment(JournalEntry.objects.all(), "experiment")
    )


def indicator_rows(experiment: Experiment) -> dict:
    """``indicators``: each indicator with its current value, its progress and, for a
    qualitative one, the level of its latest measurement."""
    return {
        "indicators": [
            {
                "indicator": indicator,
                "current": indicator.current,
                "progress": indicator.progress_towards(indicator.current),
                "latest_level": indicator.scale_label(indicator.latest_level),
            }
            for indicator in experiment.indicators.all()
        ]
    }


def add_to_experiment_pages() -> None:
    tabs.TABS.add(Tab("journal", "Apprentissages", "evaluation:journal"), after="governance")
    tabs.TABS.add(Tab("evaluation", "Évaluation", "evaluation:indicators"), after="journal")
    add_overview_part(
        OverviewPart(
            key="evaluation",
            list_prefetch=with_indicators,
            prepare_row=set_indicator_progress,
            list_heading="Indicateurs",
            list_cell_template="evaluation/_experiment_list_cell.html",
            list_help="Indicateurs : avancement moyen vers leur cible des indicateurs "
            "quantitatifs déjà mesurés.",
            overview_prefetch=with_indicators_and_journal,
            overview_context=indicator_rows,
            stats_template="evaluation/_experiment_stats.html",
            section_template="evaluation/_experiment_indicators.html",
        )
    )
