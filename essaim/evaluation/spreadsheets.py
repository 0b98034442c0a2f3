"""Indicators and measurements in spreadsheets: the XLSX export, the CSV model, and the import of
measurements from the CSV or XLSX files French spreadsheets write.

The import checks every line before writing anything: either the whole file is imported, in one
transaction, or nothing is and each problem is reported with its line number.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.evaluation.models import Indicator, IndicatorKind, Measurement, MeasurementBatch
from essaim.evaluation.services import drop_evidence_file
from essaim.experiments.models import Experiment
from essaim.lib.bounds import OutOfBounds, check_not_future
from essaim.lib.errors import DomainError
from essaim.lib.french_csv import (
    CellError,
    Sheet,
    SheetRow,
    SpreadsheetError,
    find_columns,
    fold,
    format_date,
    format_decimal,
    normalise_header,
    parse_date,
    parse_decimal,
    read_spreadsheet,
)
from essaim.lib.spreadsheets import PERCENT_FORMAT, Column, Table, to_csv_bytes, to_xlsx_bytes

MAX_IMPORT_ROWS = 5000
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_VALUE = Decimal("100000000000")  # 14 digits, 3 of them decimals
VALUE_STEP = Decimal("0.001")

# Column key → the headers accepted for it, compared without accents or case; the first is the
# one people are told about.
IMPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicateur", "nom de l'indicateur", "intitulé de l'indicateur"),
    "date": ("date", "date de la mesure", "date de mesure"),
    "value": ("valeur", "valeur mesurée"),
    "level": ("niveau",),
    "comment": ("commentaire", "commentaires", "remarque", "remarques"),
}
_DIGITS = re.compile(r"^-?\d+$")
MODEL_HEADER = ("indicateur", "date (jj/mm/aaaa)", "valeur", "commentaire (facultatif)")


# Import ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    line: int | None  # None when the problem is the file's, not a line's
    message: str  # a French sentence, without the line number

    def __str__(self) -> str:
        return f"Ligne {self.line} : {self.message}" if self.line else self.message


class MeasurementImportError(DomainError):
    """The file cannot be imported; ``problems`` says why, line by line."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class MeasurementImport:
    """What a valid file holds: the measurements to create, and what was left aside."""

    measurements: list[Measurement]
    description: str
    skipped_lines: list[int] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.measurements)

    def counts_by_indicator(self) -> list[tuple[str, int]]:
        counts = Counter(measurement.indicator.name for measurement in self.measurements)
        return sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))

    def summary(self, *, done: bool) -> str:
        """« 42 mesures importées : Trajets (30), Satisfaction (12). »"""
        noun = _plural(self.count, "mesure", "mesures")
        verb = (
            ("importée" if self.count <= 1 else "importées")
            if done
            else ("serait importée" if self.count <= 1 else "seraient importées")
        )
        detail = ", ".join(f"{name} ({count})" for name, count in self.counts_by_indicator())
        return f"{noun} {verb}" + (f" : {detail}." if detail else ".")

    @property
    def summary_preview(self) -> str:
        return self.summary(done=False)


def check_measurement_file(*, experiment: Experiment, data: bytes) -> MeasurementImport:
    """Read ``data`` (CSV or XLSX) and check every line against ``experiment``'s indicators and
    measurements; raise ``MeasurementImportError`` listing every problem, or return the
    measurements to create, unsaved."""
    if len(data) > MAX_IMPORT_BYTES:
        raise MeasurementImportError(
            [ImportProblem(None, f"Le fichier dépasse {MAX_IMPORT_BYTES // 1024 // 1024} Mo.")]
        )
    try:
        sheet = read_spreadsheet(data, max_rows=MAX_IMPORT_ROWS, sheet_name="Mesures")
        headers = {normalise_header(label) for label in sheet.header}
        has_level = bool(headers & {normalise_header(name) for name in IMPORT_COLUMNS["level"]})
        required = ("indicator", "date") if has_level else ("indicator", "date", "value")
        columns = find_columns(sheet.header, IMPORT_COLUMNS, required)
    except SpreadsheetError as error:
        raise MeasurementImportError([ImportProblem(None, error.message)]) from None
    if not sheet.rows:
        raise MeasurementImportError(
            [
                ImportProblem(
                    None, "Le fichier ne contient aucune mesure : seulement la ligne d'en-tête."
                )
            ]
        )
    checker = _LineChecker(experiment, sheet, columns)
    plan = checker.check()
    if checker.problems:
        raise MeasurementImportError(sorted(checker.problems, key=lambda p: p.line or 0))
    if not plan.measurements:
        raise MeasurementImportError(
            [
                ImportProblem(
                    None,
                    "Le fichier ne contient aucune mesure : aucune ligne n'a de date ni de valeur.",
                )
            ]
        )
    return plan


