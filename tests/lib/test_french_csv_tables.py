"""Tables below a preamble, and dates with a time of day, as meeting tools write them."""

import datetime
import io

import pytest
from openpyxl import Workbook

from essaim.lib.french_csv import (
    HEADER_SEARCH_LINES,
    CellError,
    SpreadsheetError,
    parse_datetime,
    read_csv,
    read_spreadsheet,
)


def has_name(header: tuple[str, ...]) -> bool:
    return "Nom" in header


REPORT = (
    "Réunion;Début\n"
    "Atelier;30/06/2020 10:00\n"
    "\n"
    "Nom;Durée\n"
    "Marie Dupont;90\n"
    '"Élodie ""Lodie"" Fauré";45\n'
    "\n"
    "Nom;Action;Heure\n"
    "Marie Dupont;Rejoint;10:00\n"
)


def test_the_table_starts_at_the_accepted_header_and_ends_at_the_next_empty_line():
    sheet = read_csv(REPORT.encode("utf-8"), max_rows=10, header_match=has_name)
    assert sheet.header == ("Nom", "Durée")
    assert [(row.line, row.cells) for row in sheet.rows] == [
        (5, ("Marie Dupont", "90")),
        (6, ('Élodie "Lodie" Fauré', "45")),
    ]


def test_each_line_keeps_its_own_separator_while_the_header_is_looked_for():
    data = "1. Résumé\nTitre de la réunion\tAtelier\n\n2. Participants\nNom\tDurée\nMarie\t90\n"
    sheet = read_csv(data.encode("utf-16"), max_rows=10, header_match=has_name)
    assert (sheet.header, sheet.delimiter, sheet.rows[0].line) == (("Nom", "Durée"), "\t", 6)
    assert sheet.description == "CSV, UTF-16, séparateur « tabulation »"


def test_without_an_accepted_line_the_first_line_is_the_header():
    data = "Prénom;Durée\n\nMarie;90\n".encode()
    sheet = read_csv(data, max_rows=10, header_match=has_name)
    assert sheet.header == ("Prénom", "Durée")
    assert [row.line for row in sheet.rows] == [3]  # empty lines skipped, as without it


def test_the_header_is_looked_for_near_the_top_only():
    data = ("x;y\n" * HEADER_SEARCH_LINES + "Nom;Durée\nMarie;90\n").encode()
    assert read_csv(data, max_rows=100, header_match=has_name).header == ("x", "y")


def test_without_header_match_nothing_changes():
    sheet = read_spreadsheet(REPORT.encode("utf-8"), max_rows=10)
    assert sheet.header == ("Réunion", "Début")
    assert len(sheet.rows) == 6  # every non-empty line, the other headers included


def xlsx(rows: list[tuple]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_table_below_a_preamble():
    data = xlsx(
        [
            ("Réunion", "Atelier"),
            (None, None),
            ("Nom", "Durée"),
            ("Marie Dupont", 90),
            (None, None),
            ("Nom", "Action"),
        ]
    )
    sheet = read_spreadsheet(data, max_rows=10, header_match=has_name)
    assert sheet.header == ("Nom", "Durée")
    assert [(row.line, row.cells) for row in sheet.rows] == [(4, ("Marie Dupont", 90))]
    plain = read_spreadsheet(data, max_rows=10)
    assert plain.header == ("Réunion", "Atelier") and len(plain.rows) == 3


def test_an_xlsx_without_an_accepted_line_reads_from_its_first_line():
    data = xlsx([("Prénom", "Durée"), ("Marie", 90)])
    sheet = read_spreadsheet(data, max_rows=10, header_match=has_name)
    assert sheet.header == ("Prénom", "Durée") and sheet.rows[0].cells == ("Marie", 90)


def test_the_table_found_is_still_limited_in_length():
    data = ("Nom;Durée\n" + "Marie;90\n" * 5).encode()
    with pytest.raises(SpreadsheetError):
        read_csv(data, max_rows=3, header_match=has_name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/11/2023 10:28:15", datetime.datetime(2023, 11, 9, 10, 28, 15)),
        ("09/11/2023 10:28", datetime.datetime(2023, 11, 9, 10, 28)),
        ("9/11/23, 10:28", datetime.datetime(2023, 11, 9, 10, 28)),
        ("2023-11-09T10:28:15", datetime.datetime(2023, 11, 9, 10, 28, 15)),
        ("2023-11-09 10:28:15.250", datetime.datetime(2023, 11, 9, 10, 28, 15)),
        ("09/11/2023 2:05 PM", datetime.datetime(2023, 11, 9, 14, 5)),
        ("09/11/2023 12:30 am", datetime.datetime(2023, 11, 9, 0, 30)),
        ("9 novembre 2023 14h05", datetime.datetime(2023, 11, 9, 14, 5)),
    ],
)
def test_it_reads_dates_with_a_time_of_day(text, expected):
    assert parse_datetime(text) == expected


def test_a_time_alone_is_taken_on_the_given_day():
    day = datetime.date(2023, 11, 9)
    assert parse_datetime("14h05", day=day) == datetime.datetime(2023, 11, 9, 14, 5)
    assert parse_datetime(datetime.time(14, 5), day=day) == datetime.datetime(2023, 11, 9, 14, 5)
    assert parse_datetime(datetime.datetime(2023, 11, 9, 14, 5), day=day).hour == 14


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "l'heure est vide"),
        ("hier", "« hier » n'est pas une date et une heure au format jj/mm/aaaa hh:mm"),
        ("10:28", "« 10:28 » n'a pas de date : attendu jj/mm/aaaa hh:mm"),
        ("09/11/2023 25:00", "l'heure « 09/11/2023 25:00 » n'existe pas"),
        ("09/11/2023 10:61", "l'heure « 09/11/2023 10:61 » n'existe pas"),
        ("09/11/2023 13:00 PM", "l'heure « 09/11/2023 13:00 PM » n'existe pas"),
        ("31/02/2023 10:00", "la date « 31/02/2023 » n'existe pas"),
        (datetime.date(2023, 11, 9), "« 09/11/2023 » n'est pas une date et une heure"),
        (12, "« 12 » n'est pas une date et une heure"),
    ],
)
def test_it_says_why_a_date_and_time_is_not_one(value, message):
    with pytest.raises(CellError) as raised:
        parse_datetime(value)
    assert raised.value.message.startswith(message)
