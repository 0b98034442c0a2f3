"""Reading the tables French spreadsheets write: CSV files from Excel or LibreOffice, and XLSX.

What a French spreadsheet writes, and what is read here:

- encodings: UTF-8 with or without BOM (« CSV UTF-8 »), Windows-1252 (Excel's « CSV (séparateur :
  point-virgule) »), UTF-16 with BOM (Excel's « Texte Unicode »). A file converted twice
  (« Ã© » instead of « é ») is refused rather than imported garbled;
- separators: ``;`` (the French default, since the comma is the decimal mark), tab or ``,``,
  found on the header line; an Excel ``sep=;`` first line is honoured and skipped;
- numbers: decimal comma, spaces, no-break spaces or dots between groups of thousands
  (« 1 234,5 », « 1.234,5 »), a decimal point when there is no comma (« 12.5 »), a sign, and a
  trailing « % » or « € »;
- dates: ``jj/mm/aaaa`` (also with ``-`` or ``.``, and one-digit days or months), two-digit years
  read as 20xx (« 12/03/24 » is 12 March 2024: measurements are never from the last century),
  ISO ``aaaa-mm-jj``, French month names (« 12 mars 2024 », « 1er janv. 2024 »), and a time of
  day after the date, which is ignored; a date outside 1900–2100 is refused, as in the forms
  (``essaim/lib/bounds.py``);
- dates with a time of day (« 09/11/2023 10:28:15 », « 2023-11-09T10:28 », « 10:28 » on a
  known day), as meeting tools write their connection reports;
- headers and names compared without accents, case, punctuation or extra spaces;
- a table below a preamble (the summary a meeting tool writes above its list of participants),
  found by the caller's ``header_match``, and ending at the next empty line.

Line numbers are those the spreadsheet shows: the header is line 1, a quoted cell spanning
several lines still counts as one. Errors carry French messages.
"""

