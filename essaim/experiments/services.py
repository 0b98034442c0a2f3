"""Workflows on experiments that span several models."""

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from essaim.experiments.models import (
    Decision,
    Experiment,
    Funding,
    Partner,
    Step,
    StepStatus,
)
from essaim.roles.models import Role
from essaim.territories.models import Territory
from essaim.themes.models import Theme


@transaction.atomic
def create_experiment(*, by, title: str, theme: Theme, summary: str = "") -> Experiment:
    """Create an experiment at the idea stage, owned by its creator."""
    experiment = Experiment.objects.create(
        title=title.strip(), theme=theme, summary=summary.strip(), created_by=by
    )
    experiment.grant(by, Role.OWNER, by=by)
    experiment.log_action(by, "created", f"Expérimentation « {experiment.title} » créée")
    return experiment


def with_framing(queryset: QuerySet[Experiment]) -> QuerySet[Experiment]:
    """Experiments with everything their framing shows, fetched in a fixed number of queries:
    the checklist and gauge (``framing_checklist``, ``framing_completeness``), the framing
    canvas (``experiments/_canvas.html``) and ``total_budget`` then run no query.

    Territories carry ``commune_count`` and ``population``."""
    return queryset.select_related("carrier", "theme").prefetch_related(
        "hypotheses",
        Prefetch("territories", queryset=Territory.objects.with_stats().order_by("name", "pk")),
        Prefetch("fundings", queryset=Funding.objects.select_related("funder")),
        Prefetch("partners", queryset=Partner.objects.select_related("organisation")),
        "stop_go_criteria",
        "risks",
    )


def with_overview(queryset: QuerySet[Experiment]) -> QuerySet[Experiment]:
    """Experiments with what their overview shows, fetched in a fixed number of queries:
    ``next_steps`` (a list holding the next step not done, by date, or nothing),
    and ``last_decisions`` (the last stop/go decision, or nothing). Combines with
    :func:`with_framing`; what the apps above show there comes from ``overview_parts.py``."""
    open_steps = Step.objects.exclude(status__in=[StepStatus.DONE, StepStatus.CANCELLED])
    return queryset.prefetch_related(
        Prefetch(
            "steps",
            queryset=open_steps.order_by("start_date", "end_date", "pk")[:1],
            to_attr="next_steps",
        ),
        Prefetch(
            "decisions",
            queryset=Decision.objects.order_by("-decided_on", "-pk")[:1],
            to_attr="last_decisions",
        ),
    )
