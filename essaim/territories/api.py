"""``/api/v1/territories/``: search the referential, read and create territories."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import model_validator

from essaim.api_errors import LimitOffsetPagination
from essaim.core.bounds import SingleLine
from essaim.roles.permissions import get_object_for
from essaim.territories import services
from essaim.territories.models import (
    Commune,
    Departement,
    Epci,
    Region,
    Territory,
    TerritoryKind,
)

router = Router(tags=["territoires"])

SEARCH_LIMIT = 20
SEARCH_MAX = 100


class CommuneOut(Schema):
    insee_code: str
    name: str
    departement: str = Field(description="code du département")
    region: str = Field(description="code de la région")
    epci: str | None = Field(None, description="SIREN de l'EPCI")
    postal_codes: list[str]
    population: int
    siren: str

    @staticmethod
    def resolve_departement(obj: Commune) -> str:
        return obj.departement.code

    @staticmethod
    def resolve_region(obj: Commune) -> str:
        return obj.region.code

    @staticmethod
    def resolve_epci(obj: Commune) -> str | None:
        return obj.epci.siren if obj.epci else None


class EpciOut(Schema):
    siren: str
    name: str
    kind: str
    population: int


class TerritoryOut(Schema):
    id: int
    name: str
    kind: TerritoryKind
    description: str
    shared: bool
    commune_count: int
    population: int
    epci: str | None = Field(None, description="SIREN de l'EPCI d'origine")
    departement: str | None = Field(None, description="code du département d'origine")
    url: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_epci(obj: Territory) -> str | None:
        return obj.epci.siren if obj.epci else None

    @staticmethod
    def resolve_departement(obj: Territory) -> str | None:
        return obj.departement.code if obj.departement else None

    @staticmethod
    def resolve_url(obj: Territory) -> str:
        return obj.get_absolute_url()


class TerritoryDetailOut(TerritoryOut):
    communes: list[str] = Field(description="codes INSEE des communes")

    @staticmethod
    def resolve_communes(obj: Territory) -> list[str]:
        return sorted(obj.communes.values_list("insee_code", flat=True))


class TerritoryIn(Schema):
    """A territory from exactly one source: a list of INSEE codes, an EPCI (SIREN), a
    département or a région (code)."""

    name: SingleLine = Field("", max_length=200, description="obligatoire avec « communes »")
    kind: TerritoryKind = Field(
        TerritoryKind.OTHER, description="type, avec « communes » (sinon déduit de la source)"
    )
    description: str = ""
    shared: bool = True
    communes: list[str] | None = Field(None, description="codes INSEE")
    epci: str | None = Field(None, description="SIREN de l'EPCI")
    departement: str | None = Field(None, description="code du département")
    region: str | None = Field(None, description="code de la région")

    @model_validator(mode="after")
    def has_one_source(self) -> "TerritoryIn":
        sources = [
            name
            for name in ("communes", "epci", "departement", "region")
            if getattr(self, name) is not None
        ]
        if len(sources) != 1:
            raise ValueError(
                "Indiquez une et une seule source : « communes », « epci », « departement » "
                "ou « region »."
            )
        if self.communes is not None and not self.name.strip():
            raise ValueError("Donnez un nom (« name ») au territoire composé de communes.")
        return self


class ErrorOut(Schema):
    detail: str


class UnknownCodesOut(Schema):
    detail: str
    unknown_codes: list[str]


@router.get("communes", response=list[CommuneOut], summary="Chercher des communes")
def search_communes(
    request: HttpRequest, q: str = "", limit: int = Query(SEARCH_LIMIT, ge=1, le=SEARCH_MAX)
):
    """Par nom (sans tenir compte des accents ni de « saint »/« st »), code INSEE, code postal
    ou SIREN ; les meilleures réponses d'abord."""
    if not q.strip():
        return []
    return Commune.objects.search(q).select_related("departement", "region", "epci")[:limit]


@router.get("epci", response=list[EpciOut], summary="Chercher des EPCI")
def search_epci(
    request: HttpRequest, q: str = "", limit: int = Query(SEARCH_LIMIT, ge=1, le=SEARCH_MAX)
):
    """Par nom ou numéro SIREN."""
    if not q.strip():
        return []
    return Epci.objects.search(q)[:limit]


@router.get("", response=list[TerritoryOut], summary="Territoires visibles")
@paginate(LimitOffsetPagination)
def list_territories(request: HttpRequest):
    user = request.user
    return (
        Territory.objects.visible_to(user)
        .with_stats()
        .select_related("epci", "departement")
        .order_by("name", "pk")
    )


@router.get("{territory_id}", response=TerritoryDetailOut, summary="Un territoire")
def get_territory(request: HttpRequest, territory_id: int):
    return get_object_for(
        request.user,
        Territory.objects.with_stats().select_related("epci", "departement"),
        pk=territory_id,
    )


@router.post(
    "",
    response={201: TerritoryDetailOut, 400: ErrorOut, 422: UnknownCodesOut},
    summary="Créer un territoire",
)
def create_territory(request: HttpRequest, payload: TerritoryIn):
    """Le créateur en devient propriétaire. Un code inconnu fait tout refuser (422)."""
    user = request.user
    options = {"created_by": user, "name": payload.name, "shared": payload.shared}
    try:
        if payload.communes is not None:
            codes = list(dict.fromkeys(code.strip().upper() for code in payload.communes))
            communes = list(Commune.objects.filter(insee_code__in=codes))
            unknown = sorted(set(codes) - {commune.insee_code for commune in communes})
            if unknown:
                return Status(422, _unknown("Code INSEE inconnu", "Codes INSEE inconnus", unknown))
            territory = services.create_territory(
                kind=payload.kind,
                communes=communes,
                description=payload.description,
                **options,
            )
        elif payload.epci is not None:
            epci = Epci.objects.filter(siren=payload.epci.strip()).first()
            if epci is None:
                return Status(422, _unknown("SIREN d'EPCI inconnu", "", [payload.epci]))
            territory = services.create_territory_from_epci(epci=epci, **options)
        elif payload.departement is not None:
            departement = Departement.objects.filter(code=payload.departement.strip()).first()
            if departement is None:
                return Status(
                    422, _unknown("Code de département inconnu", "", [payload.departement])
                )
            territory = services.create_territory_from_departement(
                departement=departement, **options
            )
        else:
            region = Region.objects.filter(code=payload.region.strip()).first()
            if region is None:
                return Status(422, _unknown("Code de région inconnu", "", [payload.region]))
            territory = services.create_territory_from_region(region=region, **options)
    except services.TerritoryError as error:
        return Status(400, {"detail": error.message})
    return Status(201, get_territory(request, territory.pk))


def _unknown(singular: str, plural: str, codes: list[str]) -> dict:
    label = plural if len(codes) > 1 and plural else singular
    return {"detail": f"{label} : {', '.join(codes)}. Rien n'a été créé.", "unknown_codes": codes}
