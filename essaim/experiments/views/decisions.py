"""The decisions tab of an experiment: its stage and the moves it may make, the stop/go
criteria, the decisions recorded against them, and the form that records a new one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.experiments.access import get_experiment_for
from essaim.experiments.forms.decisions import FINAL, DecisionForm, StageMoveForm, StopForm
from essaim.experiments.models import (
    CriterionAssessment,
    Experiment,
    ExperimentError,
    Stage,
)
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm


def stage_control(experiment: Experiment) -> dict:
    """What ``experiments/_stage_control.html`` shows: every stage in order with the current
    one, the stages the experiment may move to, what is missing before it may start, and, once
    it is stopped, when, by whom and why."""
    current = Stage(experiment.stage)
    stop = experiment.stop_entry()
    return {
        "lifecycle": [{"stage": stage, "current": stage == current} for stage in Stage],
        "next_stages": experiment.allowed_stages(),
        "missing_before_start": (
            experiment.missing_before_start() if current == Stage.FRAMING else []
        ),
        "stop": stop,
        "stop_reason": (stop.changes.get("raison", "") if stop else ""),
    }


def why_no_decision(experiment: Experiment) -> str:
    """Why no decision may be recorded now, or "" when one may."""
    if experiment.can_record_decision():
        return ""
    if experiment.stage == Stage.STOPPED:
        return "L'expérimentation est arrêtée : aucune nouvelle décision ne peut être enregistrée."
    return (
        "Une décision d'arrêt ou de poursuite se prend une fois l'expérimentation démarrée. "
        f"Elle est à l'étape « {experiment.get_stage_display()} » : faites-la d'abord passer "
        "à l'étape « en cours »."
    )


@login_required
@require_safe
def decisions(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    criteria = list(experiment.stop_go_criteria.all())
    recorded = list(
        experiment.decisions.select_related("meeting__body", "recorded_by").prefetch_related(
            Prefetch(
                "assessments",
                queryset=CriterionAssessment.objects.select_related("criterion").order_by(
                    "criterion__review_date", "criterion__pk"
                ),
            )
        )
    )
    # The latest assessment of each criterion (decisions come newest first).
    latest = {}
    for decision in recorded:
        for assessment in decision.assessments.all():
            latest.setdefault(assessment.criterion_id, (assessment, decision))
    for criterion in criteria:
        criterion.latest = latest.get(criterion.pk)
    context = {
        **experiment_context(experiment, request.user, "decisions"),
        "stage_control": stage_control(experiment),
        "criteria": criteria,
        "decisions": recorded,
        "why_no_decision": why_no_decision(experiment),
    }
    return render(request, "experiments/decisions.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def record_decision(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    back_url = reverse("experiments:decisions", args=[experiment.pk])
    if reason := why_no_decision(experiment):
        messages.error(request, reason)
        return redirect(back_url)
    form = DecisionForm(
        request.POST or None,
        experiment=experiment,
        criteria=list(experiment.stop_go_criteria.all()),
        initial={"decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                decision = experiment.record_decision(
                    kind=data["kind"],
                    decided_on=data["decided_on"],
                    rationale=data["rationale"],
                    actor=request.user,
                    at_gate=data["moment"] != FINAL,
                    meeting=data["meeting"],
                    assessments=form.assessments(),
                )
        except ExperimentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Décision « {decision.get_kind_display()} » enregistrée ; l'expérimentation "
                f"est à l'étape « {experiment.get_stage_display()} ».",
            )
            return redirect(f"{back_url}#decision-{decision.pk}")
    context = {
        **experiment_context(experiment, request.user, "decisions"),
        "form": form,
        "back_url": back_url,
    }
    return render(request, "experiments/decision_form.html", context)


@login_required
@require_POST
def move_stage(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the experiment to the stage posted, if it may go there; back to ``next``."""
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    form = StageMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choisissez une étape parmi celles proposées.")
    elif form.cleaned_data["stage"] == Stage.STOPPED:
        # Stopping is final: it is confirmed, with its reason, on a page of its own.
        return redirect("experiments:stop", pk=experiment.pk)
    else:
        try:
            with transaction.atomic():
                experiment.move_to(
                    form.cleaned_data["stage"],
                    actor=request.user,
                    reason=form.cleaned_data["reason"].strip(),
                )
        except ExperimentError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"L'expérimentation est passée à l'étape « {experiment.get_stage_display()} ».",
            )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("experiments:decisions", args=[experiment.pk])
    return redirect(next_url)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm that the experiment stops, and why; the reason is required."""
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    back_url = reverse("experiments:decisions", args=[experiment.pk])
    if Stage.STOPPED not in experiment.allowed_stages():
        messages.error(request, "L'expérimentation est déjà arrêtée.")
        return redirect(back_url)
    form = StopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                experiment.move_to(
                    Stage.STOPPED, actor=request.user, reason=form.cleaned_data["reason"]
                )
        except ExperimentError as error:
            form.add_error("reason" if error.field == "reason" else None, error.message)
        else:
            messages.success(request, "L'expérimentation est arrêtée.")
            return redirect(back_url)
    context = {
        **experiment_context(experiment, request.user, "decisions"),
        "form": form,
        "back_url": back_url,
    }
    return render(request, "experiments/stop_form.html", context)


urlpatterns = [
    path("<int:pk>/decisions/", decisions, name="decisions"),
    path("<int:pk>/decisions/enregistrer/", record_decision, name="record_decision"),
    path("<int:pk>/etape/", move_stage, name="move_stage"),
    path("<int:pk>/arreter/", stop, name="stop"),
]
