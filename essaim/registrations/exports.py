"""The registrations of a session as a spreadsheet: CSV as French Excel opens it (``;``, UTF-8
with BOM) and XLSX (a header row, column widths, real dates), with one column per question of
the registration form and, when the session has several slots, one per slot.

The registrations come with their commune (département, EPCI), slots and answers already
fetched: an export costs the same few queries whatever the number of rows."""

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from essaim.lib import french
from essaim.registrations.models import Registration
from essaim.trainings.models import RegistrationQuestion, Slot, TrainingSession

Value = str | int | datetime.date | datetime.datetime | None

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5C4A")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
# A cell starting with one of these is a formula to a spreadsheet: CSV cells get a quote first.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    value: Callable[[Registration], Value]


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A naive local date and time, as spreadsheets store them."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


def _commune(attribute: str) -> Callable[[Registration], Value]:
    def value(registration: Registration) -> Value:
        commune = registration.commune
        if commune is None:
            return None
        if attribute == "departement":
            return f"{commune.departement.code} — {commune.departement.name}"
        if attribute == "epci":
            return commune.epci.name if commune.epci else None
        return getattr(commune, attribute)

    return value


def _attends(slot: Slot) -> Callable[[Registration], Value]:
    return lambda registration: (
        "oui" if any(chosen.pk == slot.pk for chosen in registration.slots.all()) else "non"
    )


def _answer(question: RegistrationQuestion) -> Callable[[Registration], Value]:
    def value(registration: Registration) -> Value:
        for answer in registration.answers.all():
            if answer.question_id == question.pk:
                return answer.value or None
        return None

    return value


def registration_columns(slots: list[Slot], questions: list[RegistrationQuestion]) -> list[Column]:
    """The columns of an export: the person, their organisation and territory, their status
    and dates, then the slots (when there are several) and the questions of the form."""
    columns = [
        Column("Nom", 20, lambda r: r.last_name),
        Column("Prénom", 16, lambda r: r.first_name),
        Column("E-mail", 30, lambda r: r.email),
        Column("Téléphone", 16, lambda r: r.phone or None),
        Column("Organisation", 32, lambda r: r.organisation_name or None),
        Column("Catégorie", 22, lambda r: r.get_category_display()),
        Column("Commune", 22, _commune("name")),
        Column("Code INSEE", 11, _commune("insee_code")),
        Column("Département", 22, _commune("departement")),
        Column("EPCI", 32, _commune("epci")),
        Column("Statut", 22, lambda r: r.get_status_display()),
        Column("En attente pour", 22, lambda r: r.get_pending_reason_display() or None),
        Column("Inscrit·e le", 17, lambda r: _local(r.created_at)),
        Column("Confirmée le", 17, lambda r: _local(r.confirmed_at)),
        Column("Annulée le", 17, lambda r: _local(r.cancelled_at)),
        Column("Besoins d'accessibilité", 36, lambda r: r.accessibility_needs or None),
        Column("Consentement le", 17, lambda r: _local(r.consent_at)),
    ]
    if len(slots) > 1:
        columns += [
            Column(
                f"Séance du {slot.date:%d/%m/%Y} {french.hour(slot.start_time)}", 14, _attends(slot)
            )
            for slot in slots
        ]
    columns += [Column(question.label, 30, _answer(question)) for question in questions]
    return columns


# CSV ------------------------------------------------------------------------------------------


def _csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def registrations_csv(registrations: Iterable[Registration], columns: list[Column]) -> bytes:
    """UTF-8 with a BOM (Excel then reads the accents), ``;`` between cells, CRLF lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_text(column.header) for column in columns])
    for registration in registrations:
        writer.writerow([_csv_text(column.value(registration)) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# XLSX -----------------------------------------------------------------------------------------


def registrations_xlsx(
    registrations: Iterable[Registration], columns: list[Column], *, session: TrainingSession
) -> bytes:
    """One sheet « Inscriptions »: a frozen, filterable header row, real dates, text kept as
    text (never a formula)."""
    workbook = Workbook()
    workbook.properties.title = f"Inscriptions — {session.title}"
    workbook.properties.creator = "Essaim"
    sheet = workbook.active
    sheet.title = "Inscriptions"
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _write(cell, column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    for row, registration in enumerate(registrations, start=2):
        for index, column in enumerate(columns, start=1):
            _write(sheet.cell(row=row, column=index), column.value(registration))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(cell, value: Value) -> None:
    cell.alignment = Alignment(vertical="top")
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # « =1+1 » typed in a form stays text
        cell.alignment = Alignment(wrap_text=len(value) > 40, vertical="top")
        return
    cell.value = value
    if isinstance(value, datetime.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