import csv
import datetime
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from essaim.lib.bounds import OutOfBounds, check_date
from essaim.lib.french import group_thousands
from essaim.lib.text import strip_accents


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read; ``message`` is a French sentence."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class CellError(ValueError):
    """One cell cannot be read; ``message`` is a French fragment to follow « Ligne 4 : »."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    line: int
    cells: tuple  # str for CSV; str, int, float, date, datetime, bool or None for XLSX


@dataclass(frozen=True)
class Sheet:
    header: tuple[str, ...]
    rows: list[SheetRow]
    description: str  # « CSV, Windows-1252, séparateur « ; » », « XLSX, feuille « Mesures » »
    delimiter: str | None = None  # None for XLSX


# Names -----------------------------------------------------------------------------------------

_PUNCTUATION = re.compile(r"[\s'’‘`_\-.,;:/\"«»*]+")
_PARENTHESIS = re.compile(r"\s*[(\[].*?[)\]]\s*$")


def fold(text: str) -> str:
    """``text`` compared loosely: no accents, no case, punctuation and spaces collapsed.

    >>> fold("  Trajets  MENSUELS ") == fold("trajets mensuels")
    True
    >>> fold("Nombre d’Œuvres")
    'nombre d oeuvres'
    """
    text = text.replace("\ufeff", "").replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
    text = strip_accents(unicodedata.normalize("NFKC", text)).casefold()
    return _PUNCTUATION.sub(" ", text).strip()


def normalise_header(text: str) -> str:
    """A column header compared loosely; a trailing hint in brackets is ignored.

    >>> normalise_header("Date (jj/mm/aaaa)")
    'date'
    """
    return fold(_PARENTHESIS.sub("", str(text or "").strip()))


def find_columns(
    header: tuple[str, ...], columns: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> dict[str, int]:
    """Where each of ``columns`` (key → accepted headers, the first one is shown to people)
    is in ``header``; raises ``SpreadsheetError`` for a missing required or a repeated column."""
    found: dict[str, int] = {}
    for index, label in enumerate(header):
        name = normalise_header(label)
        for key, accepted in columns.items():
            if name in {normalise_header(candidate) for candidate in accepted}:
                if key in found:
                    raise SpreadsheetError(
                        f"La colonne « {accepted[0]} » apparaît deux fois dans la ligne d'en-tête.",
                        line=1,
                    )
                found[key] = index
    missing = [columns[key][0] for key in required if key not in found]
    if missing:
        seen = " ; ".join(f"« {label} »" for label in header if str(label or "").strip())
        noun = "Colonne manquante" if len(missing) == 1 else "Colonnes manquantes"
        hint = (
            " Les colonnes doivent être séparées par des points-virgules."
            if len(header) == 1 and " " in str(header[0]).strip()
            else ""
        )
        raise SpreadsheetError(
            f"{noun} : {', '.join(missing)}. La première ligne doit contenir les intitulés des "
            f"colonnes ; elle contient : {seen or 'rien'}.{hint}",
            line=1,
        )
    return found


# Values ----------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_SIGN = re.compile(r"^([+\-−]?)(.*)$")
_PLAIN = re.compile(r"^\d+$")
_GROUPED_SPACES = re.compile(r"^\d{1,3}( \d{3})+$")
_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NOM?", "#NAME?", "#VALEUR!", "#VALUE!", "#REF!", "#NOMBRE!", "#NUM!",
     "#NUL!", "#NULL!", "#CALC!", "#SPILL!", "#PROPAGATION!"}
)  # fmt: skip


def parse_decimal(value: object) -> Decimal:
    """A number as a French spreadsheet writes it (« 1 234,5 »), or as an XLSX cell holds it.

    >>> parse_decimal("1 234,5")
    Decimal('1234.5')
    >>> parse_decimal("-0,25 %")
    Decimal('-0.25')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CellError("la valeur est vide")
    if isinstance(value, bool):
        raise CellError(f"« {'VRAI' if value else 'FAUX'} » n'est pas un nombre")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("la valeur n'est pas un nombre")
        return Decimal(repr(value))
    if isinstance(value, datetime.date):
        raise CellError(f"la valeur est une date ({format_date(value)}), pas un nombre")
    original = str(value).strip()
    if original.upper() in _EXCEL_ERRORS:
        raise CellError(f"la cellule contient l'erreur de formule « {original} »")
    text = _SPACES.sub(" ", original).strip()
    if text.endswith(("%", "€")):
        text = text[:-1].strip()
    sign, text = _SIGN.match(text).groups()
    text = text.strip()
    integer, comma, fraction = text.partition(",")
    if not comma and integer.count(".") == 1:
        integer, _, fraction = integer.partition(".")
        comma = "."
    if " " in integer:
        valid_integer = bool(_GROUPED_SPACES.match(integer))
        integer = integer.replace(" ", "")
    elif "." in integer:
        valid_integer = bool(_GROUPED_DOTS.match(integer))
        integer = integer.replace(".", "")
    else:
        valid_integer = bool(_PLAIN.match(integer)) or (integer == "" and bool(fraction))
    valid_fraction = bool(_PLAIN.match(fraction)) if comma and fraction else True
    if not (valid_integer and valid_fraction) or "," in fraction:
        raise CellError(f"« {original} » n'est pas un nombre")
    try:
        number = Decimal(f"{integer or '0'}.{fraction or '0'}")
    except InvalidOperation:  # pragma: no cover — the patterns above only let digits through
        raise CellError(f"« {original} » n'est pas un nombre") from None
    return -number if sign in ("-", "−") else number


def format_decimal(value: Decimal) -> str:
    """« 1 234,5 »: the number as French people write it, no-break spaces between thousands.

    >>> format_decimal(Decimal("1234.500"))
    '1\\u202f234,5'
    """
    sign = "-" if value < 0 else ""
    integer, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    return sign + group_thousands(integer, "\u202f") + (f",{fraction}" if fraction else "")


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})(?:er)?[ \-]([a-z]+)\.?[ \-](\d{4}|\d{2})$")
_TIME = re.compile(r"(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)$")
_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2,
    "mars": 3, "mar": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}  # fmt: skip


