"""The readiness diagnostic: the latest one beside the one before (radar, actions), the
progress of each dimension over time, and the form that makes or corrects one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.concurrency import EditConflict
from essaim.experiments.access import get_experiment_for
from essaim.lib import french
from essaim.lib.svg_radar import RadarSeries, render_radar_chart
from essaim.roles.models import Perm
from essaim.scaling.evidence import impact_evidence
from essaim.scaling.forms.readiness import ReadinessForm
from essaim.scaling.models import ReadinessDiagnosis
from essaim.scaling.readiness import DIMENSIONS, QUESTIONS, recommended_actions
from essaim.scaling.services.readiness import create_diagnosis, update_diagnosis, values_of
from essaim.scaling.views.common import scaling_context


def _diagnoses(experiment) -> list[ReadinessDiagnosis]:
    """Every diagnosis of ``experiment`` with its answers, newest first: two queries."""
    return list(experiment.readiness_diagnoses.prefetch_related("answers"))


def radar_of(diagnoses: list[ReadinessDiagnosis], *, width: int = 520) -> str:
    """The radar of the first of ``diagnoses`` over the one after it (the one before in time)."""
    series = [
        RadarSeries(
            f"Diagnostic du {french.long_date(diagnosis.assessed_on)}",
            [item.score for item in diagnosis.dimension_scores()],
        )
        for diagnosis in diagnoses[:2]
    ]
    return render_radar_chart(
        [dimension.label for dimension in DIMENSIONS],
        series,
        title="Maturité pour le changement d'échelle, par dimension",
        width=width,
    )


def _evolution(diagnoses: list[ReadinessDiagnosis]) -> dict:
    """A table: one row per dimension, one column per diagnosis, oldest first."""
    columns = list(reversed(diagnoses))
    scores = [diagnosis.dimension_scores() for diagnosis in columns]
    return {
        "columns": columns,
        "rows": [
            {"dimension": dimension, "scores": [column[index].score for column in scores]}
            for index, dimension in enumerate(DIMENSIONS)
        ],
        "overall": [diagnosis.overall_score() for diagnosis in columns],
    }


def _detail_context(diagnoses: list[ReadinessDiagnosis], shown: ReadinessDiagnosis) -> dict:
    index = diagnoses.index(shown)
    previous = diagnoses[index + 1] if index + 1 < len(diagnoses) else None
    overall = shown.overall_score()
    before = previous.overall_score() if previous else None
    answers = {answer.question: answer for answer in shown.answers.all()}
    return {
        "diagnosis": shown,
        "previous": previous,
        # « +12 », « −5 », « 0 »: points gained since the diagnosis before.
        "delta": None if overall is None or before is None else french.signed(overall - before),
        "delta_count": None if overall is None or before is None else abs(overall - before),
        # lib/svg_radar escapes every text it writes.
        "radar": mark_safe(radar_of(diagnoses[index:])),
        "scores": shown.dimension_scores(),
        "overall": overall,
        "actions": recommended_actions(shown.answer_scores()),
        "answered": [
            {
                "dimension": dimension,
                "answers": [
                    (question, answers.get(question.key)) for question in dimension.questions
                ],
            }
            for dimension in DIMENSIONS
        ],
    }


@login_required
@require_safe
def readiness(request: HttpRequest, pk: int, diagnosis_pk: int | None = None) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    diagnoses = _diagnoses(experiment)
    context = {**scaling_context(experiment, request.user, "readiness"), "diagnoses": diagnoses}
    shown = diagnoses[0] if diagnoses else None
    if diagnosis_pk is not None:
        shown = next((item for item in diagnoses if item.pk == diagnosis_pk), None)
        if shown is None:
            raise Http404("Ce diagnostic n'existe pas.")
    if shown is not None:
        context.update(_detail_context(diagnoses, shown))
        context["evolution"] = _evolution(diagnoses)
    return render(request, "scaling/readiness.html", context)


def _form_page(request, experiment, form, diagnosis=None) -> HttpResponse:
    context = {
        **scaling_context(experiment, request.user, "readiness"),
        "form": form,
        "diagnosis": diagnosis,
        "evidence": impact_evidence(experiment),
        "question_count": len(QUESTIONS),
    }
    return render(
        request, "scaling/readiness_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def add_diagnosis(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    latest = next(iter(_diagnoses(experiment)), None)
    values = {**values_of(latest, with_header=False), "assessed_on": timezone.localdate()}
    form = ReadinessForm(request.POST or None, values=values, versioned=False)
    if request.method == "POST" and form.is_valid():
        diagnosis = create_diagnosis(experiment=experiment, form=form, actor=request.user)
        messages.success(request, "Le diagnostic est enregistré.")
        return redirect(reverse("scaling:diagnosis", args=[experiment.pk, diagnosis.pk]))
    return _form_page(request, experiment, form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_diagnosis(request: HttpRequest, pk: int, diagnosis_pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    diagnosis = (
        experiment.readiness_diagnoses.prefetch_related("answers").filter(pk=diagnosis_pk).first()
    )
    if diagnosis is None:
        raise Http404("Ce diagnostic n'existe pas.")
    form = ReadinessForm(request.POST or None, values=values_of(diagnosis), versioned=True)
    if request.method == "POST" and form.is_valid():
        try:
            update_diagnosis(diagnosis=diagnosis, form=form, actor=request.user)
        except EditConflict as conflict:
            form.show_conflict(conflict)
        else:
            messages.success(request, "Le diagnostic est corrigé.")
            return redirect(reverse("scaling:diagnosis", args=[experiment.pk, diagnosis.pk]))
    return _form_page(request, experiment, form, diagnosis)


urlpatterns = [
    path("experimentations/<int:pk>/essaimage/diagnostic/", readiness, name="readiness"),
    path(
        "experimentations/<int:pk>/essaimage/diagnostic/nouveau/",
        add_diagnosis,
        name="add_diagnosis",
    ),
    path(
        "experimentations/<int:pk>/essaimage/diagnostic/<int:diagnosis_pk>/",
        readiness,
        name="diagnosis",
    ),
    path(
        "experimentations/<int:pk>/essaimage/diagnostic/<int:diagnosis_pk>/modifier/",
        edit_diagnosis,
        name="edit_diagnosis",
    ),
]
