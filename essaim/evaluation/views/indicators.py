"""The evaluation tab of an experiment: evaluative questions with their indicators and progress,
hypotheses with their verdicts; and the page of one indicator, where measurements are added."""

from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.page_cache import kept_page
from essaim.core.uploads import limit_upload_size
from essaim.evaluation.charts import (
    Progress,
    chart_series,
    indicator_chart,
    measurement_text,
    progress_bar,
    progress_of,
    standing_from_database,
    standing_of,
)
from essaim.evaluation.forms.indicators import (
    EvaluationQuestionForm,
    IndicatorForm,
    IndicatorTargetForm,
    MeasurementForm,
)
from essaim.evaluation.models import (
    EvaluationQuestion,
    HypothesisVerdict,
    Indicator,
    IndicatorTarget,
    Measurement,
)
from essaim.evaluation.services import add_measurement
from essaim.evaluation.spreadsheets import recent_imports
from essaim.evaluation.views.spreadsheets import may_undo
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.models import Experiment, Hypothesis
from essaim.experiments.tabs import experiment_context
from essaim.lib import french
from essaim.roles.models import Perm

MEASUREMENTS_PER_PAGE = 50

QUESTIONS = ChildPage(
    model=EvaluationQuestion,
    form_class=EvaluationQuestionForm,
    tab="evaluation",
    label="question évaluative",
    feminine=True,
    back_url_name="evaluation:indicators",
    back_anchor="questions",
)


def measurements_deleted_with(indicator: Indicator) -> str:
    """« Cet indicateur a 1 234 mesures, elles seront supprimées. », or "" when it has none."""
    count = indicator.measurements.count()
    if not count:
        return ""
    if count == 1:
        return "Cet indicateur a 1 mesure, elle sera supprimée."
    return f"Cet indicateur a {french.counted(count, 'mesure')}, elles seront supprimées."


INDICATORS = ChildPage(
    model=Indicator,
    form_class=IndicatorForm,
    tab="evaluation",
    label="indicateur",
    back_url_name="evaluation:indicators",
    back_anchor="questions",
    form_kwargs=lambda experiment, user: {"experiment": experiment},
    delete_warning=measurements_deleted_with,
)
TARGETS = ChildPage(
    model=IndicatorTarget,
    form_class=IndicatorTargetForm,
    tab="evaluation",
    label="cible intermédiaire",
    feminine=True,
    back_url_name="evaluation:indicators",
    back_anchor="questions",
    experiment_path="indicator__experiment",
    parent_field="indicator",
    parent_model=Indicator,
)


@dataclass
class IndicatorRow:
    """An indicator with what its lists show: its progress and its small bar."""

    indicator: Indicator
    progress: Progress
    bar: SafeString
    latest: Measurement | None


def indicator_row(indicator: Indicator) -> IndicatorRow:
    """``indicator`` must be read ``with_standing``: its measurements are not."""
    measurements = standing_from_database(indicator)
    progress = progress_of(indicator, measurements)
    return IndicatorRow(
        indicator=indicator,
        progress=progress,
        bar=progress_bar(indicator, progress),
        latest=measurements[-1] if measurements else None,
    )


@dataclass
class QuestionGroup:
    question: EvaluationQuestion | None
    rows: list[IndicatorRow]


def hypotheses_with_verdicts(experiment: Experiment) -> list[Hypothesis]:
    """The hypotheses of ``experiment``, each with its verdicts (newest first) and what
    supports them, in four queries."""
    verdicts = HypothesisVerdict.objects.select_related("recorded_by").prefetch_related(
        Prefetch("measurements", Measurement.objects.select_related("indicator")),
        "journal_entries",
    )
    return list(
        experiment.hypotheses.prefetch_related(Prefetch("verdicts", verdicts)).order_by(
            "position", "pk"
        )
    )


