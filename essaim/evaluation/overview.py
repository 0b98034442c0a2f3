"""What the evaluation shows on the pages of experiments, through the hooks experiments owns:
its two tabs (Apprentissages, Évaluation) and, on the list and the overview
(``experiments/overview_parts.py``), the progress of the indicators and the journal's count.
Added when the apps are ready (``EvaluationConfig.ready``)."""

from collections import defaultdict

from django.db.models import Prefetch, QuerySet

from essaim.core.tabs import Tab
from essaim.evaluation.models import (
    Indicator,
    IndicatorKind,
    JournalEntry,
    average_progress,
    progress_between,
)
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


def set_indicator_progress(rows: list[dict]) -> None:
    """``indicator_progress`` on each row of the list of experiments: the mean progress towards
    their target, in percent, of its indicators whose progress is known (``None`` if none is).
    One query for the page, the current values computed by the database."""
    progresses: dict[int, list[int | None]] = defaultdict(list)
    standings = (
        Indicator.objects.with_standing()
        .filter(
            experiment__in=[row["pk"] for row in rows],
            kind=IndicatorKind.QUANTITATIVE,
            target_value__isnull=False,
        )
        .values_list("experiment", "baseline_value", "target_value", "current")
    )
    for experiment, baseline, target, current in standings:
        progresses[experiment].append(progress_between(baseline, target, current))
    for row in rows:
        row["indicator_progress"] = average_progress(progresses.get(row["pk"], []))


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
            complete_rows=set_indicator_progress,
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
