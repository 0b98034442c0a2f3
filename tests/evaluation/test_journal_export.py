"""Exporting the learning journal, filtered as on the page, as CSV and XLSX."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from essaim.evaluation.models import EntryKind
from tests.conftest import client_for
from tests.evaluation.factories import JournalEntryFactory, JournalEvidenceFactory
from tests.experiments.factories import HypothesisFactory, StepFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "Date",
    "Type",
    "Titre",
    "Ce qui s'est passé",
    "Ce que nous avons appris",
    "Ce que cela change",
    "Hypothèse concernée",
    "Étape concernée",
    "Indicateur concerné",
    "Enseignement marquant",
    "Auteur",
    "Pièces à l'appui",
]


def csv_url(experiment) -> str:
    return reverse("evaluation:journal_export_csv", args=[experiment.pk])


def xlsx_url(experiment) -> str:
    return reverse("evaluation:journal_export_xlsx", args=[experiment.pk])


@pytest.fixture
def entries(experiment, contributor):
    hypothesis = HypothesisFactory(experiment=experiment, statement="Si l'arrêt est signalé…")
    failure = JournalEntryFactory(
        experiment=experiment,
        author=contributor,
        written_on=datetime.date(2024, 5, 2),
        kind=EntryKind.FAILURE,
        title="Échec du soir",
        what_happened="Personne ne s'arrête après 19 h ;\nles arrêts ne se voient pas.",
        what_learned="La visibilité compte.",
        what_changes="Éclairer les arrêts.",
        hypothesis=hypothesis,
        step=StepFactory(experiment=experiment, title="Lancement"),
        highlight=True,
    )
    for name in ("releve.pdf", "photo.jpg"):
        JournalEvidenceFactory(entry=failure, description=name, file=ContentFile(b"x", name=name))
    JournalEntryFactory(
        experiment=experiment,
        written_on=datetime.date(2024, 3, 1),
        kind=EntryKind.OBSERVATION,
        title="=SOMME(A1:A3)",
        what_happened="-2 trajets par rapport à février",
        what_learned="",
    )


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_it_exports_csv_for_french_spreadsheets(reader, experiment, entries):
    response = client_for(reader).get(csv_url(experiment))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="journal-autostop-organise-en-chartreuse-{today}.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in response.content
    rows = read_csv(response)
    assert rows[0] == HEADER
    assert rows[1] == [
        "02/05/2024",
        "échec",
        "Échec du soir",
        "Personne ne s'arrête après 19 h ;\nles arrêts ne se voient pas.",
        "La visibilité compte.",
        "Éclairer les arrêts.",
        "Si l'arrêt est signalé…",
        "Lancement",
        "",
        "oui",
        "Camille Contributeur",
        "releve.pdf, photo.jpg",
    ]
    assert rows[2][:5] == [
        "01/03/2024",
        "observation",
        "'=SOMME(A1:A3)",
        "'-2 trajets par rapport à février",
        "",
    ]
    assert rows[2][9:11] == ["non", ""]
    assert len(rows) == 3


def test_it_exports_only_the_filtered_entries(reader, experiment, entries):
    response = client_for(reader).get(csv_url(experiment), {"kind": "echec", "page": "2"})
    rows = read_csv(response)
    assert [row[2] for row in rows[1:]] == ["Échec du soir"]
    response = client_for(reader).get(xlsx_url(experiment), {"highlight": "on"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Échec du soir"]


def test_it_exports_xlsx(reader, experiment, entries):
    response = client_for(reader).get(xlsx_url(experiment))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Journal"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert rows[1][0] == datetime.datetime(2024, 5, 2)
    assert sheet["A2"].number_format == "DD/MM/YYYY"
    assert rows[1][1:4] == (
        "échec",
        "Échec du soir",
        "Personne ne s'arrête après 19 h ;\nles arrêts ne se voient pas.",
    )
    assert rows[1][9:] == ("oui", "Camille Contributeur", "releve.pdf, photo.jpg")
    # Text that looks like a formula stays text.
    assert sheet["C3"].value == "=SOMME(A1:A3)"
    assert sheet["C3"].data_type == "s"
    assert len(rows) == 3


def test_it_exports_an_empty_journal_with_its_header(reader, experiment):
    rows = read_csv(client_for(reader).get(csv_url(experiment)))
    assert rows == [HEADER]


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_it_hides_the_export_from_outsiders(outsider, experiment, url):
    assert client_for(outsider).get(url(experiment)).status_code == 404


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_it_sends_anonymous_users_to_the_login_page(experiment, url):
    response = client_for(None).get(url(experiment))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("url", [csv_url, xlsx_url])
def test_it_answers_405_to_post(reader, experiment, url):
    assert client_for(reader).post(url(experiment)).status_code == 405


@pytest.mark.parametrize("count", [3, 30])
def test_it_exports_in_a_constant_number_of_queries(
    django_assert_num_queries, reader, experiment, count
):
    for index in range(count):
        entry = JournalEntryFactory(experiment=experiment, title=f"Entrée {index}")
        JournalEvidenceFactory(entry=entry)
    client = client_for(reader)
    # session, user, experiment with the reader's role, hypotheses of the filter form,
    # entries with their links and authors, their evidence
    with django_assert_num_queries(6):
        client.get(xlsx_url(experiment))