def import_measurements(
    *, experiment: Experiment, data: bytes, filename: str, actor
) -> MeasurementImport:
    """Import every measurement of ``data``, or none: see ``check_measurement_file``. The
    measurements imported form one ``MeasurementBatch``, which may be undone as a whole."""
    plan = check_measurement_file(experiment=experiment, data=data)
    recorded_by = actor if actor is not None and actor.is_authenticated else None
    for measurement in plan.measurements:
        measurement.recorded_by = recorded_by
    try:
        with transaction.atomic():
            batch = MeasurementBatch.objects.create(
                experiment=experiment,
                filename=filename[:255],
                count=plan.count,
                imported_by=recorded_by,
            )
            for measurement in plan.measurements:
                measurement.batch = batch
            Measurement.objects.bulk_create(plan.measurements)
            experiment.log_action(
                actor,
                "import",
                f"Import de {_plural(plan.count, 'mesure', 'mesures')} depuis « {filename} »",
                {"mesures": plan.count, "fichier": filename},
            )
    except IntegrityError:
        raise MeasurementImportError(
            [
                ImportProblem(
                    None,
                    "Des mesures ont été saisies pour les mêmes dates pendant l'import : aucune "
                    "mesure n'a été importée. Recommencez l'import.",
                )
            ]
        ) from None
    return plan


RECENT_IMPORTS = 10


def recent_imports(experiment: Experiment) -> list[MeasurementBatch]:
    """The latest imports of ``experiment``'s measurements, newest first, in one query."""
    return list(experiment.measurement_batches.select_related("imported_by")[:RECENT_IMPORTS])


def undo_measurement_import(*, batch: MeasurementBatch, actor) -> str:
    """Delete the measurements ``batch`` brought in — those still there: some may have been
    deleted one by one since — with their evidence files, then the batch; write it in the
    experiment's history and return what to tell the person."""
    experiment = batch.experiment
    with transaction.atomic():
        if not MeasurementBatch.objects.select_for_update().filter(pk=batch.pk).exists():
            raise MeasurementImportError([ImportProblem(None, "Cet import a déjà été annulé.")])
        measurements = Measurement.objects.filter(batch=batch)
        for name in measurements.exclude(evidence="").values_list("evidence", flat=True):
            drop_evidence_file(Measurement._meta.get_field("evidence").storage, name)
        deleted = measurements.count()
        measurements.delete()
        batch.delete()
        summary = (
            f"Import de « {batch.filename} » annulé : "
            f"{_plural(deleted, 'mesure supprimée', 'mesures supprimées')}"
        )
        experiment.log_action(
            actor, "deleted", summary, {"fichier": batch.filename, "mesures": deleted}
        )
    return summary + "."


