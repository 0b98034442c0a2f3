"""The rows of the list of experiments, read as plain values rather than model instances: the
page and its total in one query (stage, theme, next step and last decision computed by the
database), then one query for the territories of the page and one per overview part (the
progress of the indicators). A list page draws many rows; what it reads stays in proportion
to what it shows."""

from collections import defaultdict

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.urls import reverse

from essaim.experiments.models import (
    Decision,
    DecisionKind,
    Experiment,
    Stage,
    Step,
    StepStatus,
)
from essaim.experiments.overview_parts import complete_list_rows


def list_rows(experiments: QuerySet[Experiment]) -> QuerySet:
    """``experiments`` (filtered and ordered) as the dicts the list shows: ``pk``, ``title``,
    ``stage``, ``illustrative``, ``theme_label``, ``next_step_title`` and ``next_step_on``
    (the first step not done nor cancelled, by date), ``last_decision_kind`` and
    ``last_decision_on`` (the latest stop/go decision)."""
    open_steps = (
        Step.objects.filter(experiment=OuterRef("pk"))
        .exclude(status__in=[StepStatus.DONE, StepStatus.CANCELLED])
        .order_by("start_date", "end_date", "pk")
    )
    decisions = Decision.objects.filter(experiment=OuterRef("pk")).order_by("-decided_on", "-pk")
    return experiments.values(
        "pk",
        "title",
        "stage",
        "illustrative",
        theme_label=F("theme__label"),
        next_step_title=Subquery(open_steps.values("title")[:1]),
        next_step_on=Subquery(open_steps.values("start_date")[:1]),
        last_decision_kind=Subquery(decisions.values("kind")[:1]),
        last_decision_on=Subquery(decisions.values("decided_on")[:1]),
    )


def complete(rows: list[dict]) -> None:
    """Add to each row of a page what is not read by its query: ``url``, ``stage_label``,
    ``last_decision_label``, ``territories`` (names, in order) and what the overview parts
    show."""
    territories = territory_names([row["pk"] for row in rows])
    for row in rows:
        row["url"] = reverse("experiments:detail", args=[row["pk"]])
        row["stage_label"] = Stage(row["stage"]).label
        kind = row["last_decision_kind"]
        row["last_decision_label"] = DecisionKind(kind).label if kind else ""
        row["territories"] = territories.get(row["pk"], [])
    complete_list_rows(rows)


def territory_names(experiment_keys: list[int]) -> dict[int, list[str]]:
    """The names of the territories of each experiment, by name: one query."""
    names: dict[int, list[str]] = defaultdict(list)
    links = (
        Experiment.territories.through.objects.filter(experiment__in=experiment_keys)
        .order_by("territory__name", "territory")
        .values_list("experiment", "territory__name")
    )
    for experiment, name in links:
        names[experiment].append(name)
    return names
