"""``/api/v1/library/``: the published experience sheets, open to everyone, page by page, with
the filters of the search page. Each sheet is the row of the open data
(``services/opendata.public_row``): what its public page shows, and nothing else."""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from essaim.api_errors import LARGEST_DATABASE_INTEGER, LimitOffsetPagination
from essaim.experiments.models.stages import Stage
from essaim.lib.bounds import EARLIEST_DATE, LATEST_DATE
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import Licence, Setting
from essaim.library.services.filters import MAX_VALUE_LENGTH
from essaim.library.services.opendata import (
    MAX_QUERY_LENGTH,
    PLACES,
    public_rows_of,
    published_sheets,
)
from essaim.scaling.models.strategy import StrategyKind

router = Router(tags=["bibliothèque"])

MAX_PAGE_SIZE = 500


class LabelledOut(Schema):
    slug: str = Field(description="identifiant stable")
    label: str = Field(description="libellé")


class ContactOut(Schema):
    name: str = Field(description="nom")
    role: str = Field(description="fonction")
    organisation: str = Field(description="structure")


class SheetOut(Schema):
    id: int = Field(description="identifiant de la fiche")
    url: str = Field(description="adresse de la page publique")
    title: str = Field(description="titre")
    summary: str = Field(description="en quelques lignes")
    context: str = Field(description="contexte")
    tried: str = Field(description="ce qui a été tenté")
    results: str = Field(description="résultats")
    learned: str = Field(description="ce qui a été appris")
    conditions: str = Field(description="conditions pour le refaire ailleurs")
    territory: str = Field(description="nom du territoire")
    commune_insee: str = Field(description="code INSEE de la commune principale")
    commune_name: str = Field(description="nom de la commune principale")
    epci_siren: str = Field(description="SIREN de l'EPCI")
    epci_name: str = Field(description="nom de l'EPCI")
    departement_code: str = Field(description="code du département")
    departement_name: str = Field(description="nom du département")
    region_code: str = Field(description="code de la région")
    region_name: str = Field(description="nom de la région")
    setting: str = Field(description="type de territoire (identifiant), vide s'il n'est pas dit")
    setting_label: str = Field(description="type de territoire (libellé)")
    themes: list[LabelledOut] = Field(description="thèmes")
    publics: list[LabelledOut] = Field(description="publics")
    stage: str = Field(description="étape (identifiant)")
    stage_label: str = Field(description="étape (libellé)")
    strategy: str = Field(description="stratégie d'essaimage (identifiant)")
    strategy_label: str = Field(description="stratégie d'essaimage (libellé)")
    year_start: int | None = Field(description="année de début")
    year_end: int | None = Field(description="année de fin, vide si l'expérience dure")
    licence: Licence = Field(description="licence de la fiche")
    licence_url: str = Field(description="texte de la licence")
    illustrative: bool = Field(description="des chiffres ou des faits sont inventés pour l'exemple")
    published_at: datetime | None = Field(description="publiée le")
    updated_at: datetime = Field(description="modifiée le")
    contacts: list[ContactOut] = Field(
        description="personnes à contacter qui ont accepté d'être publiées"
    )


Value = str | None


class SheetFiltersIn(Schema):
    """The filters of the search page; an unknown theme, public or place matches nothing."""

    q: Value = Field(None, max_length=MAX_QUERY_LENGTH, description="mots cherchés")
    theme: Value = Field(None, max_length=MAX_VALUE_LENGTH, description="identifiant d'un thème")
    public: Value = Field(None, max_length=MAX_VALUE_LENGTH, description="identifiant d'un public")
    region: Value = Field(None, max_length=3, description="code INSEE d'une région")
    departement: Value = Field(None, max_length=3, description="code INSEE d'un département")
    setting: Setting | None = Field(None, description="type de territoire")
    stage: Stage | None = Field(None, description="étape")
    strategy: StrategyKind | None = Field(None, description="stratégie d'essaimage")
    year: int | None = Field(
        None,
        ge=EARLIEST_DATE.year,
        le=LATEST_DATE.year,
        description="fiches dont l'expérience a lieu cette année-là",
    )


class SheetPagination(LimitOffsetPagination):
    """``?limit=&offset=``, ``MAX_PAGE_SIZE`` sheets at most; the page's sheets become their
    public rows in a fixed number of queries."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE_SIZE, description="fiches par page")
        offset: int = Field(0, ge=0, le=LARGEST_DATABASE_INTEGER, description="fiches sautées")

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        rows = public_rows_of(page[self.items_attribute], base_url=_base_url(request))
        return {**page, self.items_attribute: rows}


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@router.get(
    "sheets",
    response=list[SheetOut],
    auth=None,
    summary="Fiches expérience publiées",
)
@paginate(SheetPagination)
def list_sheets(request: HttpRequest, filters: Query[SheetFiltersIn]):
    """Les fiches publiées, des plus récentes aux plus anciennes, filtrées comme la recherche
    de la bibliothèque. Sans compte. Une année hors de 1900–2100 ou une valeur inconnue d'un
    type de territoire, d'une étape ou d'une stratégie est refusée (422)."""
    query = {name: str(value) for name, value in filters.dict().items() if value is not None}
    sheets = published_sheets(query).select_related(*PLACES)
    return sheets.order_by("-published_at", "-pk")


@router.get(
    "sheets/{sheet_id}",
    response=SheetOut,
    auth=None,
    summary="Une fiche expérience publiée",
)
def get_sheet(request: HttpRequest, sheet_id: int):
    """404 pour une fiche en brouillon, retirée ou inconnue."""
    sheet = ExperienceSheet.objects.published().select_related(*PLACES).filter(pk=sheet_id).first()
    if sheet is None:
        raise Http404
    return public_rows_of([sheet], base_url=_base_url(request))[0]
