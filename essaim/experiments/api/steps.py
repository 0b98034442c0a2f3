"""``/api/v1/experiments/<id>/steps``: the steps and milestones of an experiment's method."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from essaim.api_errors import InvalidOut, Strict
from essaim.core import children
from essaim.experiments.access import get_experiment_for
from essaim.experiments.api.common import (
    child_of,
    child_version,
    create_through_form,
    update_through_form,
)
from essaim.experiments.models import (
    Step,
    StepKind,
    StepStatus,
)
from essaim.experiments.views.method import STEPS as STEP_PAGES
from essaim.roles.models import Perm

router = Router(tags=["expérimentations"])


# Steps --------------------------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    kind: StepKind
    title: str
    description: str
    start_date: date
    end_date: date | None
    deliverables: str
    status: StepStatus
    is_milestone: bool
    version: str = Field(description="version lue, à renvoyer avec une modification")

    @staticmethod
    def resolve_version(obj: Step) -> str:
        return child_version(STEP_PAGES, obj)


class StepIn(Strict):
    kind: StepKind = StepKind.STEP
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    start_date: date
    end_date: date | None = Field(None, description="vide pour un jalon")
    deliverables: str = ""
    status: StepStatus = StepStatus.PLANNED


class StepPatch(Strict):
    kind: StepKind = None
    title: str = Field(None, min_length=1, max_length=200)
    description: str = None
    start_date: date = None
    end_date: date | None = None
    deliverables: str = None
    status: StepStatus = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


@router.get("{experiment_id}/steps", response=list[StepOut], summary="Étapes et jalons")
def list_steps(request: HttpRequest, experiment_id: int):
    return get_experiment_for(request.user, experiment_id).steps.all()


@router.post(
    "{experiment_id}/steps",
    response={201: StepOut, 422: InvalidOut},
    summary="Ajouter une étape ou un jalon",
)
def create_step(request: HttpRequest, experiment_id: int, payload: StepIn):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    return Status(201, create_through_form(request, STEP_PAGES, experiment, payload))


@router.get("{experiment_id}/steps/{step_id}", response=StepOut, summary="Une étape")
def get_step(request: HttpRequest, experiment_id: int, step_id: int):
    return child_of(get_experiment_for(request.user, experiment_id), Step, step_id)


@router.patch(
    "{experiment_id}/steps/{step_id}",
    response={200: StepOut, 422: InvalidOut},
    summary="Modifier une étape",
)
def update_step(request: HttpRequest, experiment_id: int, step_id: int, payload: StepPatch):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    step = child_of(experiment, Step, step_id)
    return update_through_form(request, STEP_PAGES, experiment, step, payload)


@router.delete("{experiment_id}/steps/{step_id}", response={204: None}, summary="Supprimer")
def delete_step(request: HttpRequest, experiment_id: int, step_id: int):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    step = child_of(experiment, Step, step_id)
    children.delete_child(kind=STEP_PAGES, parent=experiment, child=step, actor=request.user)
    return Status(204, None)
