"""The list of members as a spreadsheet: CSV as French spreadsheets open it (« ; », UTF-8 with
BOM, dd/mm/yyyy, decimal comma) and XLSX with real dates and amounts."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from essaim.lib.french_csv import format_date

COLUMNS: list[tuple[str, int]] = [
    ("Année", 8),
    ("Type d'adhésion", 28),
    ("Adhérent", 32),
    ("Structure", 32),
    ("Prénom", 16),
    ("Nom", 20),
    ("E-mail", 30),
    ("Adresse postale", 36),
    ("Tranche", 30),
    ("Montant (€)", 12),
    ("Statut", 20),
    ("Payée le", 12),
    ("Moyen de paiement", 18),
    ("Référence du paiement", 22),
    ("N° de reçu", 12),
    ("Relance envoyée le", 14),
    ("Remarque", 36),
]
# Text a spreadsheet would run as a formula; such a cell is written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_rows(memberships: QuerySet) -> list[list]:
    rows = []
    for membership in memberships.select_related("membership_type", "organisation", "bracket"):
        reminded_at = membership.reminded_at
        rows.append(
            [
                membership.year,
                membership.membership_type.name,
                membership.member_name,
                membership.organisation.name if membership.organisation_id else "",
                membership.first_name,
                membership.last_name,
                membership.email,
                membership.postal_address,
                membership.bracket.label if membership.bracket_id else "",
                membership.amount,
                membership.get_status_display(),
                membership.paid_on,
                membership.get_payment_method_display(),
                membership.payment_reference,
                membership.receipt_number,
                timezone.localtime(reminded_at).date() if reminded_at else None,
                membership.note,
            ]
        )
    return rows


def write_csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([label for label, _ in COLUMNS])
    writer.writerows([_as_text(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(timezone.localtime(value).date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def write_xlsx(rows: list[list], title: str) -> bytes:
    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.creator = "Essaim"
    sheet = workbook.active
    sheet.title = "Adhésions"
    sheet.append([label for label, _ in COLUMNS])
    for index, (_, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="0B5C4A")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in rows:
        sheet.append([None] * len(row))
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # « =1+1 » typed by someone stays text
                cell.alignment = Alignment(wrap_text=len(value) > 40, vertical="top")
                continue
            cell.value = value
            cell.alignment = Alignment(vertical="top")
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