class _LineChecker:
    def __init__(self, experiment: Experiment, sheet: Sheet, columns: dict[str, int]) -> None:
        self.experiment = experiment
        self.sheet = sheet
        self.columns = columns
        self.indicators = list(experiment.indicators.all())
        self.by_name: dict[str, list[Indicator]] = {}
        for indicator in self.indicators:
            self.by_name.setdefault(fold(indicator.name), []).append(indicator)
        self.today = timezone.localdate()
        self.problems: list[ImportProblem] = []

    def fail(self, line: int | None, message: str) -> None:
        self.problems.append(ImportProblem(line, message))

    def cell(self, row: SheetRow, key: str):
        index = self.columns.get(key)
        if index is None or index >= len(row.cells):
            return None
        value = row.cells[index]
        return None if isinstance(value, str) and not value.strip() else value

    def check(self) -> MeasurementImport:
        measurements: list[Measurement] = []
        skipped: list[int] = []
        first_line: dict[tuple[int, date], int] = {}
        lines: dict[int, int] = {}  # id() of a measurement → its line
        for row in self.sheet.rows:
            if self._is_unfilled_model_line(row):
                skipped.append(row.line)
                continue
            measurement = self._check_row(row)
            if measurement is None:
                continue
            key = (measurement.indicator.pk, measurement.measured_on)
            if key in first_line:
                self.fail(
                    row.line,
                    f"même indicateur et même date qu'à la ligne {first_line[key]} "
                    f"(« {measurement.indicator.name} », {format_date(measurement.measured_on)}).",
                )
                continue
            first_line[key] = row.line
            lines[id(measurement)] = row.line
            measurements.append(measurement)
        self._check_existing(measurements, lines)
        ignored = [
            label
            for index, label in enumerate(self.sheet.header)
            if index not in self.columns.values() and str(label or "").strip()
        ]
        return MeasurementImport(
            measurements=measurements,
            description=self.sheet.description,
            skipped_lines=skipped,
            ignored_columns=ignored,
        )

    def _is_unfilled_model_line(self, row: SheetRow) -> bool:
        """A line of the downloaded model left as it was: an indicator name and nothing else."""
        return self.cell(row, "indicator") is not None and all(
            self.cell(row, key) is None for key in ("date", "value", "level", "comment")
        )

    def _check_row(self, row: SheetRow) -> Measurement | None:
        problems_before = len(self.problems)
        self._check_width(row)
        indicator = self._indicator(row)
        measured_on = self._date(row)
        value = level = None
        if indicator is not None:
            if indicator.kind == IndicatorKind.QUALITATIVE:
                level = self._level(row, indicator)
            else:
                value = self._value(row)
        if len(self.problems) > problems_before:
            return None
        comment = self.cell(row, "comment")
        return Measurement(
            indicator=indicator,
            measured_on=measured_on,
            value=value,
            level=level,
            comment=_as_text(comment) if comment is not None else "",
        )

    def _check_width(self, row: SheetRow) -> None:
        """In a CSV separated by commas, an unquoted decimal comma splits a number in two."""
        if self.sheet.delimiter is None:
            return
        width = len(self.sheet.header)
        extra = any(cell for cell in row.cells[width:])
        value_index = self.columns.get("value")
        split_number = (
            self.sheet.delimiter == ","
            and value_index is not None
            and value_index + 1 < len(row.cells)
            and _DIGITS.match(str(row.cells[value_index]))
            and _DIGITS.match(str(row.cells[value_index + 1]))
        )
        if self.sheet.delimiter == "," and (extra or split_number):
            self.fail(
                row.line,
                "un nombre à virgule a été coupé en deux cellules : dans un fichier séparé par "
                'des virgules, écrivez-le entre guillemets ("12,5"), ou enregistrez le fichier '
                "avec le point-virgule comme séparateur.",
            )
        elif extra:
            self.fail(
                row.line,
                f"la ligne compte {len(row.cells)} cellules pour {width} colonnes : une cellule "
                "contient-elle le séparateur sans être entre guillemets ?",
            )

    def _indicator(self, row: SheetRow) -> Indicator | None:
        raw = self.cell(row, "indicator")
        if raw is None:
            self.fail(row.line, "l'indicateur n'est pas indiqué.")
            return None
        name = _as_text(raw)
        exact = [indicator for indicator in self.indicators if indicator.name == name]
        candidates = exact or self.by_name.get(fold(name), [])
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            self.fail(
                row.line,
                f"l'indicateur « {name} » correspond à plusieurs indicateurs : "
                f"{_listing(indicator.name for indicator in candidates)} ; écrivez-le exactement.",
            )
            return None
        if not self.indicators:
            self.fail(
                row.line,
                f"l'indicateur « {name} » est inconnu ; cette expérimentation n'a encore aucun "
                "indicateur.",
            )
            return None
        message = (
            f"l'indicateur « {name} » est inconnu ; indicateurs de cette expérimentation : "
            f"{_listing(indicator.name for indicator in self.indicators)}."
        )
        close = difflib.get_close_matches(fold(name), list(self.by_name), n=1, cutoff=0.6)
        if close:
            message += f" Vouliez-vous dire « {self.by_name[close[0]][0].name} » ?"
        self.fail(row.line, message)
        return None

    def _date(self, row: SheetRow) -> date | None:
        try:
            measured_on = parse_date(self.cell(row, "date"))
        except CellError as error:
            self.fail(row.line, error.message + ".")
            return None
        try:
            check_not_future(measured_on, today=self.today)
        except OutOfBounds as error:
            self.fail(row.line, error.message + ".")
            return None
        return measured_on

    def _value(self, row: SheetRow) -> Decimal | None:
        raw = self.cell(row, "value")
        try:
            value = parse_decimal(raw)
        except CellError as error:
            self.fail(row.line, error.message + ".")
            return None
        value = value.quantize(VALUE_STEP, rounding=ROUND_HALF_UP)
        if abs(value) >= MAX_VALUE:
            self.fail(row.line, f"la valeur « {_as_text(raw)} » est trop grande.")
            return None
        return value

    def _level(self, row: SheetRow, indicator: Indicator) -> int | None:
        raw = self.cell(row, "value")
        if raw is None:
            raw = self.cell(row, "level")
        scale = [str(label) for label in indicator.scale or []]
        if not scale:
            self.fail(
                row.line,
                f"l'indicateur qualitatif « {indicator.name} » n'a pas encore d'échelle : "
                "définissez ses niveaux avant d'importer des mesures.",
            )
            return None
        if raw is None:
            self.fail(row.line, "la valeur est vide.")
            return None
        levels = ", ".join(f"{number} = {label}" for number, label in enumerate(scale, start=1))
        text = _as_text(raw)
        for index, label in enumerate(scale):
            if fold(label) == fold(text):
                return index
        try:
            number = parse_decimal(raw)
        except CellError:
            number = None
        if number is not None and number == number.to_integral_value():
            if 1 <= number <= len(scale):
                return int(number) - 1
            self.fail(
                row.line,
                f"le niveau {text} n'existe pas pour « {indicator.name} » : les niveaux vont de 1 "
                f"à {len(scale)} ({levels}).",
            )
            return None
        self.fail(
            row.line,
            f"le niveau « {text} » n'existe pas pour « {indicator.name} » ; niveaux : {levels}.",
        )
        return None

    def _check_existing(self, measurements: list[Measurement], lines: dict[int, int]) -> None:
        if not measurements:
            return
        existing = set(
            Measurement.objects.filter(
                indicator__experiment=self.experiment,
                measured_on__in={measurement.measured_on for measurement in measurements},
            ).values_list("indicator_id", "measured_on")
        )
        for measurement in measurements:
            if (measurement.indicator.pk, measurement.measured_on) in existing:
                self.fail(
                    lines[id(measurement)],
                    f"une mesure existe déjà le {format_date(measurement.measured_on)} pour "
                    f"« {measurement.indicator.name} ».",
                )


