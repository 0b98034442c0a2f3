"""The decisions tab of an experiment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from essaim.experiments.access import get_experiment_for
from essaim.experiments.tabs import experiment_context


@login_required
def decisions(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    context = experiment_context(experiment, request.user, "decisions")
    return render(request, "experiments/decisions.html", context)


urlpatterns = [
    path("<int:pk>/decisions/", decisions, name="decisions"),
]
