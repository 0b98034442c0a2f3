"""Importing an existing collection of experiences from a CSV or XLSX file, in three steps:

1. :func:`create_import` keeps the file once :func:`read_collection` has read it (a file that
   is not a table, empty, too big or without a header line is refused at once);
2. the person says which column holds which field of a sheet (:func:`guess_mapping` proposes
   one from the headers); :func:`queue_import` hands the import to the worker;
3. :func:`run_import`, in the worker, checks every line, writing its progress as it goes. One
   error anywhere and nothing is imported: every error is kept with its line number. Otherwise
   every sheet is created as a draft, in one transaction, on the shared territory of its
   commune (reused when it exists), through the same :func:`create_sheet` as a sheet written
   on its page. Once the import has ended, done or refused, its file is deleted: it may name
   people; the errors and the mapping stay on the row.

The lines are numbered as the spreadsheet shows them: the header is line 1."""

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from essaim.core.search import indexing_deferred
from essaim.experiments.models.stages import Stage
from essaim.lib.bounds import EARLIEST_DATE, LATEST_DATE, OutOfBounds, check_single_line
from essaim.lib.errors import DomainError
from essaim.lib.french import counted
from essaim.lib.french_csv import (
    CellError,
    Sheet,
    SheetRow,
    SpreadsheetError,
    fold,
    format_date,
    normalise_header,
    parse_date,
    read_spreadsheet,
)
from essaim.library.models import (
    ExperienceSheet,
    ImportStatus,
    Licence,
    Public,
    Setting,
    SheetImport,
    SheetSource,
)
from essaim.library.models.sheets import SECTION_FIELDS
from essaim.library.services.sheets import SheetDraft, create_sheet, perimeter_for
from essaim.library.signals import refresh_paused
from essaim.scaling.models.strategy import StrategyKind
from essaim.territories.models import Commune
from essaim.themes.models import Theme

logger = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000
MAX_IMPORT_COLUMNS = 100
MAX_TEXT_LENGTH = 20_000
MAX_KEPT_ERRORS = 500
PROGRESS_EVERY = 100
TITLE_LENGTH = ExperienceSheet._meta.get_field("title").max_length
LIST_SEPARATORS = re.compile(r"[;|,\n]+")


class CollectionImportError(DomainError):
    """An import that cannot go on as asked; the message is French."""


@dataclass(frozen=True)
class ImportField:
    """A field of a sheet that a column may fill: its key, its label in the mapping page and
    the headers that propose it."""

    key: str
    label: str
    headers: tuple[str, ...]
    required: bool = False


IMPORT_FIELDS = (
    ImportField("title", "titre", ("titre", "title", "intitulé", "nom du projet", "projet"), True),
    ImportField(
        "commune",
        "commune (code INSEE)",
        ("commune", "code INSEE", "INSEE", "commune_insee", "code commune", "code INSEE commune"),
        True,
    ),
    ImportField("summary", "en quelques lignes", ("résumé", "summary", "description", "chapeau")),
    ImportField("context", "contexte", ("contexte", "context", "enjeux")),
    ImportField("tried", "ce qui a été tenté", ("ce qui a été tenté", "actions", "tried")),
    ImportField("results", "résultats", ("résultats", "results", "impacts")),
    ImportField(
        "learned", "ce que nous avons appris", ("ce que nous avons appris", "enseignements")
    ),
    ImportField(
        "conditions",
        "conditions pour le refaire ailleurs",
        ("conditions pour le refaire ailleurs", "conditions", "conditions de réussite"),
    ),
    ImportField("themes", "thèmes", ("thèmes", "thème", "thématiques", "themes")),
    ImportField("publics", "publics", ("publics", "public", "publics cibles")),
    ImportField("setting", "type de territoire", ("type de territoire", "milieu", "setting")),
    ImportField("stage", "étape", ("étape", "stade", "stage")),
    ImportField("strategy", "stratégie d'essaimage", ("stratégie", "strategy")),
    ImportField(
        "year_start", "année de début", ("année de début", "depuis", "début", "date de début")
    ),
    ImportField("year_end", "année de fin", ("année de fin", "jusqu'à", "fin", "date de fin")),
    ImportField("licence", "licence", ("licence", "license")),
    ImportField("illustrative", "exemple illustratif", ("exemple illustratif", "illustratif")),
    ImportField("internal_notes", "notes internes (jamais publiées)", ("notes internes",)),
)
FIELDS_BY_KEY = {import_field.key: import_field for import_field in IMPORT_FIELDS}
TEXT_FIELDS = (*SECTION_FIELDS, "internal_notes")
CHOICE_FIELDS = {"setting": Setting, "stage": Stage, "strategy": StrategyKind}
LICENCE_WORDS = {
    fold(word): licence
    for licence, words in {
        Licence.ETALAB: ("licence ouverte", "licence ouverte 2.0", "etalab", "lo"),
        Licence.CC_BY: ("cc-by", "cc by", "cc-by 4.0", "creative commons"),
    }.items()
    for word in words
}
YES = {"oui", "vrai", "x", "1", "yes", "true"}
NO = {"non", "faux", "0", "no", "false", ""}


