"""The risk register of an experiment: each risk rated by likelihood and impact, sorted by
criticality and placed on a 3 × 3 matrix, beside the right to error set in the framing."""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.forms.risks import IMPACT_LABELS, RiskForm
from essaim.experiments.models import Level, Risk, RiskStatus
from essaim.experiments.tabs import experiment_context

RISKS = ChildPage(
    model=Risk,
    form_class=RiskForm,
    tab="risks",
    label="risque",
    back_url_name="experiments:risks",
    back_anchor="registre",
)


@dataclass(frozen=True)
class Criticality:
    key: str
    label: str


LOW = Criticality("faible", "criticité faible")
MEDIUM = Criticality("moyenne", "criticité moyenne")
HIGH = Criticality("forte", "criticité forte")


def criticality(likelihood: int, impact: int) -> Criticality:
    """Likelihood × impact, each from 1 to 3: up to 2 is low, 3 or 4 medium, 6 or 9 high."""
    score = likelihood * impact
    if score >= 6:
        return HIGH
    if score >= 3:
        return MEDIUM
    return LOW


@dataclass
class MatrixCell:
    likelihood: Level
    impact: Level
    criticality: Criticality
    risks: list[Risk] = field(default_factory=list)


def risk_matrix(risks: list[Risk]) -> list[tuple[Level, list[MatrixCell]]]:
    """Rows from the most to the least likely, columns from the weakest to the strongest
    impact, each cell with the risks it holds."""
    cells = {
        (likelihood, impact): MatrixCell(likelihood, impact, criticality(likelihood, impact))
        for likelihood in Level
        for impact in Level
    }
    for risk in risks:
        cells[(risk.likelihood, risk.impact)].risks.append(risk)
    return [
        (likelihood, [cells[(likelihood, impact)] for impact in Level])
        for likelihood in reversed(Level)
    ]


@login_required
@require_safe
def risks(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    register = list(
        experiment.risks.annotate(score=F("likelihood") * F("impact")).order_by(
            "-score", "-impact", "-likelihood", "pk"
        )
    )
    for risk in register:
        risk.level = criticality(risk.likelihood, risk.impact)
        risk.impact_label = IMPACT_LABELS[risk.impact]
    current = [risk for risk in register if risk.status != RiskStatus.CLOSED]
    context = {
        **experiment_context(experiment, request.user, "risks"),
        "register": register,
        "matrix": risk_matrix(current),
        "impacts": list(IMPACT_LABELS.values()),
        "counts": {
            "open": sum(risk.status == RiskStatus.OPEN for risk in register),
            "materialised": sum(risk.status == RiskStatus.MATERIALISED for risk in register),
            "closed": len(register) - len(current),
            "right_to_error": sum(risk.accepted_as_right_to_error for risk in register),
        },
    }
    return render(request, "experiments/risks.html", context)


urlpatterns = [
    path("<int:pk>/risques/", risks, name="risks"),
    *child_urls("risques", RISKS, "risk"),
]