def parse_date(value: object) -> datetime.date:
    """A date as a French spreadsheet writes it (« 12/03/2024 »), or an XLSX date cell.

    >>> parse_date("12/03/24")
    datetime.date(2024, 3, 12)
    >>> parse_date("1er mars 2024")
    datetime.date(2024, 3, 1)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CellError("la date est vide")
    if isinstance(value, datetime.datetime):
        return _bounded(value.date())
    if isinstance(value, datetime.date):
        return _bounded(value)
    if isinstance(value, bool):
        raise CellError("la date n'est pas une date au format jj/mm/aaaa")
    if isinstance(value, int | float | Decimal):
        shown = str(int(value)) if value == int(value) else str(value).replace(".", ",")
        raise CellError(
            f"la date « {shown} » est un nombre : mettez la colonne au format date (jj/mm/aaaa)"
        )
    original = str(value).strip()
    text = _TIME.sub("", _SPACES.sub(" ", original)).strip()
    if match := _NUMERIC_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
    elif match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif (match := _WORDED_DATE.match(fold(text))) and match.group(2) in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
        if len(match.group(3)) == 2:
            year += 2000
    else:
        raise CellError(f"« {original} » n'est pas une date au format jj/mm/aaaa")
    try:
        parsed = datetime.date(year, month, day)
    except ValueError:
        raise CellError(f"la date « {original} » n'existe pas") from None
    return _bounded(parsed)


def _bounded(day: datetime.date) -> datetime.date:
    """``day``, when it is within the bounds of every date (``essaim.lib.bounds``)."""
    try:
        check_date(day)
    except OutOfBounds as error:
        raise CellError(error.message) from None
    return day


def format_date(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


_DATE_AND_TIME = re.compile(
    r"^(?:(?P<date>.+?)(?:[ T]+|,\s*))?"
    r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<meridiem>[ap]\.?m\.?))?$",
    re.IGNORECASE,
)


def parse_datetime(value: object, *, day: datetime.date | None = None) -> datetime.datetime:
    """A date and a time of day (« 09/11/2023 10:28:15 »), as meeting tools and spreadsheets
    write them, or an XLSX date-time cell; a time alone (« 10:28 ») is taken on ``day`` when
    one is given. The result is naive: the caller knows the time zone.

    >>> parse_datetime("09/11/2023 10:28:15")
    datetime.datetime(2023, 11, 9, 10, 28, 15)
    >>> parse_datetime("14h05", day=datetime.date(2023, 11, 9))
    datetime.datetime(2023, 11, 9, 14, 5)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CellError("l'heure est vide")
    if isinstance(value, datetime.datetime):
        _bounded(value.date())
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.time) and day is not None:
        return datetime.datetime.combine(day, value.replace(tzinfo=None))
    if isinstance(value, datetime.date | datetime.time) or not isinstance(value, str):
        shown = format_date(value) if isinstance(value, datetime.date) else str(value)
        raise CellError(f"« {shown} » n'est pas une date et une heure au format jj/mm/aaaa hh:mm")
    original = value.strip()
    match = _DATE_AND_TIME.match(_SPACES.sub(" ", original))
    if not match:
        raise CellError(
            f"« {original} » n'est pas une date et une heure au format jj/mm/aaaa hh:mm"
        )
    if match.group("date"):
        date = parse_date(match.group("date"))
    elif day is not None:
        date = day
    else:
        raise CellError(f"« {original} » n'a pas de date : attendu jj/mm/aaaa hh:mm")
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    if meridiem := (match.group("meridiem") or "").lower().replace(".", ""):
        if not 1 <= hour <= 12:
            raise CellError(f"l'heure « {original} » n'existe pas")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(f"l'heure « {original} » n'existe pas")
    return datetime.datetime.combine(date, datetime.time(hour, minute, second))


# Files -----------------------------------------------------------------------------------------

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DELIMITERS = (";", "\t", ",")
_DELIMITER_NAMES = {";": "point-virgule", "\t": "tabulation", ",": "virgule"}
_TEXT_UNREADABLE = (
    "Enregistrez-le depuis votre tableur au format « CSV UTF-8 » ou « CSV (séparateur : "
    "point-virgule) », ou au format XLSX."
)


HeaderMatch = Callable[[tuple[str, ...]], bool]
# How far down a file its header line is looked for, when it does not open the file.
HEADER_SEARCH_LINES = 60


