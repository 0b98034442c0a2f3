"""The strategy of scaling and the perennisation plan: what was chosen and why, the target
territories and publics, and the calendar of both, drawn as a timeline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.children import child_routes
from essaim.core.concurrency import save_or_conflict
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage
from essaim.lib.svg_timeline import TimelineItem, render_timeline
from essaim.roles.models import Perm
from essaim.scaling.forms.strategy import ScalingStepForm, StrategyForm
from essaim.scaling.models import ScalingStep, ScalingStrategy, StepState, Track
from essaim.scaling.services.strategy import save_strategy
from essaim.scaling.views.common import scaling_context

STEPS = ChildPage(
    model=ScalingStep,
    form_class=ScalingStepForm,
    tab="scaling",
    label="étape du plan",
    feminine=True,
    back_url_name="scaling:strategy",
    back_anchor="calendrier",
    experiment_path="strategy__experiment",
    parent_field="strategy",
    parent_model=ScalingStrategy,
    parent_experiment_path="experiment",
    with_changes=True,
)

# The states of a step, as the timeline draws them.
TIMELINE_STATUS = {
    StepState.PLANNED: "prevue",
    StepState.UNDERWAY: "en_cours",
    StepState.DONE: "terminee",
}


def strategy_of(experiment) -> ScalingStrategy | None:
    """The strategy of ``experiment`` with its target territories and steps, or ``None``."""
    return (
        ScalingStrategy.objects.filter(experiment=experiment)
        .prefetch_related("target_territories", "steps")
        .first()
    )


def plan_timeline(steps: list[ScalingStep]) -> str:
    items = [
        TimelineItem(
            label=f"{step.title} ({step.get_track_display()})",
            start=step.starts_on,
            end=step.ends_on,
            status=TIMELINE_STATUS[StepState(step.state)],
            kind="jalon" if step.ends_on is None else "etape",
        )
        for step in steps
        if step.starts_on is not None
    ]
    return render_timeline(
        items,
        title="Calendrier du changement d'échelle et de la pérennisation",
        today=timezone.localdate(),
    )


@login_required
@require_safe
def strategy(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    chosen = strategy_of(experiment)
    steps = list(chosen.steps.all()) if chosen else []
    context = {
        **scaling_context(experiment, request.user, "strategy"),
        "strategy": chosen,
        "step_groups": [
            ("Changement d'échelle", [step for step in steps if step.track == Track.SCALING]),
            ("Pérennisation", [step for step in steps if step.track == Track.PERENNISATION]),
        ],
        # lib/svg_timeline escapes every text it writes.
        "timeline": mark_safe(plan_timeline(steps)),
    }
    return render(request, "scaling/strategy.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_strategy(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    instance = strategy_of(experiment) or ScalingStrategy(experiment=experiment)
    form = StrategyForm(request.POST or None, instance=instance, user=request.user)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_or_conflict(
            form, save=lambda: save_strategy(experiment=experiment, form=form, actor=request.user)
        )
    )
    if saved:
        messages.success(request, "La stratégie est enregistrée.")
        return redirect("scaling:strategy", experiment.pk)
    context = {**scaling_context(experiment, request.user, "strategy"), "form": form}
    return render(
        request, "scaling/strategy_form.html", context, status=400 if form.errors else 200
    )


urlpatterns = [
    path("experimentations/<int:pk>/essaimage/strategie/", strategy, name="strategy"),
    path(
        "experimentations/<int:pk>/essaimage/strategie/modifier/",
        edit_strategy,
        name="edit_strategy",
    ),
    *child_routes(
        base="experimentations/<int:experiment_pk>/essaimage/strategie/etapes",
        kind=STEPS,
        name="scaling_step",
    ),
]
