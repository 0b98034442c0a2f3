"""Reading what French spreadsheets write, without a database."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from essaim.lib.french_csv import (
    CellError,
    SpreadsheetError,
    decode,
    find_columns,
    fold,
    format_date,
    format_decimal,
    normalise_header,
    parse_date,
    parse_decimal,
    read_csv,
    read_spreadsheet,
    sniff_delimiter,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", "12"),
        ("12,5", "12.5"),
        ("-12,5", "-12.5"),
        ("−3,2", "-3.2"),
        ("+7", "7"),
        ("1 234,5", "1234.5"),
        ("1\u00a0234,5", "1234.5"),
        ("1\u202f234\u202f567,25", "1234567.25"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("12.5", "12.5"),
        (",5", "0.5"),
        ("12,", "12"),
        ("45 %", "45"),
        ("1 200 €", "1200"),
        ("  3,0  ", "3.0"),
    ],
)
def test_it_reads_french_numbers(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12, Decimal(12)), (12.5, Decimal("12.5")), (0.1, Decimal("0.1")), (Decimal("3"), 3)],
)
def test_it_reads_numbers_of_xlsx_cells(value, expected):
    assert parse_decimal(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "la valeur est vide"),
        (None, "la valeur est vide"),
        ("abc", "« abc » n'est pas un nombre"),
        ("12 trajets", "« 12 trajets » n'est pas un nombre"),
        ("1,234.5", "« 1,234.5 » n'est pas un nombre"),
        ("12 5", "« 12 5 » n'est pas un nombre"),
        ("1,2,3", "« 1,2,3 » n'est pas un nombre"),
        ("1e5", "« 1e5 » n'est pas un nombre"),
        ("-", "« - » n'est pas un nombre"),
        ("#DIV/0!", "la cellule contient l'erreur de formule « #DIV/0! »"),
        ("#n/a", "la cellule contient l'erreur de formule « #n/a »"),
        (True, "« VRAI » n'est pas un nombre"),
        (float("nan"), "la valeur n'est pas un nombre"),
        (datetime.date(2024, 3, 1), "la valeur est une date (01/03/2024), pas un nombre"),
    ],
)
def test_it_says_why_a_number_is_not_one(value, message):
    with pytest.raises(CellError) as raised:
        parse_decimal(value)
    assert raised.value.message == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/03/2024", datetime.date(2024, 3, 12)),
        ("2/3/2024", datetime.date(2024, 3, 2)),
        ("12/03/24", datetime.date(2024, 3, 12)),
        ("12-03-2024", datetime.date(2024, 3, 12)),
        ("12.03.2024", datetime.date(2024, 3, 12)),
        ("2024-03-12", datetime.date(2024, 3, 12)),
        ("12/03/2024 00:00", datetime.date(2024, 3, 12)),
        ("12/03/2024 14:30:00", datetime.date(2024, 3, 12)),
        ("2024-03-12T00:00:00", datetime.date(2024, 3, 12)),
        ("12 mars 2024", datetime.date(2024, 3, 12)),
        ("1er février 2024", datetime.date(2024, 2, 1)),
        ("3 FÉVR. 2024", datetime.date(2024, 2, 3)),
        ("12-déc.-24", datetime.date(2024, 12, 12)),
        ("29/02/2024", datetime.date(2024, 2, 29)),
        (datetime.datetime(2024, 3, 12, 0, 0), datetime.date(2024, 3, 12)),
        (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12)),
    ],
)
def test_it_reads_french_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "la date est vide"),
        ("31/02/2024", "la date « 31/02/2024 » n'existe pas"),
        ("29/02/2023", "la date « 29/02/2023 » n'existe pas"),
        ("12/13/2024", "la date « 12/13/2024 » n'existe pas"),
        ("2024/03/12", "« 2024/03/12 » n'est pas une date au format jj/mm/aaaa"),
        ("mars 2024", "« mars 2024 » n'est pas une date au format jj/mm/aaaa"),
        ("12 brumaire 2024", "« 12 brumaire 2024 » n'est pas une date au format jj/mm/aaaa"),
        ("12/03/024", "« 12/03/024 » n'est pas une date au format jj/mm/aaaa"),
        (
            45363,
            "la date « 45363 » est un nombre : mettez la colonne au format date (jj/mm/aaaa)",
        ),
    ],
)
def test_it_says_why_a_date_is_not_one(value, message):
    with pytest.raises(CellError) as raised:
        parse_date(value)
    assert raised.value.message == message


def test_it_writes_numbers_and_dates_the_french_way():
    assert format_decimal(Decimal("1234567.500")) == "1\u202f234\u202f567,5"
    assert format_decimal(Decimal("-12.000")) == "-12"
    assert format_decimal(Decimal("0.25")) == "0,25"
    assert format_date(datetime.date(2024, 3, 2)) == "02/03/2024"


def test_it_compares_names_loosely():
    assert fold("  Trajets  MENSUELS ") == fold("trajets mensuels")
    assert fold("Nombre d’Œuvres prêtées") == fold("nombre d'oeuvres pretees")
    assert fold("\ufeffIndicateur") == "indicateur"
    assert normalise_header("Date (jj/mm/aaaa)") == "date"
    assert normalise_header("Commentaire [facultatif]") == "commentaire"
    assert normalise_header("VALEUR_MESURÉE") == "valeur mesuree"


def test_it_finds_columns_in_any_order_and_case():
    columns = {"name": ("indicateur",), "date": ("date",), "note": ("commentaire",)}

    found = find_columns(("Date", "Commentaire", "INDICATEUR"), columns, ("name", "date"))

    assert found == {"date": 0, "note": 1, "name": 2}


def test_it_names_the_missing_columns():
    columns = {"name": ("indicateur",), "date": ("date",), "value": ("valeur",)}

    with pytest.raises(SpreadsheetError) as raised:
        find_columns(("Indicateur", "Quand"), columns, ("name", "date", "value"))

    assert raised.value.message == (
        "Colonnes manquantes : date, valeur. La première ligne doit contenir les intitulés des "
        "colonnes ; elle contient : « Indicateur » ; « Quand »."
    )


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("é;à".encode(), "é;à", "UTF-8"),
        (b"\xef\xbb\xbf" + "é;à".encode(), "é;à", "UTF-8 avec BOM"),
        ("é;à".encode("cp1252"), "é;à", "Windows-1252"),
        ("é;à".encode("utf-16"), "é;à", "UTF-16"),
        ("œ € …".encode("cp1252"), "œ € …", "Windows-1252"),
    ],
)
def test_it_tells_the_encodings_apart(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_it_refuses_bytes_no_encoding_reads():
    with pytest.raises(SpreadsheetError, match="encodage n'est pas reconnu"):
        decode(b"abc\x81\x8d")


def test_it_refuses_broken_utf8_after_a_bom():
    with pytest.raises(SpreadsheetError, match="s'annonce en UTF-8 avec BOM mais contient"):
        decode(b"\xef\xbb\xbfabc\xe9")


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("indicateur;date;valeur", ";"),
        ("indicateur\tdate\tvaleur", "\t"),
        ("indicateur,date,valeur", ","),
        ('"nom, prénom";date;valeur', ";"),
        ("indicateur", ";"),
    ],
)
def test_it_finds_the_separator_on_the_header_line(line, delimiter):
    assert sniff_delimiter(line) == delimiter


def test_it_numbers_lines_as_the_spreadsheet_shows_them():
    data = b'a;b\r\n\r\n1;"deux\r\nlignes"\r\n3;4\r\n'

    sheet = read_csv(data, max_rows=10)

    assert sheet.header == ("a", "b")
    assert [(row.line, row.cells) for row in sheet.rows] == [
        (3, ("1", "deux\r\nlignes")),
        (4, ("3", "4")),
    ]
    assert sheet.description == "CSV, UTF-8, séparateur « point-virgule »"


def test_it_honours_the_excel_separator_line():
    sheet = read_csv(b"sep=,\r\na,b\r\n1;2,3\r\n", max_rows=10)

    assert sheet.header == ("a", "b")
    assert sheet.rows[0].cells == ("1;2", "3")
    assert sheet.rows[0].line == 2


def test_it_refuses_more_rows_than_allowed():
    with pytest.raises(SpreadsheetError, match="plus de 2 lignes de données"):
        read_csv(b"a\r\n1\r\n2\r\n3\r\n", max_rows=2)


def test_it_refuses_text_converted_twice():
    data = "a;b\r\nv;Comptage réalisé\r\n".encode().decode("cp1252").encode()

    with pytest.raises(SpreadsheetError) as raised:
        read_csv(data, max_rows=10)

    assert "ligne 2, « rÃ©alisÃ© » au lieu de « réalisé »" in raised.value.message


def test_it_does_not_mistake_french_for_a_double_conversion():
    sheet = read_csv("a;b\r\nÀ l'été;Œuvre « déjà » vue…\r\n".encode("cp1252"), max_rows=10)

    assert sheet.rows[0].cells == ("À l'été", "Œuvre « déjà » vue…")


def test_it_reads_an_xlsx_sheet_by_name_with_its_row_numbers():
    workbook = Workbook()
    workbook.active.append(["ignorée"])
    sheet = workbook.create_sheet("Mesures")
    sheet.append([None])
    sheet.append(["Indicateur", "Date"])
    sheet.append(["Trajets", datetime.date(2024, 3, 12)])
    sheet.append([None, None])
    sheet.append(["  Arrêts  ", 12.5])
    buffer = io.BytesIO()
    workbook.save(buffer)

    read = read_spreadsheet(buffer.getvalue(), max_rows=10, sheet_name="mesures")

    assert read.header == ("Indicateur", "Date")
    assert [(row.line, row.cells) for row in read.rows] == [
        (3, ("Trajets", datetime.datetime(2024, 3, 12))),
        (5, ("Arrêts", 12.5)),
    ]
    assert read.description == "XLSX, feuille « Mesures »"
    assert read.delimiter is None


def test_it_reads_the_first_sheet_when_none_has_the_name():
    workbook = Workbook()
    workbook.active.title = "Feuil1"
    workbook.active.append(["a"])
    workbook.active.append([1])
    buffer = io.BytesIO()
    workbook.save(buffer)

    read = read_spreadsheet(buffer.getvalue(), max_rows=10, sheet_name="Mesures")

    assert read.rows[0].cells == (1,)
    assert read.description == "XLSX, feuille « Feuil1 »"


def test_it_refuses_an_empty_xlsx_sheet():
    buffer = io.BytesIO()
    Workbook().save(buffer)

    with pytest.raises(SpreadsheetError, match="La feuille « Sheet » du fichier est vide"):
        read_spreadsheet(buffer.getvalue(), max_rows=10)


def test_it_refuses_an_xlsx_with_too_many_rows():
    workbook = Workbook()
    for number in range(5):
        workbook.active.append([number])
    buffer = io.BytesIO()
    workbook.save(buffer)

    with pytest.raises(SpreadsheetError, match="plus de 3 lignes"):
        read_spreadsheet(buffer.getvalue(), max_rows=3)


def test_it_refuses_an_xlsx_too_large_once_unpacked(monkeypatch):
    monkeypatch.setattr("essaim.lib.french_csv.MAX_XLSX_UNPACKED_BYTES", 100)
    workbook = Workbook()
    workbook.active.append(["a"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    with pytest.raises(SpreadsheetError, match="trop volumineux une fois décompressé"):
        read_spreadsheet(buffer.getvalue(), max_rows=10)