def read_spreadsheet(
    data: bytes,
    *,
    max_rows: int,
    sheet_name: str | None = None,
    header_match: HeaderMatch | None = None,
) -> Sheet:
    """The table in ``data``, a CSV or XLSX file told apart by its content, not its name.

    With ``header_match``, the table starts at the first line (among the first
    ``HEADER_SEARCH_LINES`` non-empty ones) whose cells it accepts, and ends at the next empty
    line: what is above and below is another table (a meeting tool's summary). When no line
    is accepted, the first non-empty line is the header, as without it.

    Raises ``SpreadsheetError`` for a file that is empty, of another kind, unreadable, or longer
    than ``max_rows`` lines of data."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise SpreadsheetError("Le fichier est vide.")
    if data.startswith(_ZIP):
        if _ODS_MIMETYPE in data[:100]:
            raise SpreadsheetError(
                "Ce fichier est au format OpenDocument (.ods) : enregistrez-le depuis LibreOffice "
                "au format XLSX ou CSV."
            )
        return read_xlsx(data, max_rows=max_rows, sheet_name=sheet_name, header_match=header_match)
    if data.startswith(_OLE):
        raise SpreadsheetError(
            "Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : "
            "enregistrez-le au format XLSX ou CSV, sans mot de passe."
        )
    if data.startswith(b"%PDF"):
        raise SpreadsheetError("Ce fichier est un PDF, pas un tableau. " + _TEXT_UNREADABLE)
    return read_csv(data, max_rows=max_rows, header_match=header_match)


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, label = "utf-16", "UTF-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding, label = "utf-8-sig", "UTF-8 avec BOM"
    else:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            encoding, label = "cp1252", "Windows-1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "cp1252":
            raise SpreadsheetError(
                "Ce fichier n'est pas un tableau lisible : son encodage n'est pas reconnu, ou "
                "c'est un fichier binaire. " + _TEXT_UNREADABLE
            ) from None
        raise SpreadsheetError(
            f"Ce fichier s'annonce en {label} mais contient des caractères invalides. "
            + _TEXT_UNREADABLE
        ) from None
    return text, label


def _converted_twice(line: str) -> str | None:
    """The first accented word of ``line`` if it reads as UTF-8 decoded as Windows-1252
    (« Ã© » for « é »), else ``None``."""
    if line.isascii():
        return None
    for word in line.split():
        if word.isascii():
            continue
        try:
            repaired = word.encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        if repaired != word:
            return f"« {word} » au lieu de « {repaired} »"
    return None


def sniff_delimiter(line: str) -> str:
    """The separator of the header ``line``: the most frequent of ``;``, tab and ``,`` outside
    quotes (``;`` first on a tie, as French spreadsheets write it)."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def read_csv(data: bytes, *, max_rows: int, header_match: HeaderMatch | None = None) -> Sheet:
    text, encoding = decode(data)
    if "\x00" in text or len(_CONTROL.findall(text[:4096])) > 4:
        raise SpreadsheetError(
            "Ce fichier n'est pas un tableau CSV ni XLSX : il contient des données binaires. "
            + _TEXT_UNREADABLE
        )
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if example := _converted_twice(line):
            raise SpreadsheetError(
                f"Le fichier a été mal converti : ligne {number}, {example}. "
                "Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format « CSV UTF-8 ».",
                line=number,
            )
    first = next((line for line in lines if line.strip()), "")
    delimiter = None
    if match := re.fullmatch(r'"?sep=(.)"?[;,\t]*', first.strip()):
        delimiter = match.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first = next((line for line in text.splitlines() if line.strip()), "")
    skipped = 0
    found = _find_csv_header(text, delimiter, header_match) if header_match else None
    if found:
        skipped, offset, delimiter = found
        text = text[offset:]
    delimiter = delimiter or sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[SheetRow] = []
    header: tuple[str, ...] | None = None
    line = skipped
    try:
        for cells in reader:
            line += 1
            values = tuple(cell.strip() for cell in cells)
            if not any(values):
                if found and header is not None:
                    break  # the end of the table found by header_match
                continue
            if header is None:
                header = values
                continue
            if len(records) >= max_rows:
                raise _too_long(max_rows)
            records.append(SheetRow(line, values))
    except csv.Error:
        raise SpreadsheetError(
            f"Ligne {line + 1} : un guillemet n'est pas fermé ou est mal placé ; le fichier "
            "ne peut pas être lu au-delà.",
            line=line + 1,
        ) from None
    if header is None:
        raise SpreadsheetError("Le fichier est vide.")
    description = f"CSV, {encoding}, séparateur « {_DELIMITER_NAMES.get(delimiter, delimiter)} »"
    return Sheet(header=header, rows=records, description=description, delimiter=delimiter)