# Step 1: the file ------------------------------------------------------------------------------


def read_collection(data: bytes) -> Sheet:
    """The table of ``data``; ``CollectionImportError`` says in French why it cannot be
    imported."""
    if len(data) > MAX_IMPORT_BYTES:
        raise CollectionImportError(
            f"Le fichier dépasse {MAX_IMPORT_BYTES // 1024 // 1024} Mo : découpez-le en "
            "plusieurs fichiers."
        )
    try:
        sheet = read_spreadsheet(data, max_rows=MAX_IMPORT_ROWS)
    except SpreadsheetError as error:
        raise CollectionImportError(error.message) from None
    if len(sheet.header) > MAX_IMPORT_COLUMNS:
        raise CollectionImportError(
            f"Le fichier compte {len(sheet.header)} colonnes : {MAX_IMPORT_COLUMNS} au plus. "
            "Retirez les colonnes inutiles avant de l'importer."
        )
    if sum(1 for header in sheet.header if str(header or "").strip()) < 2:
        raise CollectionImportError(
            "La première ligne doit contenir les intitulés des colonnes (au moins le titre et la "
            "commune), séparés par des points-virgules."
        )
    if not sheet.rows:
        raise CollectionImportError(
            "Le fichier ne contient aucune fiche : seulement la ligne d'en-tête."
        )
    return sheet


def guess_mapping(headers: Iterable[str]) -> dict[str, str]:
    """The field each column seems to hold, by its header (``{"0": "title", …}``); each field
    is proposed for one column at most."""
    accepted = {
        normalise_header(name): import_field.key
        for import_field in IMPORT_FIELDS
        for name in (import_field.label, import_field.key, *import_field.headers)
    }
    mapping: dict[str, str] = {}
    for index, header in enumerate(headers):
        key = accepted.get(normalise_header(str(header or "")))
        if key and key not in mapping.values():
            mapping[str(index)] = key
    return mapping


def create_import(*, filename: str, data: bytes, sheet: Sheet, actor) -> SheetImport:
    """Keep the file read as ``sheet``, with a mapping of its columns to confirm."""
    headers = [str(header or "") for header in sheet.header]
    sheet_import = SheetImport(
        created_by=actor,
        original_name=filename[:255],
        headers=headers,
        mapping=guess_mapping(headers),
        total_rows=len(sheet.rows),
    )
    sheet_import.file.save(f"import{_extension(data)}", ContentFile(data), save=False)
    sheet_import.save()
    return sheet_import


def _extension(data: bytes) -> str:
    return ".xlsx" if data.startswith(b"PK") else ".csv"


