"""A programme (its stages, organisers, accompaniment group and territories counted by status),
changed through the form of its page; the deliverables it owes, added and changed through
theirs."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidOut, Strict
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.children import bound_form, filled_form, save_child
from essaim.core.history import changed_labels, describe_changes
from essaim.programmes.access import get_programme_for
from essaim.programmes.api.common import VERSION_HELP, CheckedPagination, form_version, sent
from essaim.programmes.forms.programme import DeliverableForm, ProgrammeForm
from essaim.programmes.models import (
    TAKING_PART,
    Deliverable,
    DeliverableKind,
    DeliverableStatus,
    Programme,
    StageStatus,
    TerritoryStatus,
)
from essaim.programmes.services.programme import deliverable_status, files_by_deliverable
from essaim.programmes.services.territories import counts_by_status
from essaim.programmes.views.programme import DELIVERABLES
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for

router = Router()

PROGRAMMES = Programme.objects.annotate(
    territory_count=Count("territories", distinct=True),
    taking_part_count=Count(
        "territories", filter=Q(territories__status__in=sorted(TAKING_PART)), distinct=True
    ),
).prefetch_related("organisers")


# Programmes ---------------------------------------------------------------------------------------


class OrganiserOut(Schema):
    id: int
    name: str


class ProgrammeStageOut(Schema):
    id: int
    position: int
    title: str
    description: str
    start_date: date
    end_date: date
    status: StageStatus


class GroupMemberOut(Schema):
    id: int
    name: str
    organisation: int | None = Field(alias="organisation_id")
    role: str
    is_expert: bool = Field(description="part en écoute territoriale, en binôme")


class StatusCountOut(Schema):
    status: TerritoryStatus
    label: str
    count: int


class ProgrammeOut(Schema):
    id: int
    title: str
    slug: str
    summary: str
    start_date: date
    end_date: date
    organisers: list[OrganiserOut]
    territory_count: int = Field(description="les territoires, candidats compris")
    taking_part_count: int = Field(description="les territoires qui participent (confirmés)")

    @staticmethod
    def resolve_organisers(obj: Programme) -> list:
        return list(obj.organisers.all())


class ProgrammeDetailOut(ProgrammeOut):
    aims: str
    questions: str
    added_value: str
    budget: Decimal | None
    participants_expected: int
    contact: str
    stages: list[ProgrammeStageOut]
    group: list[GroupMemberOut]
    territories_by_status: list[StatusCountOut]
    version: str

    @staticmethod
    def resolve_stages(obj: Programme) -> list:
        return list(obj.stages.all())

    @staticmethod
    def resolve_group(obj: Programme) -> list:
        return list(obj.group_members.all())

    @staticmethod
    def resolve_territories_by_status(obj: Programme) -> list[dict]:
        counts = counts_by_status(list(obj.territories.only("pk", "status")))
        return [
            {"status": status, "label": label, "count": count}
            for status, (label, count) in zip(TerritoryStatus, counts, strict=True)
        ]

    @staticmethod
    def resolve_version(obj: Programme) -> str:
        return form_version(ProgrammeForm, obj)


class ProgrammePatch(Strict):
    title: SingleLine = Field(None, min_length=1, max_length=250)
    summary: str = None
    aims: str = None
    questions: str = None
    added_value: str = None
    organisers: list[int] = Field(None, description="les identifiants des organisations")
    start_date: BoundedDate = None
    end_date: BoundedDate = None
    budget: Decimal | None = None
    participants_expected: int = None
    contact: str = None
    version: str = Field(None, description=VERSION_HELP)


@router.get("", response=list[ProgrammeOut], summary="Programmes visibles")
@paginate(CheckedPagination)
def list_programmes(request: HttpRequest):
    return PROGRAMMES.visible_to(request.user).order_by("-start_date", "title", "pk")


def _programme(request: HttpRequest, programme_id: int, perm: Perm = Perm.VIEW) -> Programme:
    return get_programme_for(request.user, programme_id, perm, queryset=PROGRAMMES)


@router.get("{programme_id}", response=ProgrammeDetailOut, summary="Un programme")
def get_programme(request: HttpRequest, programme_id: int):
    return _programme(request, programme_id)


@router.patch(
    "{programme_id}",
    response={200: ProgrammeDetailOut, 409: InvalidOut, 422: InvalidOut},
    summary="Modifier un programme",
)
def update_programme(request: HttpRequest, programme_id: int, payload: ProgrammePatch):
    """Only the fields sent change, checked by the form of the page."""
    programme = _programme(request, programme_id, Perm.EDIT)
    data, version = sent(request, payload)
    with transaction.atomic():
        form = filled_form(ProgrammeForm, instance=programme, data=data, version=version)
        changes = describe_changes(form)
        form.save()
        if changes:
            summary = f"Programme modifié : {changed_labels(changes)}"
            programme.log_action(request.user, "updated", summary, changes)
    return _programme(request, programme_id)


# Deliverables -------------------------------------------------------------------------------------

DELIVERABLE_ROWS = Deliverable.objects.select_related("programme")


class DeliverableOut(Schema):
    id: int
    programme: int = Field(alias="programme_id")
    kind: DeliverableKind
    title: str
    stage: int | None = Field(alias="stage_id")
    due_date: date | None
    status: DeliverableStatus
    note: str
    late: bool = Field(description="attendue et ni remise ni validée à ce jour")
    file_count: int
    version: str

    @staticmethod
    def resolve_late(obj: Deliverable) -> bool:
        return deliverable_status(obj, timezone.localdate()) == "en_retard"

    @staticmethod
    def resolve_version(obj: Deliverable) -> str:
        return form_version(DeliverableForm, obj)


class DeliverableIn(Strict):
    kind: DeliverableKind
    title: SingleLine = Field(min_length=1, max_length=250)
    stage: int | None = Field(None, description="l'identifiant d'une étape du programme")
    due_date: BoundedDate | None = None
    status: DeliverableStatus = DeliverableStatus.PLANNED
    note: str = ""


class DeliverablePatch(Strict):
    kind: DeliverableKind = None
    title: SingleLine = Field(None, min_length=1, max_length=250)
    stage: int | None = None
    due_date: BoundedDate | None = None
    status: DeliverableStatus = None
    note: str = None
    version: str = Field(None, description=VERSION_HELP)


def count_files(deliverables: list[Deliverable], request: HttpRequest | None = None) -> None:
    files = files_by_deliverable(deliverables)
    for deliverable in deliverables:
        deliverable.file_count = files.get(deliverable.pk, 0)


def _deliverable(request: HttpRequest, deliverable_id: int) -> Deliverable:
    deliverable = get_object_for(request.user, DELIVERABLE_ROWS, pk=deliverable_id)
    count_files([deliverable])
    return deliverable


@router.get(
    "{programme_id}/deliverables",
    response=list[DeliverableOut],
    summary="Les productions attendues d'un programme",
)
@paginate(CheckedPagination, prepare=count_files)
def list_deliverables(request: HttpRequest, programme_id: int, status: DeliverableStatus = None):
    programme = get_programme_for(request.user, programme_id)
    rows = DELIVERABLE_ROWS.visible_to(request.user).filter(programme=programme)
    if status is not None:
        rows = rows.filter(status=status)
    return rows.order_by("due_date", "pk")


@router.post(
    "{programme_id}/deliverables",
    response={201: DeliverableOut, 422: InvalidOut},
    summary="Ajouter une production attendue",
)
def create_deliverable(request: HttpRequest, programme_id: int, payload: DeliverableIn):
    programme = get_programme_for(request.user, programme_id, Perm.EDIT)
    with transaction.atomic():
        form = bound_form(
            kind=DELIVERABLES,
            parent=programme,
            child=DELIVERABLES.new_child(programme, None),
            data=payload.dict(),
            actor=request.user,
        )
        save_child(kind=DELIVERABLES, parent=programme, form=form, actor=request.user)
    return Status(201, _deliverable(request, form.instance.pk))


@router.get(
    "deliverables/{deliverable_id}", response=DeliverableOut, summary="Une production attendue"
)
def get_deliverable(request: HttpRequest, deliverable_id: int):
    return _deliverable(request, deliverable_id)


@router.patch(
    "deliverables/{deliverable_id}",
    response={200: DeliverableOut, 409: InvalidOut, 422: InvalidOut},
    summary="Modifier une production attendue",
)
def update_deliverable(request: HttpRequest, deliverable_id: int, payload: DeliverablePatch):
    deliverable = get_object_for(request.user, DELIVERABLE_ROWS, pk=deliverable_id)
    programme = get_programme_for(request.user, deliverable.programme_id, Perm.EDIT)
    data, version = sent(request, payload)
    with transaction.atomic():
        form = bound_form(
            kind=DELIVERABLES,
            parent=programme,
            child=deliverable,
            data=data,
            actor=request.user,
            version=version,
        )
        save_child(kind=DELIVERABLES, parent=programme, form=form, actor=request.user)
    return _deliverable(request, deliverable_id)
