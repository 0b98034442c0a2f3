"""The framing (cadrage) of an experiment: a guided form in steps that saves as it goes, the
gauge of the framing questions still open, and the whole framing on one printable canvas."""

from dataclasses import dataclass, replace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_GET, require_http_methods

from essaim.core.children import ChildKind
from essaim.core.concurrency import save_or_conflict
from essaim.core.history import describe_changes
from essaim.experiments import services
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.forms.framing import (
    ActorsForm,
    CalendarForm,
    EvaluationForm,
    FundingForm,
    HypothesisForm,
    NeedForm,
    PartnerForm,
    PerimeterForm,
    RisksForm,
    StopGoCriterionForm,
    TypeForm,
)
from essaim.experiments.models import (
    Experiment,
    FramingItem,
    Funding,
    Hypothesis,
    Partner,
    StopGoCriterion,
)
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm


@dataclass(frozen=True)
class FramingStep:
    key: str
    title: str
    lead: str
    form_class: type[forms.ModelForm] | None = None


STEPS: list[FramingStep] = [
    FramingStep(
        "besoin",
        "Besoin et finalités",
        "Partir du besoin ou du problème, de son origine, et de ce que l'on veut changer.",
        NeedForm,
    ),
    FramingStep(
        "type",
        "Type d'expérimentation",
        "Ce que l'expérimentation cherche, ce qu'elle met à l'épreuve, et s'il s'agit d'une "
        "expérience ou d'une véritable expérimentation.",
        TypeForm,
    ),
    FramingStep(
        "hypotheses",
        "Hypothèses",
        "Ce que l'expérimentation doit vérifier : des hypothèses testables, que l'évaluation "
        "confirmera, réfutera ou invitera à affiner.",
    ),
    FramingStep(
        "perimetre",
        "Public et périmètre",
        "Pour qui, et sur quels territoires.",
        PerimeterForm,
    ),
    FramingStep(
        "calendrier",
        "Calendrier et budget",
        "Quand elle commence et quand elle finit, combien elle coûte et qui la finance.",
        CalendarForm,
    ),
    FramingStep(
        "partenaires",
        "Partenaires",
        "Qui s'engage, avec quel rôle et quel apport.",
    ),
    FramingStep(
        "evaluation",
        "Réussite et évaluation",
        "Les conditions de réussite et la méthode d'évaluation se décident avant le "
        "démarrage, comme les critères qui permettront d'arrêter ou de poursuivre.",
        EvaluationForm,
    ),
    FramingStep(
        "risques",
        "Risques et droit à l'erreur",
        "La prise de risque fait partie de l'expérimentation : ce qui peut échouer, ce qui "
        "est réversible, ce qu'un échec apprendrait.",
        RisksForm,
    ),
    FramingStep(
        "acteurs",
        "Acteurs publics et base juridique",
        "Le lien aux politiques publiques et aux institutions, et la base juridique si une "
        "règle est écartée.",
        ActorsForm,
    ),
]
STEP_BY_KEY = {step.key: step for step in STEPS}


def framing_fields() -> dict[str, forms.Field]:
    """The fields of the framing, by name, as the steps of the guided form present them."""
    return {
        name: field
        for step in STEPS
        if step.form_class is not None
        for name, field in step.form_class.base_fields.items()
    }


def describe_framing_change(names) -> str:
    """The history summary of a change of the framing fields ``names``, step by step:
    « Cadrage, « Calendrier » : date de fin » — the same from the page and from the API."""
    parts = []
    for step in STEPS:
        if step.form_class is None:
            continue
        changed = [name for name in step.form_class.base_fields if name in names]
        if changed:
            labels = ", ".join(
                str(Experiment._meta.get_field(name).verbose_name) for name in changed
            )
            parts.append(f"« {step.title} » : {labels}")
    return "Cadrage, " + " ; ".join(parts)


def FramingChildPage(*, step: str, back_anchor: str = "", **kwargs) -> ChildKind:
    """A child listed on one step of the guided form: changing it leads back to that step."""

    def back_url(experiment: Experiment, child=None) -> str:
        url = reverse("experiments:framing_step", args=[experiment.pk, step])
        return f"{url}#{back_anchor}" if back_anchor else url

    return replace(ChildPage(back_anchor=back_anchor, **kwargs), back_url=back_url)


HYPOTHESES = FramingChildPage(
    model=Hypothesis,
    form_class=HypothesisForm,
    tab="framing",
    label="hypothèse",
    feminine=True,
    back_url_name="experiments:framing_step",
    step="hypotheses",
    back_anchor="hypotheses",
)
FUNDINGS = FramingChildPage(
    model=Funding,
    form_class=FundingForm,
    tab="framing",
    label="financement",
    back_url_name="experiments:framing_step",
    step="calendrier",
    back_anchor="budget",
    with_changes=True,
)
PARTNERS = FramingChildPage(
    model=Partner,
    form_class=PartnerForm,
    tab="framing",
    label="partenaire",
    back_url_name="experiments:framing_step",
    step="partenaires",
    back_anchor="partenaires",
)
CRITERIA = FramingChildPage(
    model=StopGoCriterion,
    form_class=StopGoCriterionForm,
    tab="framing",
    label="critère d'arrêt ou de poursuite",
    back_url_name="experiments:framing_step",
    step="evaluation",
    back_anchor="criteres",
)


def _fetch(request: HttpRequest, pk: int, perm: Perm = Perm.VIEW) -> Experiment:
    queryset = services.with_framing(Experiment.objects.all())
    return get_experiment_for(request.user, pk, perm, queryset=queryset)