def example_values(sheet_import: SheetImport, count: int = 2) -> list[list[str]]:
    """The first values of each column, to help choose its field."""
    with sheet_import.file.open("rb") as handle:
        sheet = read_collection(handle.read())
    return [
        [_text(row.cells[index]) if index < len(row.cells) else "" for row in sheet.rows[:count]]
        for index in range(len(sheet.header))
    ]


# Step 2: the mapping ---------------------------------------------------------------------------


def mapping_problems(mapping: dict[str, str]) -> list[str]:
    """What is wrong with a mapping of columns to fields, in French; empty when it is right."""
    problems = []
    chosen = [key for key in mapping.values() if key]
    for import_field in IMPORT_FIELDS:
        if import_field.required and import_field.key not in chosen:
            problems.append(f"Choisissez la colonne qui donne le champ « {import_field.label} ».")
        if chosen.count(import_field.key) > 1:
            problems.append(
                f"Le champ « {import_field.label} » est choisi pour plusieurs colonnes : "
                "une seule peut le donner."
            )
    unknown = sorted(set(chosen) - set(FIELDS_BY_KEY))
    if unknown:
        problems.append(f"Champ inconnu : {', '.join(unknown)}.")
    return problems


def queue_import(*, sheet_import: SheetImport, mapping: dict[str, str], actor) -> None:
    """Keep the ``mapping`` chosen and hand the import to the worker once committed."""
    from essaim.library.import_tasks import import_sheets

    problems = mapping_problems(mapping)
    if problems:
        raise CollectionImportError(" ".join(problems))
    with transaction.atomic():
        locked = SheetImport.objects.select_for_update().get(pk=sheet_import.pk)
        if locked.status != ImportStatus.UPLOADED:
            raise CollectionImportError("Cet import est déjà lancé.")
        locked.mapping = {index: key for index, key in mapping.items() if key}
        locked.status = ImportStatus.QUEUED
        locked.save(update_fields=["mapping", "status"])
        import_id = locked.pk

        def enqueue() -> None:
            result = import_sheets.enqueue(import_id=import_id)
            SheetImport.objects.filter(pk=import_id).update(task_id=str(result.id))

        transaction.on_commit(enqueue)
    sheet_import.refresh_from_db()


# Step 3: checking and creating -----------------------------------------------------------------


@dataclass
class PlannedSheet:
    line: int
    commune: Commune
    fields: dict = field(default_factory=dict)
    themes: list = field(default_factory=list)
    publics: list = field(default_factory=list)


@dataclass(frozen=True)
class LineError:
    line: int | None
    message: str

    def as_json(self) -> dict:
        return {"line": self.line, "message": self.message}


def _text(value: object) -> str:
    """A cell as text: numbers without a useless « ,0 », dates as jj/mm/aaaa."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "year") and hasattr(value, "month"):
        return format_date(value)
    return str(value).strip()


MAX_NUMBER_DIGITS = 9


def checked_number(value: object) -> int | None:
    """A cell as a whole number, ``None`` when it is not one: ASCII digits only (« ² » is a
    digit to ``str.isdigit()``, not to ``int()``), ``MAX_NUMBER_DIGITS`` at most, or a finite
    whole number from a spreadsheet's cell."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**MAX_NUMBER_DIGITS else None
    if isinstance(value, float):
        if (
            not math.isfinite(value)
            or not value.is_integer()
            or abs(value) >= 10**MAX_NUMBER_DIGITS
        ):
            return None
        return int(value)
    text = _text(value)
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_NUMBER_DIGITS):
        return None
    return int(text)


def _vocabulary(rows: Iterable, *names: str) -> dict[str, object]:
    """Each row found by any of its ``names`` attributes, compared loosely."""
    return {fold(str(getattr(row, name))): row for row in rows for name in names}


