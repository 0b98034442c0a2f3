"""The history of an experiment: every change, who made it and when."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.core.history import history_page
from essaim.core.models import HistoryEntry
from essaim.experiments.access import get_experiment_for
from essaim.experiments.forms.decisions import HistoryFilterForm
from essaim.experiments.models import Stage
from essaim.experiments.tabs import experiment_context


def stage_change(entry: HistoryEntry) -> dict | None:
    """For a change of stage: the stage before, the stage after, and the rest of the summary
    (its reason, or the decision that caused it)."""
    if entry.verb != "stage":
        return None
    values = entry.changes.get("stage") or {}
    try:
        before, after = Stage(values.get("avant")), Stage(values.get("après"))
    except ValueError:
        return None
    prefix = f"Étape : {before.label} → {after.label}"
    detail = entry.summary.removeprefix(prefix).strip() if entry.summary.startswith(prefix) else ""
    return {"before": before, "after": after, "detail": detail.removeprefix("(").removesuffix(")")}


@login_required
@require_safe
def history(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    page = history_page(request, experiment, filter_form=HistoryFilterForm(request.GET))
    for entry in page["entries"].object_list:
        entry.stage_change = stage_change(entry)
    context = {**experiment_context(experiment, request.user, "history"), **page}
    return render(request, "experiments/history.html", context)


urlpatterns = [
    path("<int:pk>/historique/", history, name="history"),
]