def framing_summary(experiment: Experiment, items: list[FramingItem]) -> dict:
    """What the gauge shows: the share of framing questions answered and those still open."""
    answered = sum(item.answered for item in items)
    return {
        "completeness": experiment.framing_completeness(),
        "answered": answered,
        "total": len(items),
        "open_items": [item for item in items if not item.answered],
    }


def _steps_nav(experiment: Experiment, items: list[FramingItem], current: str | None) -> list:
    done = {step.key: True for step in STEPS}
    for item in items:
        done[item.step] = done[item.step] and item.answered
    return [
        {
            "number": number,
            "key": step.key,
            "title": step.title,
            "done": done[step.key],
            "current": step.key == current,
            "url": reverse("experiments:framing_step", args=[experiment.pk, step.key]),
        }
        for number, step in enumerate(STEPS, start=1)
    ]


def _neighbours(step: FramingStep) -> tuple[FramingStep | None, FramingStep | None]:
    index = STEPS.index(step)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


@login_required
@require_GET
def framing(request: HttpRequest, pk: int) -> HttpResponse:
    """The first framing question still open, for those who may answer it; otherwise the
    summary of the framing (the steps, the gauge and the canvas)."""
    experiment = _fetch(request, pk)
    context = experiment_context(experiment, request.user, "framing")
    items = experiment.framing_checklist()
    first_open = next((item.step for item in items if not item.answered), None)
    context["framing"] = framing_summary(experiment, items)
    if context["can_edit"] and first_open:
        return _render_step(request, experiment, context, items, STEP_BY_KEY[first_open])
    context["steps_nav"] = _steps_nav(experiment, items, None)
    return render(request, "experiments/framing.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def framing_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step of the guided form: saving it writes the experiment's history, then leads to
    the next step (« Enregistrer et continuer ») or back to this one (« Enregistrer »)."""
    spec = STEP_BY_KEY.get(step)
    if spec is None:
        raise Http404("Cette étape du cadrage n'existe pas.")
    perm = Perm.EDIT if request.method == "POST" else Perm.VIEW
    experiment = _fetch(request, pk, perm)
    context = experiment_context(experiment, request.user, "framing")
    if not context["can_edit"]:
        return redirect(reverse("experiments:canvas", args=[pk]) + f"#cadre-{spec.key}")
    # The gauge is read before the form, which changes the experiment as it validates.
    items = experiment.framing_checklist()
    context["framing"] = framing_summary(experiment, items)
    form = None
    if spec.form_class is not None:
        data = request.POST if request.method == "POST" else None
        form = spec.form_class(data, instance=experiment, user=request.user)
    if request.method == "POST" and (form is None or form.is_valid()):
        if form is not None and form.has_changed():
            if not save_or_conflict(form, save=lambda: _save_step(request, experiment, spec, form)):
                return _render_step(request, experiment, context, items, spec, form)
            messages.success(request, f"Étape « {spec.title} » enregistrée.")
        _, following = _neighbours(spec)
        if request.POST.get("ensuite") == "rester":
            return redirect("experiments:framing_step", pk, spec.key)
        if following is None:
            return redirect("experiments:canvas", pk)
        return redirect("experiments:framing_step", pk, following.key)
    return _render_step(request, experiment, context, items, spec, form)


def _render_step(
    request: HttpRequest,
    experiment: Experiment,
    context: dict,
    items: list[FramingItem],
    spec: FramingStep,
    form: forms.ModelForm | None = None,
) -> HttpResponse:
    if form is None and spec.form_class is not None:
        form = spec.form_class(instance=experiment, user=request.user)
    previous, following = _neighbours(spec)
    context.update(
        step=spec,
        form=form,
        previous_step=previous,
        next_step=following,
        steps_nav=_steps_nav(experiment, items, spec.key),
        step_number=STEPS.index(spec) + 1,
        step_count=len(STEPS),
    )
    return render(request, "experiments/framing_step.html", context)


def _save_step(
    request: HttpRequest,
    experiment: Experiment,
    spec: FramingStep,
    form: forms.ModelForm,
) -> None:
    """Save the fields of one step that changed, and write one history entry naming them
    with their values before and after."""
    changed = form.changed_data
    changes = describe_changes(form)
    with transaction.atomic():
        form.lock_and_check()
        form.save(commit=False)
        concrete = [name for name in changed if not Experiment._meta.get_field(name).many_to_many]
        if concrete:
            experiment.save(update_fields=[*concrete, "updated_at"])
        form.save_m2m()
        experiment.log_action(request.user, "updated", describe_framing_change(changed), changes)


@login_required
@require_GET
def canvas(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole framing on one page, printable on one A4 landscape sheet."""
    experiment = _fetch(request, pk)
    context = experiment_context(experiment, request.user, "framing")
    return render(request, "experiments/canvas.html", context)


urlpatterns = [
    path("<int:pk>/cadrage/", framing, name="framing"),
    path("<int:pk>/cadrage/canevas/", canvas, name="canvas"),
    path("<int:pk>/cadrage/<slug:step>/", framing_step, name="framing_step"),
    *child_urls("cadrage/hypotheses", HYPOTHESES, "hypothesis"),
    *child_urls("cadrage/financements", FUNDINGS, "funding"),
    *child_urls("cadrage/partenaires", PARTNERS, "partner"),
    *child_urls("cadrage/criteres", CRITERIA, "criterion"),
]
