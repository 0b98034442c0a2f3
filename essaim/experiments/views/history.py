"""The history of an experiment: every change, who made it and when."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from essaim.core.models import HistoryEntry
from essaim.experiments.access import get_experiment_for
from essaim.experiments.tabs import experiment_context

ENTRIES_PER_PAGE = 50


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    entries = HistoryEntry.objects.of(experiment).select_related("actor")
    context = {
        **experiment_context(experiment, request.user, "history"),
        "entries": Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page")),
    }
    return render(request, "experiments/history.html", context)


urlpatterns = [
    path("<int:pk>/historique/", history, name="history"),
]