def _as_text(value) -> str:
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float | Decimal):
        return format_decimal(Decimal(repr(value)) if isinstance(value, float) else value)
    return " ".join(str(value).split())


def _listing(names) -> str:
    return ", ".join(f"« {name} »" for name in names)


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{format_decimal(Decimal(count))} {singular if count <= 1 else plural}"


def measurement_model_csv(experiment: Experiment) -> bytes:
    """A CSV model to fill in a spreadsheet: UTF-8 with BOM (Excel then reads the accents),
    ``;`` between cells, one line per indicator to complete or copy."""
    table = Table(
        "Mesures",
        [Column(label) for label in MODEL_HEADER],
        [[indicator.name, "", "", ""] for indicator in experiment.indicators.all()],
    )
    return to_csv_bytes(table)


# Export ----------------------------------------------------------------------------------------


def export_indicators_xlsx(experiment: Experiment) -> bytes:
    """The indicators of ``experiment`` with their progress, and every measurement, as an XLSX
    workbook of three sheets: « Indicateurs », « Mesures », « À propos »."""
    indicators = list(
        experiment.indicators.select_related("question", "outcome").prefetch_related(
            "targets", "measurements"
        )
    )
    return to_xlsx_bytes(
        [
            _indicators_table(indicators),
            _measurements_table(indicators),
            _about_table(experiment, indicators),
        ],
        title=f"Indicateurs — {experiment.title}",
    )


