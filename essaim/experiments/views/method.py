"""The method tab of an experiment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from essaim.experiments.access import get_experiment_for
from essaim.experiments.tabs import experiment_context


@login_required
def method(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    context = experiment_context(experiment, request.user, "method")
    return render(request, "experiments/method.html", context)


urlpatterns = [
    path("<int:pk>/methode/", method, name="method"),
]
