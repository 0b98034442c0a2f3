"""Writing tables for French spreadsheets: CSV as French Excel opens it, and XLSX.

A ``Table`` is a title, its columns and its rows of plain values (text, numbers, ``Decimal``,
dates, naive local date-times, ``None``); the same table becomes

- CSV (``to_csv_bytes``): ``;`` between cells (the comma is the decimal mark), UTF-8 with a BOM
  (Excel then reads the accents), CRLF line ends, dates ``jj/mm/aaaa``, decimal comma;
- XLSX (``to_xlsx_bytes``, one sheet per table): a bold header row on a coloured background,
  frozen and filterable, column widths, real dates and numbers with their formats.

Text that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage
return) stays text: a leading apostrophe in CSV, a text cell in XLSX. The reading side is
``french_csv.py``.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

Value = str | int | float | Decimal | datetime.date | datetime.datetime | None

# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
PERCENT_FORMAT = "0%"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0B5C4A")
HEADER_HEIGHT = 32
WRAPPED_LENGTH = 40  # longer text wraps in its cell


@dataclass(frozen=True)
class Column:
    """One column: its header, its width in characters (XLSX), and how its cells look.

    ``decimals`` fixes the decimals of numbers (« 12,50 » in CSV, ``#,##0.00`` in XLSX);
    ``number_format`` gives another XLSX format (``PERCENT_FORMAT`` for 0.25 shown « 25 % »);
    ``wrap`` wraps every text cell, not only long ones; ``bold`` and ``align`` (« left »…)
    style the column's cells."""

    header: str
    width: float | None = None
    decimals: int | None = None
    number_format: str | None = None
    wrap: bool = False
    bold: bool = False
    align: str | None = None


@dataclass(frozen=True)
class Table:
    """A titled table: the title names the XLSX sheet (31 characters at most); ``header``
    False writes the rows alone (a sheet of labels and values)."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Value]]
    header: bool = True


# CSV ------------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it without running it: « =1+1 » becomes « '=1+1 »."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_text(value: Value, column: Column | None = None) -> str:
    """A value as written in a French CSV cell."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal | float):
        decimals = column.decimals if column is not None else None
        number = f"{value:.{decimals}f}" if decimals is not None else _plain(value)
        return number.replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def _plain(value: Decimal | float) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return format(value, "f")


def to_csv_bytes(table: Table) -> bytes:
    """The table as CSV for French spreadsheets: ``;``, UTF-8 with BOM, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if table.header:
        writer.writerow([neutralise(column.header) for column in table.columns])
    for row in table.rows:
        writer.writerow(
            [csv_text(value, column) for value, column in zip(row, table.columns, strict=False)]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# XLSX -----------------------------------------------------------------------------------------


def to_xlsx_bytes(tables: Sequence[Table], *, title: str = "", creator: str = "Essaim") -> bytes:
    """A workbook of one sheet per table; ``title`` is the document's title."""
    workbook = Workbook()
    workbook.properties.title = title or (tables[0].title if tables else "")
    workbook.properties.creator = creator
    for index, table in enumerate(tables):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        write_sheet(sheet, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_sheet(sheet, table: Table) -> None:
    """Fill an openpyxl ``sheet`` with ``table``."""
    sheet.title = _sheet_title(table.title)
    columns = list(table.columns)
    for index, column in enumerate(columns, start=1):
        if column.width is not None:
            sheet.column_dimensions[get_column_letter(index)].width = column.width
    row_number = 0
    if table.header:
        row_number = 1
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index)
            _write_text(cell, column.header)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.row_dimensions[1].height = HEADER_HEIGHT
        sheet.freeze_panes = "A2"
    for row in table.rows:
        row_number += 1
        for index, (value, column) in enumerate(zip(row, columns, strict=False), start=1):
            _write_cell(sheet.cell(row=row_number, column=index), value, column)
    if table.header and columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{max(row_number, 1)}"


def _sheet_title(title: str) -> str:
    for character in "\\/*?:[]":
        title = title.replace(character, " ")
    return title[:31] or "Feuille"


def _write_text(cell, text: str) -> None:
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"  # « =1+1 » typed by someone stays text


def _write_cell(cell, value: Value, column: Column) -> None:
    horizontal = column.align
    if isinstance(value, str):
        _write_text(cell, value)
        wrap = column.wrap or len(value) > WRAPPED_LENGTH
        cell.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal=horizontal)
    else:
        cell.value = value
        cell.alignment = Alignment(vertical="top", horizontal=horizontal)
        if isinstance(value, datetime.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        elif value is not None and column.number_format:
            cell.number_format = column.number_format
        elif isinstance(value, Decimal | float) and column.decimals is not None:
            cell.number_format = "#,##0" + ("." + "0" * column.decimals if column.decimals else "")
    if column.bold:
        cell.font = Font(bold=True)
