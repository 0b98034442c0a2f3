"""The method tab of an experiment: its steps, phases and milestones on a printable timeline,
and its optional theory of change (outcomes from activities to impact, linked by arrows that
carry their rationale and assumptions, each outcome with its indicators)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST, require_safe

from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.forms.method import (
    OutcomeForm,
    OutcomeLinkForm,
    StepForm,
    StepStatusForm,
)
from essaim.experiments.models import (
    Experiment,
    Outcome,
    OutcomeLevel,
    OutcomeLink,
    Step,
    StepStatus,
)
from essaim.experiments.tabs import experiment_context
from essaim.lib.svg_timeline import TimelineItem, render_timeline
from essaim.roles.models import Perm

STEPS = ChildPage(
    model=Step,
    form_class=StepForm,
    tab="method",
    label="étape",
    feminine=True,
    back_url_name="experiments:method",
    back_anchor="etapes",
)
OUTCOMES = ChildPage(
    model=Outcome,
    form_class=OutcomeForm,
    tab="method",
    label="maillon",
    back_url_name="experiments:method",
    back_anchor="theorie-du-changement",
)
OUTCOME_LINKS = ChildPage(
    model=OutcomeLink,
    form_class=OutcomeLinkForm,
    tab="method",
    label="lien",
    back_url_name="experiments:method",
    back_anchor="theorie-du-changement",
    experiment_path="source__experiment",
    form_kwargs=lambda experiment, user: {"experiment": experiment},
)

OPEN_STATUSES = {StepStatus.PLANNED, StepStatus.IN_PROGRESS, StepStatus.LATE}


def step_timeline(experiment: Experiment, steps: list[Step], today: date | None) -> SafeString:
    """The SVG timeline of ``steps`` (already fetched), ready to be written in a page or a
    document; an empty string when there are no steps."""
    items = [
        TimelineItem(
            label=step.title,
            start=step.start_date,
            end=None if step.is_milestone else step.end_date,
            status=step.status,
            kind=step.kind,
        )
        for step in steps
    ]
    # Every character of the labels and title is escaped by render_timeline.
    return mark_safe(
        render_timeline(items, title=f"Frise chronologique — {experiment.title}", today=today)
    )


def theory_of_change(experiment: Experiment) -> list[dict]:
    """The outcomes of ``experiment`` in columns, one per level from activities to impact, each
    outcome with its outgoing links (and their targets) and its indicators: three queries."""
    outcomes = list(
        experiment.outcomes.prefetch_related(
            Prefetch("links_out", queryset=OutcomeLink.objects.select_related("target")),
            "indicators",
        )
    )
    return [
        {
            "level": level.value,
            "label": level.label,
            "outcomes": [outcome for outcome in outcomes if outcome.level == level],
        }
        for level in OutcomeLevel
    ]


@login_required
@require_safe
def method(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    today = timezone.localdate()
    steps = list(experiment.steps.all())
    for step in steps:
        step.overdue = step.status in OPEN_STATUSES and (step.end_date or step.start_date) < today
    columns = theory_of_change(experiment)
    context = {
        **experiment_context(experiment, request.user, "method"),
        "steps": steps,
        "timeline_svg": step_timeline(experiment, steps, today),
        "theory_of_change": columns,
        "has_outcomes": any(column["outcomes"] for column in columns),
        "status_choices": StepStatus.choices,
    }
    return render(request, "experiments/method.html", context)


@login_required
@require_POST
def step_status(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    """Change only the status of one step, from the table of the method tab."""
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    step = experiment.steps.filter(pk=step_pk).first()
    if step is None:
        raise Http404("Cette étape n'existe pas.")
    form = StepStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choisissez un statut dans la liste.")
    elif form.cleaned_data["status"] != step.status:
        with transaction.atomic():
            old_status, old_label = step.status, step.get_status_display()
            step.status = form.cleaned_data["status"]
            step.save(update_fields=["status"])
            summary = f"Étape « {step.title} » : {old_label} → {step.get_status_display()}"
            experiment.log_action(
                request.user,
                "updated",
                summary,
                {"status": {"avant": old_status, "après": step.status}},
            )
        messages.success(request, f"{summary}.")
    return redirect(f"{reverse('experiments:method', args=[experiment.pk])}#etape-{step.pk}")


urlpatterns = [
    path("<int:pk>/methode/", method, name="method"),
    path("<int:pk>/methode/etapes/<int:step_pk>/statut/", step_status, name="step_status"),
    *child_urls("methode/etapes", STEPS, "step"),
    *child_urls("methode/theorie-du-changement/maillons", OUTCOMES, "outcome"),
    *child_urls("methode/theorie-du-changement/liens", OUTCOME_LINKS, "outcome_link"),
]
