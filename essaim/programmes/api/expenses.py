"""The expenses of a programme: the claims of the experts and of the territories'
representatives, read by the programme's team, entered by its contributors through the form of
the page, changed while they await a decision by whoever entered them or an editor, and decided
by an editor (the services check them against the rules and say why in French); their totals by
territory, stage and category; the rules they are checked against. Receipts are files: they are
attached from the claim's page, never through the API."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict, field_serializer

from essaim.api_errors import InvalidOut, ObjectId, Strict
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.children import filled_form
from essaim.programmes.access import get_claim_for, get_programme_for
from essaim.programmes.api.common import VERSION_HELP, CheckedPagination, form_version, sent
from essaim.programmes.forms.expenses import ClaimForm, all_coverages, event_choice, person_choice
from essaim.programmes.models import (
    Category,
    Claimant,
    ClaimStatus,
    EventKind,
    ExpenseClaim,
    ExpenseRules,
)
from essaim.programmes.services.expense_reports import (
    event_title,
    totals,
)
from essaim.programmes.services.expenses import (
    CENT,
    NEXT_STATUSES,
    ExpenseError,
    claims_of,
    coverage_sentences,
    current_rules,
    decide,
    event_dates,
    may_change,
    save_claim,
    territory_of,
)
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for

router = Router()

RECEIPTS_ELSEWHERE = (
    "Le justificatif (facture, ticket, billet) est un fichier : il ne passe pas par l'API. "
    "Joignez-le depuis la page de la note de frais ; tant qu'il manque, la note est signalée "
    "« Aucun justificatif joint. » (sauf un déplacement compté en kilomètres)."
)


# Claims -------------------------------------------------------------------------------------------


class ClaimEventOut(Schema):
    kind: EventKind
    id: int
    title: str
    date: datetime.date = Field(description="le premier jour de l'événement")


class ClaimTerritoryOut(Schema):
    id: int
    name: str


class ClaimOut(Schema):
    id: int
    programme: int = Field(alias="programme_id")
    claimant_kind: Claimant
    claimant_id: int | None = Field(
        description="l'identifiant de l'expert ou du contact du territoire ; vide s'il ne fait "
        "plus partie du programme"
    )
    claimant_name: str
    event: ClaimEventOut
    category: Category
    spent_on: datetime.date
    kilometres: int | None
    amount: Decimal = Field(description="en euros")
    description: str
    status: ClaimStatus
    next_statuses: list[ClaimStatus] = Field(description="les décisions qu'elle peut recevoir")
    flags: list[str] = Field(description="pourquoi elle est hors des règles (vide sinon)")
    override_reason: str = Field(description="la raison de l'accord malgré les règles")
    decision_reason: str
    has_receipt: bool
    territory: ClaimTerritoryOut | None = Field(
        description="le territoire pour lequel elle compte ; vide : le programme lui-même"
    )
    version: str

    @staticmethod
    def resolve_claimant_id(obj: ExpenseClaim) -> int | None:
        return obj.expert_id if obj.claimant_kind == Claimant.EXPERT else obj.contact_id

    @staticmethod
    def resolve_event(obj: ExpenseClaim) -> dict:
        return {
            "kind": obj.event_kind,
            "id": obj.event.pk,
            "title": event_title(obj),
            "date": event_dates(obj)[0],
        }

    @staticmethod
    def resolve_next_statuses(obj: ExpenseClaim) -> list:
        return list(NEXT_STATUSES[ClaimStatus(obj.status)])

    @staticmethod
    def resolve_flags(obj: ExpenseClaim) -> list[str]:
        return obj.flag_list

    @staticmethod
    def resolve_territory(obj: ExpenseClaim) -> dict | None:
        territory = territory_of(obj)
        return None if territory is None else {"id": territory.pk, "name": territory.name}

    @staticmethod
    def resolve_version(obj: ExpenseClaim) -> str:
        return form_version(ClaimForm, obj)


class ClaimantIn(Strict):
    kind: Claimant
    id: int = Field(
        description="l'identifiant d'un expert du groupe d'accompagnement (expert) ou d'un "
        "contact d'un territoire du programme (representant)"
    )


class EventIn(Strict):
    kind: EventKind
    id: int = Field(description="l'identifiant d'une écoute, d'un atelier ou d'un séminaire")


class ClaimIn(Strict):
    model_config = ConfigDict(json_schema_extra={"description": RECEIPTS_ELSEWHERE})

    claimant: ClaimantIn
    event: EventIn = Field(description="un événement du programme")
    category: Category
    spent_on: BoundedDate
    kilometres: int | None = Field(None, description="pour un déplacement en voiture")
    amount: Decimal | None = Field(
        None, description="en euros ; vide : calculé à partir des kilomètres, au taux du programme"
    )
    description: SingleLine = Field("", max_length=300)


class ClaimPatch(Strict):
    model_config = ConfigDict(json_schema_extra={"description": RECEIPTS_ELSEWHERE})

    claimant: ClaimantIn = None
    event: EventIn = None
    category: Category = None
    spent_on: BoundedDate = None
    kilometres: int | None = None
    amount: Decimal | None = None
    description: SingleLine = Field(None, max_length=300)
    version: str = Field(None, description=VERSION_HELP)


class DecisionIn(Strict):
    status: ClaimStatus = Field(description="approuvee, refusee ou remboursee")
    reason: str = Field(
        "", description="obligatoire pour refuser, et pour approuver une note hors des règles"
    )
    loaded: ClaimStatus | None = Field(None, description="l'état lu : 409 s'il a changé depuis")


def form_data(data: dict) -> dict:
    """The fields sent, as the claim form names its choices of person and event."""
    if data.get("claimant") is not None:
        claimant = data["claimant"]
        data["claimant"] = person_choice(claimant["kind"], claimant["id"])
    if data.get("event") is not None:
        event = data["event"]
        data["event"] = event_choice(event["kind"], event["id"])
    return data


def _claim(request: HttpRequest, claim_id: int, perm: Perm = Perm.VIEW) -> ExpenseClaim:
    """A claim, with what its schema reads, for someone who may ``perm`` on its programme."""
    found = get_object_for(request.user, ExpenseClaim.objects.all(), pk=claim_id)
    programme = get_programme_for(request.user, found.programme_id, perm)
    return get_claim_for(request.user, programme, claim_id)


def _of_territory(rows: QuerySet, territory: int) -> QuerySet:
    """The claims that count for ``territory``, as the page and the totals say
    (:func:`territory_of`)."""
    kept = [claim.pk for claim in rows if getattr(territory_of(claim), "pk", None) == territory]
    return rows.filter(pk__in=kept)


@router.get(
    "{programme_id}/expenses",
    response=list[ClaimOut],
    summary="Les notes de frais d'un programme",
)
@paginate(CheckedPagination)
def list_claims(
    request: HttpRequest,
    programme_id: int,
    status: ClaimStatus = None,
    territory: ObjectId | None = None,
    category: Category = None,
    flagged: bool | None = None,
):
    """``territory``: the claims that count for this territory of the programme (those of a
    visit there, or of its representatives); ``flagged``: outside the rules, or not."""
    programme = get_programme_for(request.user, programme_id)
    rows = claims_of(programme).visible_to(request.user)
    if status is not None:
        rows = rows.filter(status=status)
    if category is not None:
        rows = rows.filter(category=category)
    if flagged is not None:
        rows = rows.exclude(flags="") if flagged else rows.filter(flags="")
    if territory is not None:
        rows = _of_territory(rows, territory)
    return rows.order_by("-spent_on", "-pk")


@router.post(
    "{programme_id}/expenses",
    response={201: ClaimOut, 422: InvalidOut},
    summary="Saisir une note de frais",
    description=RECEIPTS_ELSEWHERE,
)
def create_claim(request: HttpRequest, programme_id: int, payload: ClaimIn):
    programme = get_programme_for(request.user, programme_id, Perm.CONTRIBUTE)
    form = filled_form(
        ClaimForm,
        instance=ExpenseClaim(programme=programme),
        data=form_data(payload.dict()),
        programme=programme,
    )
    claim = save_claim(claim=form.instance, actor=request.user)
    return Status(201, _claim(request, claim.pk))


@router.get("expenses/{claim_id}", response=ClaimOut, summary="Une note de frais")
def get_claim(request: HttpRequest, claim_id: int):
    return _claim(request, claim_id)


@router.patch(
    "expenses/{claim_id}",
    response={200: ClaimOut, 409: InvalidOut, 422: InvalidOut},
    summary="Modifier une note de frais qui attend une décision",
    description=RECEIPTS_ELSEWHERE,
)
def update_claim(request: HttpRequest, claim_id: int, payload: ClaimPatch):
    """By whoever entered it or an editor; once decided, it no longer changes (422)."""
    claim = _claim(request, claim_id, Perm.CONTRIBUTE)
    programme = claim.programme
    permissions = programme.permissions_for(request.user)
    if claim.status == ClaimStatus.SUBMITTED and not may_change(request.user, claim, permissions):
        raise PermissionDenied(
            "Seuls la personne qui l'a saisie et les éditeurs modifient une note de frais."
        )
    data, version = sent(request, payload)
    form = filled_form(
        ClaimForm, instance=claim, data=form_data(data), version=version, programme=programme
    )
    changes = form.described_changes()
    with transaction.atomic():
        form.lock_and_check()
        save_claim(claim=form.instance, actor=request.user, changes=changes)
    return _claim(request, claim_id)


@router.post(
    "expenses/{claim_id}/decision",
    response={200: ClaimOut, 409: InvalidOut, 422: InvalidOut},
    summary="Approuver, refuser ou marquer remboursée une note de frais",
)
def decide_claim(request: HttpRequest, claim_id: int, payload: DecisionIn):
    """Refused (422, with the French message) when the rules do not allow it: approving a
    claim outside them, or refusing one, needs ``reason``; 409 when its status is no longer
    ``loaded``, the one read."""
    claim = _claim(request, claim_id, Perm.EDIT)
    try:
        decide(
            claim=claim,
            status=payload.status,
            reason=payload.reason,
            loaded=payload.loaded or "",
            actor=request.user,
        )
    except ExpenseError as error:
        now = ExpenseClaim.objects.values_list("status", flat=True).get(pk=claim.pk)
        if payload.loaded is None or now == payload.loaded:
            raise
        body = {"detail": error.message, "erreurs": [{"champ": "loaded", "message": error.message}]}
        return Status(409, body)
    return _claim(request, claim_id)


# Totals -------------------------------------------------------------------------------------------


class TotalOut(Schema):
    label: str
    count: int = Field(description="le nombre de notes")
    submitted: Decimal = Field(description="en attente de décision (€)")
    granted: Decimal = Field(description="accordé : approuvé ou remboursé (€)")
    paid: Decimal = Field(description="dont remboursé (€)")
    refused: Decimal = Field(description="refusé (€)")

    @field_serializer("submitted", "granted", "paid", "refused")
    def in_cents(self, amount: Decimal) -> str:
        return str(amount.quantize(CENT))


class TotalsOut(Schema):
    by_territory: list[TotalOut] = Field(description="« Programme » (le programme lui-même) en fin")
    by_stage: list[TotalOut] = Field(description="« Hors étape » en fin")
    by_category: list[TotalOut]
    overall: TotalOut


@router.get(
    "{programme_id}/expenses/totals",
    response=TotalsOut,
    summary="Les montants des notes de frais par territoire, étape et nature",
)
def get_totals(request: HttpRequest, programme_id: int):
    programme = get_programme_for(request.user, programme_id)
    claims = claims_of(programme).visible_to(request.user)
    return totals(claims, programme.stages.all())


# Rules --------------------------------------------------------------------------------------------


class CoverageOut(Schema):
    claimant: Claimant
    event: EventKind
    category: Category


class ExpenseRulesOut(Schema):
    mileage_rate: Decimal = Field(description="indemnité kilométrique (€ par km)")
    meal_cap: Decimal = Field(description="plafond d'un repas (€)")
    lodging_cap: Decimal = Field(description="plafond d'une nuit (€)")
    coverage: list[CoverageOut] = Field(description="qui les organisateurs prennent en charge")
    coverage_sentences: list[str] = Field(description="les mêmes, une phrase par personne")

    @field_serializer("mileage_rate", "meal_cap", "lodging_cap")
    def as_the_column_keeps_it(self, amount: Decimal, info) -> str:
        places = ExpenseRules._meta.get_field(info.field_name).decimal_places
        return str(amount.quantize(Decimal(1).scaleb(-places)))


@router.get(
    "{programme_id}/expense-rules",
    response=ExpenseRulesOut,
    summary="Les règles de prise en charge des frais",
)
def get_rules(request: HttpRequest, programme_id: int):
    """Before anyone sets them, those of the seed (reading them writes nothing)."""
    programme = get_programme_for(request.user, programme_id)
    rules, covered = current_rules(programme)
    return {
        "mileage_rate": rules.mileage_rate,
        "meal_cap": rules.meal_cap,
        "lodging_cap": rules.lodging_cap,
        "coverage": [
            {"claimant": who, "event": event, "category": category}
            for who, event, category in all_coverages()
            if (who, event, category) in covered
        ],
        "coverage_sentences": coverage_sentences(covered),
    }