INDICATOR_COLUMNS = [
    Column("Intitulé", 36),
    Column("Nature", 13),
    Column("Question évaluative", 40),
    Column("Maillon de la théorie du changement", 30),
    Column("Unité", 12),
    Column("Valeur de départ", 14),
    Column("Date de la valeur de départ", 14),
    Column("Source de la valeur de départ", 28),
    Column("Valeur cible", 13),
    Column("Échéance de la cible", 14),
    Column("Cibles intermédiaires", 32),
    Column("Sens de l'amélioration", 16),
    Column("Cumulatif", 11),
    Column("Échelle qualitative", 32),
    Column("Moyens de vérification", 36),
    Column("Méthode de collecte", 36),
    Column("Fréquence", 16),
    Column("Responsable de la collecte", 24),
    Column("Nombre de mesures", 12),
    Column("Dernière mesure", 14),
    Column("Valeur actuelle", 16),
    Column("Progression vers la cible", 14, number_format=PERCENT_FORMAT),
]
MEASUREMENT_COLUMNS = [
    Column("Indicateur", 36),
    Column("Date", 13),
    Column("Valeur", 14),
    Column("Niveau", 20),
    Column("Commentaire", 60),
    Column("Justificatif", 12),
]


def _indicators_table(indicators: list[Indicator]) -> Table:
    rows = []
    for indicator in indicators:
        measurements = list(indicator.measurements.all())
        last = measurements[-1] if measurements else None
        if indicator.is_quantitative:
            current = indicator.current_value(measurements)
        else:
            current = last.level_label() if last else None
        progress = indicator.progress(measurements)
        targets = " ; ".join(
            f"{format_decimal(target.value)} au {format_date(target.due_on)}"
            for target in indicator.targets.all()
        )
        rows.append(
            [
                indicator.name,
                indicator.get_kind_display(),
                indicator.question.question if indicator.question else None,
                indicator.outcome.title if indicator.outcome else None,
                indicator.unit or None,
                indicator.baseline_value,
                indicator.baseline_date,
                indicator.baseline_source or None,
                indicator.target_value,
                indicator.target_date,
                targets or None,
                indicator.get_direction_display() if indicator.is_quantitative else None,
                ("oui" if indicator.cumulative else "non") if indicator.is_quantitative else None,
                " ; ".join(str(level) for level in indicator.scale) or None,
                indicator.means_of_verification or None,
                indicator.collection_method or None,
                indicator.get_frequency_display(),
                indicator.owner or None,
                len(measurements),
                last.measured_on if last else None,
                current,
                progress / 100 if progress is not None else None,
            ]
        )
    return Table("Indicateurs", INDICATOR_COLUMNS, rows)


def _measurements_table(indicators: list[Indicator]) -> Table:
    rows = []
    for indicator in indicators:
        for measurement in indicator.measurements.all():
            # Each measurement points back to its indicator without another query.
            measurement.indicator = indicator
            rows.append(
                [
                    indicator.name,
                    measurement.measured_on,
                    measurement.value,
                    measurement.level_label() or None,
                    measurement.comment or None,
                    "oui" if measurement.evidence else "non",
                ]
            )
    return Table("Mesures", MEASUREMENT_COLUMNS, rows)


def _about_table(experiment: Experiment, indicators: list[Indicator]) -> Table:
    rows = [
        ("Expérimentation", experiment.title),
        ("Étape", experiment.get_stage_display()),
        ("Exporté le", timezone.localdate()),
        ("Indicateurs", len(indicators)),
        ("Mesures", sum(len(indicator.measurements.all()) for indicator in indicators)),
    ]
    if experiment.illustrative:
        rows.append(
            (
                "Exemple illustratif",
                "Les chiffres de cette expérimentation sont inventés pour la démonstration.",
            )
        )
    columns = [Column("", 24, bold=True), Column("", 80, align="left")]
    return Table("À propos", columns, rows, header=False)
