"""The listening visits of a programme's territories, with their pair of experts and their
agenda in time slots, planned and changed through the forms of the pages. The referent of a
territory reads its visits and their agenda; the notes of the debrief are the team's."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import BooleanField, Count, Value
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidInput, InvalidOut, ObjectId, Strict
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.children import bound_form, filled_form, save_child
from essaim.core.history import changed_labels, describe_changes
from essaim.lib import french
from essaim.programmes.access import get_programme_for, is_team
from essaim.programmes.api.common import VERSION_HELP, CheckedPagination, form_version, sent
from essaim.programmes.forms.visits import VisitForm
from essaim.programmes.models import SlotKind, SlotRole, Visit, VisitSlot
from essaim.programmes.views.visits import SLOTS
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for

router = Router()

VISITS = (
    Visit.objects.select_related("territory__programme")
    .prefetch_related("experts")
    .annotate(slot_count=Count("slots"))
)


class ExpertOut(Schema):
    id: int
    name: str


class VisitSlotOut(Schema):
    id: int
    visit: int = Field(alias="visit_id")
    starts_at: datetime
    ends_at: datetime
    kind: SlotKind
    title: str
    who: str
    role: str
    place: str = Field(description="vide : le lieu de la visite")


class VisitOut(Schema):
    id: int
    territory: int = Field(alias="territory_id")
    territory_name: str = Field(alias="territory.name")
    start_date: date
    end_date: date
    place: str
    address: str
    experts: list[ExpertOut]
    debrief_at: datetime | None
    debrief_notes: str | None = Field(
        description="les notes de la restitution à chaud, pour l'équipe du programme seule"
    )
    slot_count: int
    version: str

    @staticmethod
    def resolve_experts(obj: Visit) -> list:
        return list(obj.experts.all())

    @staticmethod
    def resolve_debrief_notes(obj: Visit) -> str | None:
        return obj.debrief_notes if obj.read_by_team else None

    @staticmethod
    def resolve_version(obj: Visit) -> str:
        return form_version(VisitForm, obj)


class VisitDetailOut(VisitOut):
    slots: list[VisitSlotOut]

    @staticmethod
    def resolve_slots(obj: Visit) -> list:
        return list(obj.slots.all())


class VisitIn(Strict):
    territory: int = Field(description="l'identifiant d'un territoire du programme")
    start_date: BoundedDate
    end_date: BoundedDate
    place: SingleLine = Field(min_length=1, max_length=250)
    address: str = ""
    experts: list[int] = Field(description="le binôme : deux experts du groupe d'accompagnement")
    debrief_at: datetime | None = None


class VisitPatch(Strict):
    start_date: BoundedDate = None
    end_date: BoundedDate = None
    place: SingleLine = Field(None, min_length=1, max_length=250)
    address: str = None
    experts: list[int] = None
    debrief_at: datetime | None = None
    version: str = Field(None, description=VERSION_HELP)


class VisitSlotIn(Strict):
    starts_at: datetime
    ends_at: datetime
    kind: SlotKind
    title: SingleLine = Field(min_length=1, max_length=250)
    who: SingleLine = Field("", max_length=300)
    role: SlotRole | None = None
    place: SingleLine = Field("", max_length=250)


def _visit(request: HttpRequest, visit_id: int) -> Visit:
    visit = get_object_for(request.user, VISITS, pk=visit_id)
    visit.read_by_team = is_team(request.user, visit.territory.programme)
    return visit


@router.get(
    "{programme_id}/visits",
    response=list[VisitOut],
    summary="Les écoutes territoriales d'un programme",
)
@paginate(CheckedPagination)
def list_visits(request: HttpRequest, programme_id: int, territory: ObjectId | None = None):
    programme = get_programme_for(request.user, programme_id)
    team = is_team(request.user, programme)
    rows = VISITS.visible_to(request.user).filter(territory__programme=programme)
    if territory is not None:
        rows = rows.filter(territory_id=territory)
    return rows.annotate(read_by_team=Value(team, output_field=BooleanField())).order_by(
        "start_date", "pk"
    )


@router.post(
    "{programme_id}/visits",
    response={201: VisitDetailOut, 422: InvalidOut},
    summary="Programmer une écoute territoriale",
)
def create_visit(request: HttpRequest, programme_id: int, payload: VisitIn):
    programme = get_programme_for(request.user, programme_id, Perm.EDIT)
    data = payload.dict()
    territory = programme.territories.filter(pk=data.pop("territory")).first()
    if territory is None:
        raise InvalidInput("Ce territoire ne fait pas partie du programme.", "territory")
    with transaction.atomic():
        form = filled_form(
            VisitForm, instance=Visit(territory=territory), data=data, programme=programme
        )
        visit = form.save()
        programme.log_action(
            request.user,
            "visit",
            f"Écoute territoriale programmée : {territory.name}, "
            f"{french.date_range(visit.start_date, visit.end_date, capital=False)}",
        )
    return Status(201, _visit(request, visit.pk))


@router.get("visits/{visit_id}", response=VisitDetailOut, summary="Une écoute et son agenda")
def get_visit(request: HttpRequest, visit_id: int):
    return _visit(request, visit_id)


@router.patch(
    "visits/{visit_id}",
    response={200: VisitDetailOut, 409: InvalidOut, 422: InvalidOut},
    summary="Modifier une écoute territoriale",
)
def update_visit(request: HttpRequest, visit_id: int, payload: VisitPatch):
    visit = get_object_for(request.user, VISITS, pk=visit_id)
    programme = get_programme_for(request.user, visit.territory.programme_id, Perm.EDIT)
    data, version = sent(request, payload)
    with transaction.atomic():
        form = filled_form(
            VisitForm, instance=visit, data=data, version=version, programme=programme
        )
        changes = describe_changes(form)
        form.save()
        if changes:
            programme.log_action(
                request.user,
                "visit",
                f"Écoute territoriale de « {visit.territory.name} » modifiée : "
                f"{changed_labels(changes)}",
                changes,
            )
    return _visit(request, visit_id)


@router.get("visits/{visit_id}/slots", response=list[VisitSlotOut], summary="L'agenda d'une écoute")
def list_slots(request: HttpRequest, visit_id: int):
    visit = get_object_for(request.user, Visit.objects.all(), pk=visit_id)
    return list(visit.slots.all())


@router.post(
    "visits/{visit_id}/slots",
    response={201: VisitSlotOut, 422: InvalidOut},
    summary="Ajouter un créneau à l'agenda",
)
def create_slot(request: HttpRequest, visit_id: int, payload: VisitSlotIn):
    visit = get_object_for(request.user, Visit.objects.select_related("territory"), pk=visit_id)
    programme = get_programme_for(request.user, visit.territory.programme_id, Perm.EDIT)
    with transaction.atomic():
        form = bound_form(
            kind=SLOTS,
            parent=programme,
            child=SLOTS.new_child(programme, visit.pk),
            data=payload.dict(),
            actor=request.user,
        )
        save_child(kind=SLOTS, parent=programme, form=form, actor=request.user)
    return Status(201, VisitSlot.objects.get(pk=form.instance.pk))
