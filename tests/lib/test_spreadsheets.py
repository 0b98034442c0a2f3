"""Writing tables for French spreadsheets, without a database."""

import csv
import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from essaim.lib.french_csv import read_spreadsheet
from essaim.lib.spreadsheets import (
    PERCENT_FORMAT,
    Column,
    Table,
    csv_text,
    neutralise,
    to_csv_bytes,
    to_xlsx_bytes,
)

COLUMNS = [
    Column("Nom", 20),
    Column("Montant (€)", 12, decimals=2),
    Column("Valeur", 10),
    Column("Le", 12),
    Column("Inscrit·e le", 17),
    Column("Part", 8, number_format=PERCENT_FORMAT),
]
ROWS = [
    ["Éloïse Martin", Decimal("30"), Decimal("12.5"), datetime.date(2024, 3, 5), None, 0.25],
    [
        "=SOMME(A1:A3)",
        Decimal("1234.5"),
        7,
        None,
        datetime.datetime(2024, 3, 5, 9, 30),
        None,
    ],
    ["-2 trajets", None, 1.5, None, None, None],
    ["@cmd", None, None, None, None, None],
    ["+33 6 12", None, None, None, None, None],
    ["\tcaché", None, None, None, None, None],
    ["ligne 1\nligne 2 ; avec séparateur", None, None, None, None, None],
]


def table(rows=ROWS) -> Table:
    return Table("Adhésions", COLUMNS, rows)


def read_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_it_writes_csv_as_french_excel_reads_it():
    content = to_csv_bytes(table())
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.count(b"\r\n") >= len(ROWS) + 1
    assert content.split(b"\r\n")[0] == (
        "\ufeffNom;Montant (€);Valeur;Le;Inscrit·e le;Part".encode()
    )
    rows = read_rows(content)
    assert rows[0] == ["Nom", "Montant (€)", "Valeur", "Le", "Inscrit·e le", "Part"]
    assert rows[1] == ["Éloïse Martin", "30,00", "12,5", "05/03/2024", "", "0,25"]
    assert rows[2] == ["'=SOMME(A1:A3)", "1234,50", "7", "", "05/03/2024 09:30", ""]
    assert rows[3] == ["'-2 trajets", "", "1,5", "", "", ""]
    assert [row[0] for row in rows[4:7]] == ["'@cmd", "'+33 6 12", "'\tcaché"]
    assert rows[7][0] == "ligne 1\nligne 2 ; avec séparateur"


def test_what_it_writes_reads_back_with_the_french_reader():
    sheet = read_spreadsheet(to_csv_bytes(table()), max_rows=100)
    assert sheet.delimiter == ";"
    assert list(sheet.header) == ["Nom", "Montant (€)", "Valeur", "Le", "Inscrit·e le", "Part"]
    assert list(sheet.rows[0].cells[:4]) == ["Éloïse Martin", "30,00", "12,5", "05/03/2024"]


def test_it_neutralises_formulas_in_headers_and_cells_only_when_text():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("\rx") == "'\rx"
    assert neutralise("a=1") == "a=1"
    assert csv_text(-3) == "-3"
    assert csv_text(Decimal("-3.5")) == "-3,5"
    assert csv_text(True) == "oui"
    content = to_csv_bytes(Table("T", [Column("-moins")], [["x"]]))
    assert read_rows(content)[0] == ["'-moins"]


def test_it_writes_rows_without_header_when_asked():
    content = to_csv_bytes(Table("À propos", [Column(""), Column("")], [["Mesures", 3]], False))
    assert read_rows(content) == [["Mesures", "3"]]


def test_it_writes_an_xlsx_workbook_with_typed_cells():
    about = Table(
        "À propos",
        [Column("", 24, bold=True), Column("", 80, align="left")],
        [["Exporté le", datetime.date(2024, 3, 5)], ["Mesures", 3]],
        header=False,
    )
    content = to_xlsx_bytes([table(), about], title="Adhésions 2024")
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Adhésions", "À propos"]
    assert workbook.properties.title == "Adhésions 2024"
    assert workbook.properties.creator == "Essaim"
    sheet = workbook["Adhésions"]
    header = sheet[1]
    assert [cell.value for cell in header] == [column.header for column in COLUMNS]
    assert all(cell.font.bold for cell in header)
    assert header[0].fill.fgColor.rgb.endswith("0B5C4A")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{len(ROWS) + 1}"
    assert sheet.column_dimensions["A"].width == 20
    assert sheet.column_dimensions["E"].width == 17
    first = sheet[2]
    assert first[0].value == "Éloïse Martin"
    assert first[1].value == 30 and first[1].number_format == "#,##0.00"
    assert first[2].value == 12.5 and first[2].number_format == "General"
    assert first[3].value == datetime.datetime(2024, 3, 5)
    assert first[3].number_format == "DD/MM/YYYY"
    assert first[5].value == 0.25 and first[5].number_format == "0%"
    second = sheet[3]
    assert second[0].value == "=SOMME(A1:A3)" and second[0].data_type == "s"
    assert second[4].value == datetime.datetime(2024, 3, 5, 9, 30)
    assert second[4].number_format == "DD/MM/YYYY HH:MM"
    assert not sheet["A8"].alignment.wrap_text  # short text
    about_sheet = workbook["À propos"]
    assert about_sheet["A1"].value == "Exporté le" and about_sheet["A1"].font.bold
    assert about_sheet["B1"].value == datetime.datetime(2024, 3, 5)
    assert about_sheet["B1"].alignment.horizontal == "left"
    assert about_sheet.freeze_panes is None
    assert about_sheet.column_dimensions["B"].width == 80


def test_it_wraps_long_text_and_wrapped_columns_and_drops_illegal_characters():
    long_text = "Un texte assez long pour passer à la ligne dans sa cellule."
    content = to_xlsx_bytes(
        [
            Table(
                "Journal: mars/avril [2024] et bien plus encore",
                [Column("Titre"), Column("Type", wrap=True)],
                [[long_text + "\x07", "court"]],
            )
        ]
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "Journal  mars avril  2024  et b"
    assert sheet["A2"].value == long_text
    assert sheet["A2"].alignment.wrap_text is True
    assert sheet["B2"].alignment.wrap_text is True