class LineChecker:
    """Checks every line of a file against the referential and the library, in a fixed number
    of queries: communes, themes, publics and the sheets already there are read once."""

    def __init__(self, sheet: Sheet, mapping: dict[str, str]) -> None:
        self.rows = sheet.rows
        self.columns = {key: int(index) for index, key in mapping.items() if key}
        self.errors: list[LineError] = []
        self.themes = _vocabulary(Theme.objects.all(), "slug", "label")
        self.publics = _vocabulary(Public.objects.all(), "slug", "label")
        self.communes = self._communes()
        self.existing = self._existing_titles()
        self.seen: dict[tuple[str, int], int] = {}

    def cell(self, row: SheetRow, key: str) -> object:
        index = self.columns.get(key)
        if index is None or index >= len(row.cells):
            return None
        return row.cells[index]

    def _commune_code(self, value: object) -> str:
        code = _text(value).upper()
        return (
            code.zfill(5) if code.isascii() and code.isdigit() else code
        )  # 7186 from a number cell: 07186

    def _communes(self) -> dict[str, Commune]:
        codes = {self._commune_code(self.cell(row, "commune")) for row in self.rows}
        communes = Commune.objects.filter(insee_code__in=codes)
        return {commune.insee_code: commune for commune in communes}

    def _existing_titles(self) -> dict[tuple[str, int], str]:
        communes = [commune.pk for commune in self.communes.values()]
        sheets = ExperienceSheet.objects.filter(commune__in=communes).values_list(
            "title", "commune_id"
        )
        return {(fold(title), commune): title for title, commune in sheets}

    def check(self, progress=None) -> list[PlannedSheet]:
        planned = []
        for done, row in enumerate(self.rows, start=1):
            sheet = self.check_line(row)
            if sheet is not None:
                planned.append(sheet)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(self.rows)):
                progress(done)
        return planned

    def refuse(self, row: SheetRow, message: str) -> None:
        self.errors.append(LineError(row.line, message))

    def check_line(self, row: SheetRow) -> PlannedSheet | None:
        if not any(_text(cell) for cell in row.cells):
            return None  # an empty line
        before = len(self.errors)
        title = self._title(row)
        commune = self._commune(row)
        fields: dict = {"title": title}
        for key in TEXT_FIELDS:
            if key in self.columns:
                fields[key] = self._long_text(row, key)
        for key, choices in CHOICE_FIELDS.items():
            if key in self.columns:
                fields[key] = self._choice(row, key, choices)
        fields.update(self._years(row))
        if "licence" in self.columns:
            fields["licence"] = self._licence(row)
        if "illustrative" in self.columns:
            fields["illustrative"] = self._illustrative(row)
        themes = self._terms(row, "themes", self.themes, "le thème")
        publics = self._terms(row, "publics", self.publics, "le public")
        if title and commune is not None:
            self._check_duplicate(row, title, commune)
        if len(self.errors) > before:
            return None
        return PlannedSheet(row.line, commune, fields, themes, publics)

    def _title(self, row: SheetRow) -> str:
        title = _text(self.cell(row, "title"))
        if not title:
            self.refuse(row, "le titre est vide")
            return ""
        try:
            check_single_line(title)
        except OutOfBounds as error:
            self.refuse(row, f"le titre : {error.message}")
        if len(title) > TITLE_LENGTH:
            self.refuse(row, f"le titre compte {len(title)} caractères : {TITLE_LENGTH} au plus")
        return title

    def _commune(self, row: SheetRow) -> Commune | None:
        code = self._commune_code(self.cell(row, "commune"))
        if not code:
            self.refuse(row, "la commune est vide : donnez son code INSEE")
            return None
        commune = self.communes.get(code)
        if commune is None:
            self.refuse(row, f"la commune « {code} » n'existe pas dans le référentiel")
        return commune

    def _long_text(self, row: SheetRow, key: str) -> str:
        text = _text(self.cell(row, key))
        if len(text) > MAX_TEXT_LENGTH:
            self.refuse(
                row,
                f"le champ « {FIELDS_BY_KEY[key].label} » est trop long : {len(text)} caractères, "
                f"{MAX_TEXT_LENGTH} au plus",
            )
        return text

    def _choice(self, row: SheetRow, key: str, choices) -> str:
        text = _text(self.cell(row, key))
        if not text:
            return ""
        known = {fold(value): value for value in choices.values}
        known.update({fold(str(label)): value for value, label in choices.choices})
        value = known.get(fold(text))
        if value is None:
            possible = ", ".join(str(label) for label in choices.labels)
            self.refuse(
                row,
                f"« {text} » n'est pas un choix du champ « {FIELDS_BY_KEY[key].label} » "
                f"(possibles : {possible})",
            )
            return ""
        return value

    def _year(self, row: SheetRow, key: str) -> int | None:
        value = self.cell(row, key)
        text = _text(value)
        if not text:
            return None
        label = FIELDS_BY_KEY[key].label
        if isinstance(value, int | float) or text.isdigit():
            year = checked_number(value)
            if year is None:
                self.refuse(row, f"{label} : « {text[:20]} » n'est pas une année")
                return None
        else:
            try:
                year = parse_date(value).year
            except CellError as error:
                self.refuse(row, f"{label} : {error.message}")
                return None
        if not EARLIEST_DATE.year <= year <= LATEST_DATE.year:
            self.refuse(
                row,
                f"{label} : {year} doit être comprise entre {EARLIEST_DATE.year} et "
                f"{LATEST_DATE.year}",
            )
            return None
        return year

    def _years(self, row: SheetRow) -> dict:
        years = {key: self._year(row, key) for key in ("year_start", "year_end")}
        start, end = years["year_start"], years["year_end"]
        if start and end and end < start:
            self.refuse(row, f"l'année de fin ({end}) précède l'année de début ({start})")
        return {key: value for key, value in years.items() if key in self.columns}

    def _licence(self, row: SheetRow) -> str:
        text = _text(self.cell(row, "licence"))
        if not text:
            return Licence.ETALAB
        known = {fold(value): value for value in Licence.values}
        known.update({fold(str(label)): value for value, label in Licence.choices})
        known.update(LICENCE_WORDS)
        value = known.get(fold(text))
        if value is None:
            self.refuse(
                row, f"la licence « {text} » n'est pas reconnue (Licence Ouverte 2.0 ou CC-BY 4.0)"
            )
            return Licence.ETALAB
        return value

    def _illustrative(self, row: SheetRow) -> bool:
        value = self.cell(row, "illustrative")
        if isinstance(value, bool):
            return value
        text = fold(_text(value))
        if text in YES:
            return True
        if text not in NO:
            self.refuse(row, f"« {_text(value)} » : exemple illustratif attend « oui » ou « non »")
        return False

    def _terms(self, row: SheetRow, key: str, vocabulary: dict, noun: str) -> list:
        found = []
        for term in LIST_SEPARATORS.split(_text(self.cell(row, key))):
            if not term.strip():
                continue
            item = vocabulary.get(fold(term))
            if item is None:
                self.refuse(row, f"{noun} « {term.strip()} » n'existe pas dans la bibliothèque")
            elif item not in found:
                found.append(item)
        return found

    def _check_duplicate(self, row: SheetRow, title: str, commune: Commune) -> None:
        key = (fold(title), commune.pk)
        if key in self.seen:
            self.refuse(
                row,
                f"doublon de la ligne {self.seen[key]} : même titre et même commune "
                f"({commune.name})",
            )
            return
        self.seen[key] = row.line
        if key in self.existing:
            self.refuse(
                row,
                f"la fiche « {self.existing[key]} » existe déjà dans la bibliothèque pour la "
                f"commune {commune.name}",
            )