def _find_csv_header(
    text: str, delimiter: str | None, header_match: HeaderMatch
) -> tuple[int, int, str] | None:
    """(lines skipped, offset in ``text``, separator) of the first line ``header_match``
    accepts; each line is read with its own separator, since a preamble may have none."""
    offset = seen = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if line.strip():
            seen += 1
            if seen > HEADER_SEARCH_LINES:
                return None
            line_delimiter = delimiter or sniff_delimiter(line)
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter=line_delimiter), [])
            if header_match(tuple(cell.strip() for cell in cells)):
                return number, offset, line_delimiter
        offset += len(line)
    return None


def _too_long(max_rows: int) -> SpreadsheetError:
    limit = format_decimal(Decimal(max_rows))
    return SpreadsheetError(
        f"Le fichier compte plus de {limit} lignes de données ; la limite est de {limit} par "
        "import : découpez-le en plusieurs fichiers."
    )


MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024


def read_xlsx(
    data: bytes,
    *,
    max_rows: int,
    sheet_name: str | None = None,
    header_match: HeaderMatch | None = None,
) -> Sheet:
    """The sheet named ``sheet_name`` (compared loosely) if there is one, else the first."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _damaged() from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise SpreadsheetError(
            "Ce fichier XLSX est trop volumineux une fois décompressé : découpez-le en plusieurs "
            "fichiers, ou enregistrez-le au format CSV."
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _damaged() from None
    try:
        names = {fold(name): name for name in workbook.sheetnames}
        chosen = names.get(fold(sheet_name)) if sheet_name else None
        worksheet = workbook[chosen] if chosen else workbook.worksheets[0]
        rows = (
            SheetRow(number, tuple(_strip(cell) for cell in cells))
            for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        header, records = _xlsx_table(rows, max_rows, header_match)
        title = worksheet.title
    except SpreadsheetError:
        raise
    except Exception:  # a damaged sheet fails in many ways inside the XML parser
        raise _damaged() from None
    finally:
        workbook.close()
    if header is None:
        raise SpreadsheetError(f"La feuille « {title} » du fichier est vide.")
    return Sheet(header=header, rows=records, description=f"XLSX, feuille « {title} »")


def _xlsx_table(
    rows: Iterator[SheetRow], max_rows: int, header_match: HeaderMatch | None
) -> tuple[tuple[str, ...] | None, list[SheetRow]]:
    """The header and the rows of data among ``rows``; see ``read_spreadsheet`` for
    ``header_match``."""
    header: tuple[str, ...] | None = None
    if header_match is not None:
        preamble: list[SheetRow] = []
        for row in rows:
            if _is_empty(row):
                continue
            if header_match(_header_cells(row)):
                header = _header_cells(row)
                break
            preamble.append(row)
            if len(preamble) >= HEADER_SEARCH_LINES:
                break
        if header is None:  # not found: the first line is the header, as without header_match
            rows = itertools.chain(preamble, rows)
    found = header is not None
    records: list[SheetRow] = []
    for row in rows:
        if _is_empty(row):
            if found:
                break  # the end of the table found by header_match
            continue
        if header is None:
            header = _header_cells(row)
            continue
        if len(records) >= max_rows:
            raise _too_long(max_rows)
        records.append(row)
    return header, records


def _strip(cell: object) -> object:
    return cell.strip() if isinstance(cell, str) else cell


def _is_empty(row: SheetRow) -> bool:
    return all(cell is None or cell == "" for cell in row.cells)


def _header_cells(row: SheetRow) -> tuple[str, ...]:
    return tuple("" if cell is None else str(cell) for cell in row.cells)


def _damaged() -> SpreadsheetError:
    return SpreadsheetError(
        "Ce fichier XLSX est illisible ou endommagé : ouvrez-le dans votre tableur et "
        "enregistrez-le à nouveau."
    )
