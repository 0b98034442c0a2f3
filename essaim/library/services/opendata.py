"""The library as open data: the published sheets, and only what their public page shows, as
CSV for French spreadsheets, as JSON and through the API.

One function, :func:`public_row`, says what a sheet gives away; the exports and the API all
read it, so that a field cannot leak through one of them and not the others. The rows are read
by chunks of ``CHUNK_SIZE`` sheets, each in a fixed number of queries (the sheets with their
places, then their themes, publics and consented contacts), so that 100,000 sheets stream in
bounded memory and the count of queries grows with the chunks, never with the rows."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone

from essaim.core.search import search
from essaim.lib.spreadsheets import Column, Table, to_csv_bytes
from essaim.library.models import ExperienceSheet, SheetContact
from essaim.library.models.sheets import LICENCE_URLS, Licence
from essaim.library.services.filters import SheetFilters

CHUNK_SIZE = 500
MAX_QUERY_LENGTH = 200
BOM = "\ufeff".encode()
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class SchemaField:
    """One field of the open data: its name, its JSON type, an example and what it means."""

    name: str
    type: str
    example: str
    meaning: str


# The schema, in the order of the CSV's columns; docs/open-data.md says the same.
SCHEMA = (
    SchemaField("id", "entier", "42", "Identifiant de la fiche, stable."),
    SchemaField(
        "url",
        "texte (adresse)",
        "https://essaim.example.org/experiences/42-covoiturage-rural/",
        "Page publique de la fiche.",
    ),
    SchemaField("title", "texte", "Covoiturage rural", "Titre de la fiche."),
    SchemaField("summary", "texte", "Un réseau d'autostop organisé…", "En quelques lignes."),
    SchemaField("context", "texte", "Un territoire sans transport…", "Contexte."),
    SchemaField("tried", "texte", "Des arrêts signalés…", "Ce qui a été tenté."),
    SchemaField("results", "texte", "120 trajets par mois…", "Résultats."),
    SchemaField("learned", "texte", "Les arrêts près des écoles…", "Ce qui a été appris."),
    SchemaField("conditions", "texte", "Un animateur à mi-temps…", "Conditions pour le refaire."),
    SchemaField("territory", "texte", "Privas", "Nom du territoire de l'expérience."),
    SchemaField("commune_insee", "texte (5 caractères)", "07186", "Code INSEE de la commune."),
    SchemaField("commune_name", "texte", "Privas", "Commune principale du territoire."),
    SchemaField("epci_siren", "texte (9 chiffres)", "200071413", "SIREN de l'EPCI."),
    SchemaField("epci_name", "texte", "CA Privas Centre Ardèche", "Nom de l'EPCI."),
    SchemaField("departement_code", "texte", "07", "Code INSEE du département."),
    SchemaField("departement_name", "texte", "Ardèche", "Nom du département."),
    SchemaField("region_code", "texte", "84", "Code INSEE de la région."),
    SchemaField("region_name", "texte", "Auvergne-Rhône-Alpes", "Nom de la région."),
    SchemaField(
        "setting", "texte", "rural", "Type de territoire : rural, periurbain, urbain, montagne…"
    ),
    SchemaField("setting_label", "texte", "rural", "Libellé du type de territoire."),
    SchemaField(
        "themes",
        "liste de {slug, label}",
        '[{"slug": "mobilite", "label": "mobilité"}]',
        "Thèmes (dans le CSV : deux colonnes, identifiants et libellés séparés par « | »).",
    ),
    SchemaField(
        "publics",
        "liste de {slug, label}",
        '[{"slug": "jeunes", "label": "jeunes"}]',
        "Publics (dans le CSV : deux colonnes, comme les thèmes).",
    ),
    SchemaField("stage", "texte", "perennisation", "Étape atteinte par l'expérience."),
    SchemaField("stage_label", "texte", "pérennisation", "Libellé de l'étape."),
    SchemaField("strategy", "texte", "reseau_souple", "Stratégie d'essaimage."),
    SchemaField("strategy_label", "texte", "duplication en réseau souple", "Son libellé."),
    SchemaField("year_start", "entier ou vide", "2019", "Année de début."),
    SchemaField("year_end", "entier ou vide", "2023", "Année de fin ; vide si elle dure."),
    SchemaField("licence", "texte", "etalab-2.0", "Licence : etalab-2.0 ou cc-by-4.0."),
    SchemaField(
        "licence_url",
        "texte (adresse)",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Texte de la licence.",
    ),
    SchemaField(
        "illustrative",
        "booléen",
        "false",
        "Vrai si des chiffres ou des faits sont inventés pour l'exemple.",
    ),
    SchemaField(
        "published_at", "date et heure (ISO 8601)", "2024-03-12T10:30:00+01:00", "Publiée le."
    ),
    SchemaField(
        "updated_at", "date et heure (ISO 8601)", "2024-04-02T16:05:00+02:00", "Modifiée le."
    ),
    SchemaField(
        "contacts",
        "liste de {name, role, organisation}",
        '[{"name": "Anne Martin", "role": "chargée de mission", "organisation": "CA Privas"}]',
        "Personnes à contacter qui ont accepté d'être publiées : ni adresse ni téléphone.",
    ),
)
FIELD_NAMES = tuple(field.name for field in SCHEMA)


def published_sheets(query: QueryDict | dict) -> QuerySet:
    """The published sheets that the query string's filters and words (``q``) keep, in the
    order of their identifiers."""
    sheets = SheetFilters.from_query(query).apply(ExperienceSheet.objects.published())
    words = (query.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    if words:
        sheets = search(sheets, words)
    return sheets.order_by("pk")


PLACES = ("territory", "commune", "epci", "departement", "region")


def _prefetches() -> tuple:
    consented = SheetContact.objects.filter(consented=True)
    return ("themes", "publics", Prefetch("contacts", queryset=consented))


def with_public_relations(sheets: QuerySet) -> QuerySet:
    """``sheets`` with what :func:`public_row` reads: three prefetch queries per evaluation."""
    return sheets.select_related(*PLACES).prefetch_related(*_prefetches())


def public_row(sheet: ExperienceSheet, *, base_url: str = "") -> dict:
    """What the world may know of a published ``sheet``, and nothing else. ``base_url``
    (« https://essaim.example.org ») makes its address absolute."""
    commune, epci = sheet.commune, sheet.epci
    departement, region = sheet.departement, sheet.region
    return {
        "id": sheet.pk,
        "url": base_url + sheet.get_public_url(),
        "title": sheet.title,
        "summary": sheet.summary,
        "context": sheet.context,
        "tried": sheet.tried,
        "results": sheet.results,
        "learned": sheet.learned,
        "conditions": sheet.conditions,
        "territory": sheet.territory.name if sheet.territory else "",
        "commune_insee": commune.insee_code if commune else "",
        "commune_name": commune.name if commune else "",
        "epci_siren": epci.siren if epci else "",
        "epci_name": epci.name if epci else "",
        "departement_code": departement.code if departement else "",
        "departement_name": departement.name if departement else "",
        "region_code": region.code if region else "",
        "region_name": region.name if region else "",
        "setting": sheet.setting,
        "setting_label": sheet.get_setting_display() if sheet.setting else "",
        "themes": [{"slug": theme.slug, "label": theme.label} for theme in sheet.themes.all()],
        "publics": [{"slug": public.slug, "label": public.label} for public in sheet.publics.all()],
        "stage": sheet.stage,
        "stage_label": sheet.get_stage_display() if sheet.stage else "",
        "strategy": sheet.strategy,
        "strategy_label": sheet.get_strategy_display() if sheet.strategy else "",
        "year_start": sheet.year_start,
        "year_end": sheet.year_end,
        "licence": sheet.licence,
        "licence_url": LICENCE_URLS[Licence(sheet.licence)],
        "illustrative": sheet.illustrative,
        "published_at": sheet.published_at,
        "updated_at": sheet.updated_at,
        "contacts": [
            {"name": contact.name, "role": contact.role, "organisation": contact.organisation}
            for contact in sheet.contacts.all()
            if contact.consented
        ],
    }


def public_rows_of(sheets: Iterable[ExperienceSheet], *, base_url: str = "") -> list[dict]:
    """The public rows of sheets already read with their places (``PLACES``), their other
    relations fetched in three queries."""
    sheets = list(sheets)
    prefetch_related_objects(sheets, *_prefetches())
    return [public_row(sheet, base_url=base_url) for sheet in sheets]


def row_chunks(sheets: QuerySet, *, base_url: str = "", size: int = CHUNK_SIZE) -> Iterator[list]:
    """The public rows of ``sheets`` (ordered by ``pk``), ``size`` at a time: each chunk starts
    after the last identifier of the one before, so that no chunk reads what it skips."""
    last = 0
    while True:
        chunk = list(with_public_relations(sheets.filter(pk__gt=last))[:size])
        if not chunk:
            return
        yield [public_row(sheet, base_url=base_url) for sheet in chunk]
        last = chunk[-1].pk


# CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    *(Column(name) for name in FIELD_NAMES if name not in ("themes", "publics", "contacts")),
    Column("themes"),
    Column("themes_labels"),
    Column("publics"),
    Column("publics_labels"),
    Column("contacts"),
)


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def csv_cells(row: dict) -> list:
    """A public row as the cells of the CSV: lists joined by « | », times in Paris time."""
    cells = [
        _local(row[name]) if name in ("published_at", "updated_at") else row[name]
        for name in FIELD_NAMES
        if name not in ("themes", "publics", "contacts")
    ]
    contacts = [
        ", ".join(part for part in (c["name"], c["role"], c["organisation"]) if part)
        for c in row["contacts"]
    ]
    return [
        *cells,
        LIST_SEPARATOR.join(theme["slug"] for theme in row["themes"]),
        LIST_SEPARATOR.join(theme["label"] for theme in row["themes"]),
        LIST_SEPARATOR.join(public["slug"] for public in row["publics"]),
        LIST_SEPARATOR.join(public["label"] for public in row["publics"]),
        LIST_SEPARATOR.join(contacts),
    ]


def csv_parts(sheets: QuerySet, *, base_url: str = "") -> Iterator[bytes]:
    """The CSV of ``sheets`` for French spreadsheets (``;``, UTF-8 with BOM), chunk by chunk:
    the header and its BOM once, then each chunk's lines."""
    yield to_csv_bytes(Table("Fiches expérience", CSV_COLUMNS, []))
    for rows in row_chunks(sheets, base_url=base_url):
        table = Table(
            "Fiches expérience", CSV_COLUMNS, [csv_cells(row) for row in rows], header=False
        )
        yield to_csv_bytes(table).removeprefix(BOM)


# JSON -----------------------------------------------------------------------------------------


def json_parts(sheets: QuerySet, *, base_url: str = "") -> Iterator[bytes]:
    """The JSON list of the public rows of ``sheets`` (UTF-8, accents as they are), chunk by
    chunk."""
    yield b"["
    first = True
    for rows in row_chunks(sheets, base_url=base_url):
        for row in rows:
            text = json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
            yield (text if first else "," + text).encode()
            first = False
    yield b"]"
