"""The list of experiments, their creation, and the overview page of one experiment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path

from essaim.experiments import services
from essaim.experiments.access import get_experiment_for
from essaim.experiments.forms.overview import ExperimentCreateForm
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context

EXPERIMENTS_PER_PAGE = 25


@login_required
def experiment_list(request: HttpRequest) -> HttpResponse:
    experiments = Experiment.objects.visible_to(request.user).order_by("title", "pk")
    page = Paginator(experiments, EXPERIMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "experiments/experiment_list.html", {"page": page})


@login_required
def experiment_create(request: HttpRequest) -> HttpResponse:
    form = ExperimentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        experiment = services.create_experiment(by=request.user, **form.cleaned_data)
        messages.success(
            request,
            f"L'expérimentation « {experiment.title} » est créée : cadrez-la pas à pas.",
        )
        return redirect("experiments:framing", experiment.pk)
    return render(request, "experiments/experiment_create.html", {"form": form})


@login_required
def experiment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    context = experiment_context(experiment, request.user, "overview")
    return render(request, "experiments/experiment_detail.html", context)


urlpatterns = [
    path("", experiment_list, name="list"),
    path("nouvelle/", experiment_create, name="create"),
    path("<int:pk>/", experiment_detail, name="detail"),
]