def kept_errors(errors: list[LineError]) -> list[dict]:
    """The errors to keep on the import, by line, ``MAX_KEPT_ERRORS`` at most and a last one
    that counts the others."""
    ordered = sorted(errors, key=lambda error: error.line or 0)
    kept = [error.as_json() for error in ordered[:MAX_KEPT_ERRORS]]
    if len(ordered) > MAX_KEPT_ERRORS:
        others = len(ordered) - MAX_KEPT_ERRORS
        kept.append(
            {"line": None, "message": f"… et {counted(others, 'autre erreur', 'autres erreurs')}."}
        )
    return kept


def create_sheets(*, sheet_import: SheetImport, planned: list[PlannedSheet], actor) -> int:
    """Create every planned sheet as a draft, all or none: each on the shared territory of its
    commune, found or made once per commune. The search index is written once per sheet at
    the end, in batches, inside the same transaction; drafts have no neighbours to refresh."""
    territories: dict[int, object] = {}
    Themes, Publics = ExperienceSheet.themes.through, ExperienceSheet.publics.through
    themes: list = []
    publics: list = []
    with transaction.atomic(), refresh_paused(), indexing_deferred():
        for plan in planned:
            if plan.commune.pk not in territories:
                territories[plan.commune.pk] = perimeter_for(
                    epci=None, communes=[plan.commune], user=actor
                )
            draft = SheetDraft(
                fields={
                    **plan.fields,
                    "territory": territories[plan.commune.pk],
                    "imported_by": sheet_import,
                },
                source=SheetSource.IMPORT,
            )
            sheet = create_sheet(draft=draft, actor=actor)
            themes += [Themes(experiencesheet=sheet, theme=theme) for theme in plan.themes]
            publics += [Publics(experiencesheet=sheet, public=public) for public in plan.publics]
        # New sheets: their themes and publics in two inserts, indexed with them just after.
        Themes.objects.bulk_create(themes, batch_size=500)
        Publics.objects.bulk_create(publics, batch_size=500)
    return len(planned)


