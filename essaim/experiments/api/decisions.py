"""``/api/v1/experiments/<id>/decisions``: the stop/go decisions of an experiment."""

from datetime import date, datetime

from django.db import models, transaction
from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from essaim.api_errors import InvalidInput, InvalidOut, Strict
from essaim.core.bounds import BoundedDate
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import (
    Assessment,
    CriterionAssessment,
    Decision,
    DecisionKind,
    Experiment,
    Stage,
)
from essaim.governance.models import Meeting
from essaim.roles.models import Perm

# Stop/go decisions --------------------------------------------------------------------------------

router = Router(tags=["expérimentations"])


class AssessmentIn(Strict):
    criterion: int = Field(description="identifiant du critère d'arrêt ou de poursuite")
    assessment: Assessment
    comment: str = ""


class AssessmentOut(Schema):
    criterion: int = Field(alias="criterion_id")
    criterion_label: str
    assessment: Assessment
    comment: str

    @staticmethod
    def resolve_criterion_label(obj: CriterionAssessment) -> str:
        return str(obj.criterion)


class DecisionIn(Strict):
    kind: DecisionKind
    decided_on: BoundedDate
    rationale: str
    at_gate: bool = Field(True, description="false pour la décision finale")
    meeting: int | None = Field(None, description="identifiant de la réunion")
    assessments: list[AssessmentIn] = Field([], description="appréciation des critères")


class DecisionOut(Schema):
    id: int
    kind: DecisionKind
    decided_on: date
    rationale: str
    at_gate: bool
    meeting: int | None = Field(alias="meeting_id")
    stage_before: Stage
    stage_after: Stage
    recorded_by: str | None
    recorded_at: datetime
    assessments: list[AssessmentOut]

    @staticmethod
    def resolve_recorded_by(obj: Decision) -> str | None:
        return str(obj.recorded_by) if obj.recorded_by else None

    @staticmethod
    def resolve_assessments(obj: Decision) -> list:
        return list(obj.assessments.all())


def decisions_of(experiment: Experiment) -> models.QuerySet:
    return experiment.decisions.select_related("recorded_by").prefetch_related(
        Prefetch("assessments", queryset=CriterionAssessment.objects.select_related("criterion"))
    )


@router.get(
    "{experiment_id}/decisions",
    response=list[DecisionOut],
    summary="Décisions d'arrêt ou de poursuite",
)
def list_decisions(request: HttpRequest, experiment_id: int):
    return decisions_of(get_experiment_for(request.user, experiment_id))


@router.post(
    "{experiment_id}/decisions",
    response={201: DecisionOut, 422: InvalidOut},
    summary="Enregistrer une décision",
)
def record_decision(request: HttpRequest, experiment_id: int, payload: DecisionIn):
    """À une étape de décision ou à la fin : l'expérimentation passe à l'étape où mène la
    décision. Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    meeting = None
    if payload.meeting is not None:
        meeting = Meeting.objects.of(experiment).filter(pk=payload.meeting).first()
        if meeting is None:
            raise InvalidInput(f"Réunion inconnue : {payload.meeting}.", "meeting")
    criteria = set(experiment.stop_go_criteria.values_list("pk", flat=True))
    assessments = {}
    for item in payload.assessments:
        if item.criterion not in criteria:
            raise InvalidInput(
                f"Critère inconnu pour cette expérimentation : {item.criterion}.", "assessments"
            )
        if item.criterion in assessments:
            raise InvalidInput(
                f"Le critère {item.criterion} est apprécié deux fois.", "assessments"
            )
        assessments[item.criterion] = (item.assessment, item.comment.strip())
    with transaction.atomic():
        decision = experiment.record_decision(
            kind=payload.kind,
            decided_on=payload.decided_on,
            rationale=payload.rationale.strip(),
            actor=request.user,
            at_gate=payload.at_gate,
            meeting=meeting,
            assessments=assessments,
        )
    return Status(201, decisions_of(experiment).get(pk=decision.pk))
