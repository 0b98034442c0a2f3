"""The list of experiments, their creation, and the overview page of one experiment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_http_methods

from essaim.core.page_cache import kept_page
from essaim.core.pagination import counted_page
from essaim.core.search import search
from essaim.experiments import listing, services
from essaim.experiments.access import get_experiment_for
from essaim.experiments.forms.overview import ExperimentCreateForm, ExperimentFilterForm
from essaim.experiments.models import Experiment
from essaim.experiments.overview_parts import (
    PARTS,
    count_per_experiment,
    overview_parts_context,
    with_overview_parts,
)
from essaim.experiments.tabs import experiment_context
from essaim.experiments.views.decisions import stage_control
from essaim.experiments.views.framing import STEPS, framing_summary
from essaim.governance.models import Meeting

EXPERIMENTS_PER_PAGE = 25


@login_required
@require_GET
@kept_page
def experiment_list(request: HttpRequest) -> HttpResponse:
    """The experiments the user sees, with their stage, next step, last decision and what the
    apps above add (the progress of their indicators); filtered by words (title first), stage,
    theme and territory. The rows are plain values (``listing.py``)."""
    user = request.user
    experiments = Experiment.objects.visible_to(user)
    form = ExperimentFilterForm(request.GET, user=user)
    filtered = False
    order = ["title", "pk"]
    if form.is_valid():
        data = form.cleaned_data
        if query := data["q"].strip():
            experiments = search(experiments, query, ranked=True)
            order.insert(0, "search_rank")
            filtered = True
        if data["stage"]:
            experiments = experiments.filter(stage=data["stage"])
            filtered = True
        if data["theme"]:
            experiments = experiments.filter(theme=data["theme"])
            filtered = True
        if data["territory"]:
            experiments = experiments.filter(territories=data["territory"])
            filtered = True
    rows = listing.list_rows(experiments.order_by(*order))
    page = counted_page(rows, request.GET.get("page"), EXPERIMENTS_PER_PAGE)
    listing.complete(page.object_list)
    context = {"form": form, "page": page, "filtered": filtered, "overview_parts": PARTS}
    return render(request, "experiments/experiment_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def experiment_create(request: HttpRequest) -> HttpResponse:
    form = ExperimentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        experiment = services.create_experiment(by=request.user, **form.cleaned_data)
        messages.success(
            request,
            f"L'expérimentation « {experiment.title} » est créée : cadrez-la pas à pas, "
            "chaque étape s'enregistre.",
        )
        return redirect("experiments:framing_step", experiment.pk, STEPS[0].key)
    return render(request, "experiments/experiment_create.html", {"form": form})


@login_required
@require_GET
@kept_page
def experiment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = services.with_overview(services.with_framing(Experiment.objects.all())).annotate(
        meeting_count=count_per_experiment(Meeting.objects.all(), "body__experiment"),
    )
    experiment = get_experiment_for(request.user, pk, queryset=with_overview_parts(queryset))
    context = experiment_context(experiment, request.user, "overview")
    context.update(
        overview_parts_context(experiment),
        framing=framing_summary(experiment, experiment.framing_checklist()),
        next_step=next(iter(experiment.next_steps), None),
        last_decision=next(iter(experiment.last_decisions), None),
        hypothesis_count=len(experiment.hypotheses.all()),
        stage_control=stage_control(experiment),
    )
    return render(request, "experiments/experiment_detail.html", context)


urlpatterns = [
    path("", experiment_list, name="list"),
    path("nouvelle/", experiment_create, name="create"),
    path("<int:pk>/", experiment_detail, name="detail"),
]