def _finish(rows, **fields) -> None:
    """Write how the import ended and delete its file, which may name people: the errors and
    the mapping stay on the row."""
    rows.update(finished_at=timezone.now(), **fields)
    for sheet_import in rows:
        forget_file(sheet_import)


def forget_file(sheet_import: SheetImport) -> None:
    """Delete the import's file from the storage and its name from the row."""
    name = sheet_import.file.name
    if not name:
        return
    try:
        sheet_import.file.storage.delete(name)
    except OSError:
        logger.exception("Import de fiches %s : fichier %s non supprimé", sheet_import.pk, name)
        return
    SheetImport.objects.filter(pk=sheet_import.pk).update(file="")
    sheet_import.file.name = ""


def run_import(import_id: int) -> None:
    """Check every line of the import's file, then create its sheets or keep its errors; the
    import's row says how far it went. Run by the worker; an import already run is left as
    it is."""
    rows = SheetImport.objects.filter(pk=import_id)
    if not rows.filter(status=ImportStatus.QUEUED).update(status=ImportStatus.RUNNING):
        return
    sheet_import = SheetImport.objects.select_related("created_by").get(pk=import_id)
    actor = sheet_import.created_by
    try:
        if actor is None:
            raise CollectionImportError("La personne qui a déposé ce fichier n'a plus de compte.")
        with sheet_import.file.open("rb") as handle:
            sheet = read_collection(handle.read())
        rows.update(total_rows=len(sheet.rows), processed_rows=0)
        checker = LineChecker(sheet, sheet_import.mapping)
        planned = checker.check(progress=lambda done: rows.update(processed_rows=done))
        if checker.errors:
            _finish(rows, status=ImportStatus.FAILED, errors=kept_errors(checker.errors))
            return
        created = create_sheets(sheet_import=sheet_import, planned=planned, actor=actor)
    except CollectionImportError as error:
        _finish(rows, status=ImportStatus.FAILED, errors=[{"line": None, "message": error.message}])
        return
    except Exception:
        _finish(
            rows,
            status=ImportStatus.FAILED,
            errors=[
                {
                    "line": None,
                    "message": "L'import s'est arrêté sur une erreur inattendue : rien n'a été "
                    "importé. Recommencez ; si l'erreur revient, prévenez l'administration.",
                }
            ],
        )
        raise
    _finish(rows, status=ImportStatus.DONE, created_count=created)
    logger.info("Import de fiches %s : %s fiches créées", import_id, created)
