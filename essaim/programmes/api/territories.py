"""The territories of a programme in the selection: each with its status, the organisers'
expectations as a checklist and the figures of its perimeter; a candidate added and a status
moved by the services of the pages, refused with their French messages."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidOut, Strict
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.children import FormRefused
from essaim.programmes import selection
from essaim.programmes.access import get_programme_for
from essaim.programmes.api.common import CheckedPagination
from essaim.programmes.forms.territories import CandidateForm
from essaim.programmes.models import ProgrammeTerritory, SelectionError, TerritoryStatus
from essaim.programmes.services.territories import (
    add_candidate,
    move_territory,
    perimeter_figures,
    progress_of,
    with_progress,
)
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for

router = Router()

TERRITORIES = ProgrammeTerritory.objects.select_related("programme", "perimeter")


class PerimeterOut(Schema):
    id: int
    name: str
    commune_count: int
    population: int = Field(description="la population municipale de ses communes")


class ChecklistItemOut(Schema):
    label: str
    done: bool
    detail: str


class ChecklistOut(Schema):
    items: list[ChecklistItemOut]
    done: int
    total: int


class ProgrammeTerritoryOut(Schema):
    id: int
    programme: int = Field(alias="programme_id")
    name: str
    field: str
    description: str
    status: TerritoryStatus
    status_label: str
    status_since: date
    next_statuses: list[TerritoryStatus] = Field(
        description="les statuts où il peut passer (la liste de contrôle le permettant)"
    )
    commitment_on: date | None
    commitment_signed_by: str
    withdrawn_reason: str
    illustrative: bool
    perimeter: PerimeterOut | None
    checklist: ChecklistOut = Field(description="les attentes des organisateurs")

    @staticmethod
    def resolve_status_label(obj: ProgrammeTerritory) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_next_statuses(obj: ProgrammeTerritory) -> list:
        return selection.allowed_statuses(obj.status)

    @staticmethod
    def resolve_perimeter(obj: ProgrammeTerritory) -> dict | None:
        if obj.perimeter is None:
            return None
        figures = obj.figures
        return {
            "id": obj.perimeter.pk,
            "name": obj.perimeter.name,
            "commune_count": figures.commune_count if figures else 0,
            "population": figures.population if figures else 0,
        }

    @staticmethod
    def resolve_checklist(obj: ProgrammeTerritory) -> dict:
        items = selection.checklist(progress_of(obj))
        return {"items": items, "done": sum(item.done for item in items), "total": len(items)}


class CandidateIn(Strict):
    name: SingleLine = Field(min_length=1, max_length=200)
    field: SingleLine = Field("", max_length=200)
    perimeter: int | None = Field(None, description="l'identifiant d'un territoire d'Essaim")
    epci: str | None = Field(None, description="ou le SIREN d'une intercommunalité")
    description: str = ""


class TerritoryMoveIn(Strict):
    status: TerritoryStatus
    on: BoundedDate
    note: str = Field("", description="obligatoire pour un retrait : pourquoi")
    loaded: TerritoryStatus | None = Field(
        None, description="le statut lu : 409 s'il a changé depuis"
    )


def add_figures(territories: list[ProgrammeTerritory], request: HttpRequest | None = None) -> None:
    figures = perimeter_figures(territories)
    for territory in territories:
        territory.figures = figures.get(territory.pk)


def _territory(request: HttpRequest, territory_id: int) -> ProgrammeTerritory:
    """A territory, seen by the programme's team or by the people given a role on it."""
    territory = get_object_for(request.user, with_progress(TERRITORIES), pk=territory_id)
    add_figures([territory])
    return territory


@router.get(
    "{programme_id}/territories",
    response=list[ProgrammeTerritoryOut],
    summary="Les territoires d'un programme, candidats compris",
)
@paginate(CheckedPagination, prepare=add_figures)
def list_territories(request: HttpRequest, programme_id: int, status: TerritoryStatus = None):
    programme = get_programme_for(request.user, programme_id)
    rows = TERRITORIES.visible_to(request.user).filter(programme=programme)
    if status is not None:
        rows = rows.filter(status=status)
    return with_progress(rows).order_by("name", "pk")


@router.post(
    "{programme_id}/territories",
    response={201: ProgrammeTerritoryOut, 422: InvalidOut},
    summary="Ajouter un territoire candidat (contacté aujourd'hui)",
)
def create_territory(request: HttpRequest, programme_id: int, payload: CandidateIn):
    """Its perimeter is a territory of Essaim (``perimeter``) or made from an EPCI of the
    referential (``epci``), as on the page."""
    programme = get_programme_for(request.user, programme_id, Perm.EDIT)
    data = {name: "" if value is None else value for name, value in payload.dict().items()}
    form = CandidateForm(data, programme=programme, user=request.user)
    if not form.is_valid():
        raise FormRefused(form)
    territory = add_candidate(
        programme=programme,
        form_data=form.cleaned_data,
        actor=request.user,
        on=timezone.localdate(),
    )
    return Status(201, _territory(request, territory.pk))


@router.get("territories/{territory_id}", response=ProgrammeTerritoryOut, summary="Un territoire")
def get_territory(request: HttpRequest, territory_id: int):
    return _territory(request, territory_id)


@router.post(
    "territories/{territory_id}/status",
    response={200: ProgrammeTerritoryOut, 409: InvalidOut, 422: InvalidOut},
    summary="Changer le statut d'un territoire",
)
def move_status(request: HttpRequest, territory_id: int, payload: TerritoryMoveIn):
    """Refused (422, with the French message) when the selection's rules or the checklist do
    not allow the move; 409 when the status is no longer ``loaded``, the one read."""
    territory = get_object_for(request.user, TERRITORIES, pk=territory_id)
    get_programme_for(request.user, territory.programme_id, Perm.EDIT)
    try:
        move_territory(
            territory=territory,
            status=payload.status,
            on=payload.on,
            note=payload.note,
            loaded=payload.loaded or "",
            actor=request.user,
        )
    except SelectionError as error:
        now = ProgrammeTerritory.objects.values_list("status", flat=True).get(pk=territory.pk)
        if payload.loaded is None or now == payload.loaded:
            raise
        body = {"detail": error.message, "erreurs": [{"champ": "loaded", "message": error.message}]}
        return Status(409, body)
    return _territory(request, territory_id)