@login_required
@require_safe
@kept_page
def indicators(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    questions = list(experiment.evaluation_questions.all())
    rows = [
        indicator_row(indicator)
        for indicator in Indicator.objects.with_standing().filter(experiment=experiment)
    ]
    groups = [
        QuestionGroup(question, [row for row in rows if row.indicator.question_id == question.pk])
        for question in questions
    ]
    unassigned = [row for row in rows if row.indicator.question_id is None]
    context = experiment_context(experiment, request.user, "evaluation")
    imports = recent_imports(experiment)
    for batch in imports:
        batch.undoable = may_undo(batch, request.user, context)
    context = {
        **context,
        "imports": imports,
        "groups": groups,
        "unassigned": unassigned,
        "indicator_count": len(rows),
        "hypotheses": hypotheses_with_verdicts(experiment),
    }
    return render(request, "evaluation/indicators.html", context)


@login_required
@limit_upload_size
@require_http_methods(["GET", "HEAD", "POST"])
@kept_page
def indicator_detail(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    """One indicator: its definition, progress, chart and measurements; contributors add a
    measurement here (POST)."""
    perm = Perm.CONTRIBUTE if request.method == "POST" else Perm.VIEW
    experiment = get_experiment_for(request.user, pk, perm)
    indicator = (
        experiment.indicators.select_related("question", "outcome").filter(pk=indicator_pk).first()
    )
    if indicator is None:
        raise Http404("Cet indicateur n'existe pas.")
    context = experiment_context(experiment, request.user, "evaluation")
    form = None
    if context["can_contribute"]:
        form = MeasurementForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        add_measurement(form=form, experiment=experiment, actor=request.user)
        messages.success(request, "Mesure ajoutée.")
        return redirect(indicator_url(experiment.pk, indicator.pk) + "#mesures")

    # Every measurement, as light rows, for the chart, the progress and the running totals;
    # the table shows a page of them, newest first.
    rows = list(indicator.measurements.values_list("measured_on", "value", "level"))
    running_totals = {}
    if indicator.cumulative:
        total = Decimal(0)
        for day, value, _level in rows:
            total += value or 0
            running_totals[day] = total
    paginator = Paginator(
        indicator.measurements.select_related("recorded_by").order_by("-measured_on", "-pk"),
        MEASUREMENTS_PER_PAGE,
    )
    paginator.count = len(rows)  # counted already: no query more
    page = paginator.get_page(request.GET.get("page"))
    measurements = list(page.object_list)
    for measurement in measurements:
        measurement.indicator = indicator
        measurement.text = measurement_text(measurement)
        measurement.evidence_name = PurePath(measurement.evidence.name).name
        if measurement.measured_on in running_totals:
            measurement.running_total = french.number(
                running_totals[measurement.measured_on], unit=indicator.unit
            )
        measurement.editable = context["can_edit"] or (
            context["can_contribute"] and measurement.recorded_by_id == request.user.pk
        )
    targets = list(indicator.targets.all())
    for target in targets:
        target.text = french.number(target.value, unit=indicator.unit)
    progress = progress_of(indicator, standing_of(indicator, rows))
    series = chart_series(indicator, rows)
    context.update(
        {
            "indicator": indicator,
            "measurements": measurements,
            "page": page,
            "measurement_count": len(rows),
            "latest_day": rows[-1][0] if rows else None,
            "baseline_text": french.number(indicator.baseline_value, unit=indicator.unit),
            "target_text": french.number(indicator.target_value, unit=indicator.unit),
            "targets": targets,
            "progress": progress,
            "bar": progress_bar(indicator, progress),
            "chart": indicator_chart(indicator, [], targets, series=series),
            "chart_series": series,
            "form": form,
        }
    )
    return render(request, "evaluation/indicator_detail.html", context)


def indicator_url(experiment_pk: int, indicator_pk: int) -> str:
    return reverse("evaluation:indicator", args=[experiment_pk, indicator_pk])


urlpatterns = [
    path("<int:pk>/evaluation/", indicators, name="indicators"),
    path(
        "<int:pk>/evaluation/indicateurs/<int:indicator_pk>/",
        indicator_detail,
        name="indicator",
    ),
    *child_urls("evaluation/questions", QUESTIONS, "question"),
    *child_urls("evaluation/indicateurs", INDICATORS, "indicator"),
    *child_urls("evaluation/cibles", TARGETS, "indicator_target"),
]
