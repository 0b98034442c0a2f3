"""Exporting the registrations of a session: CSV as French Excel reads it, and XLSX."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from essaim.registrations.models import Answer, Category, Status
from essaim.territories.models import Commune
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import RegistrationQuestionFactory, SlotFactory

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx"]


def export_url(session, kind: str, query: str = "") -> str:
    return reverse(f"registrations:manage_export_{kind}", args=[session.pk]) + query


def read_csv(response) -> list[list[str]]:
    content = response.content
    assert content.startswith("\ufeff".encode())  # the BOM: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Inscriptions"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def registrations(training_session):
    """Two registrations of the session, one with everything filled in, one cancelled, and a
    question of the form answered by the first."""
    session = training_session
    question = RegistrationQuestionFactory(session=session, label="Qu'attendez-vous ?")
    moment = timezone.make_aware(datetime.datetime(2031, 3, 4, 9, 15))
    full = RegistrationFactory(
        session=session,
        first_name="Nadia",
        last_name="Ferrand",
        email="nadia.ferrand@example.org",
        phone="+33 4 65 71 17 15",
        organisation_name="=PNR du Vercors",
        category=Category.PROJECT,
        commune=Commune.objects.get(insee_code="26113"),
        accessibility_needs="Boucle magnétique",
        created_at=moment,
        confirmed_at=moment,
        consent_at=moment,
    )
    Answer.objects.create(registration=full, question=question, value="Des repères de méthode")
    cancelled = RegistrationFactory(
        session=session, last_name="Roux", status=Status.CANCELLED, created_at=moment
    )
    return full, cancelled


# Permissions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_is_private(training_session, outsider, kind):
    url = export_url(training_session, kind)
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client_for(outsider).get(url).status_code == 404


@pytest.mark.parametrize("kind", FORMATS)
def test_a_reader_may_export(training_session, reader, kind):
    response = client_for(reader).get(export_url(training_session, kind))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="inscriptions-{training_session.slug}.{kind}"'
    )


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_is_read_only(training_session, owner, kind):
    assert client_for(owner).post(export_url(training_session, kind)).status_code == 405


# Contents -------------------------------------------------------------------------------------


def test_the_csv_is_read_by_a_french_spreadsheet(training_session, owner, registrations):
    response = client_for(owner).get(export_url(training_session, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = read_csv(response)
    assert header[:6] == ["Nom", "Prénom", "E-mail", "Téléphone", "Organisation", "Catégorie"]
    assert header[-1] == "Qu'attendez-vous ?"
    assert len(rows) == 1  # the active registrations, as on the page
    row = dict(zip(header, rows[0], strict=True))
    assert row["Nom"] == "Ferrand"
    assert row["Téléphone"] == "'+33 4 65 71 17 15"  # never read as a formula
    assert row["Organisation"] == "'=PNR du Vercors"
    assert row["Catégorie"] == "porteur de projet"
    assert row["Commune"] == "Die"
    assert row["Code INSEE"] == "26113"
    assert row["Département"] == "26 — Drôme"
    assert row["EPCI"] == "CC du Diois"
    assert row["Statut"] == "confirmée"
    assert row["Inscrit·e le"] == "04/03/2031 09:15"
    assert row["Besoins d'accessibilité"] == "Boucle magnétique"
    assert row["Qu'attendez-vous ?"] == "Des repères de méthode"
    assert response.content.count(b"\r\n") == 2


def test_the_xlsx_has_a_header_widths_and_real_dates(training_session, owner, registrations):
    response = client_for(owner).get(export_url(training_session, "xlsx"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Inscriptions"]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "Nom" and header[-1] == "Qu'attendez-vous ?"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width == 30  # the e-mail
    assert sheet.max_row == 2
    row = dict(zip(header, [cell for cell in sheet[2]], strict=True))
    assert row["Inscrit·e le"].value == datetime.datetime(2031, 3, 4, 9, 15)
    assert row["Inscrit·e le"].number_format == "DD/MM/YYYY HH:MM"
    assert row["Annulée le"].value is None
    assert row["Organisation"].value == "=PNR du Vercors"
    assert row["Organisation"].data_type == "s"  # text, not a formula
    assert row["Qu'attendez-vous ?"].value == "Des repères de méthode"


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_follows_the_filters(training_session, owner, registrations, kind):
    response = client_for(owner).get(export_url(training_session, kind, "?status=cancelled"))
    rows = read_csv(response) if kind == "csv" else read_xlsx(response)
    assert [row[0] for row in rows[1:]] == ["Roux"]
    response = client_for(owner).get(export_url(training_session, kind, "?status=toutes"))
    rows = read_csv(response) if kind == "csv" else read_xlsx(response)
    assert [row[0] for row in rows[1:]] == ["Ferrand", "Roux"]


def test_with_several_slots_a_column_says_who_attends_each(training_session, owner):
    session = training_session
    afternoon = SlotFactory(
        session=session,
        date=session.start_date,
        start_time=datetime.time(14),
        end_time=datetime.time(16, 30),
    )
    registration = RegistrationFactory(session=session)
    registration.slots.set([afternoon])
    header, row = read_xlsx(client_for(owner).get(export_url(session, "xlsx")))
    day = f"{session.start_date:%d/%m/%Y}"
    cells = dict(zip(header, row, strict=True))
    assert cells[f"Séance du {day} 10h30"] == "non"
    assert cells[f"Séance du {day} 14h"] == "oui"


@pytest.mark.parametrize("kind", FORMATS)
def test_an_export_costs_the_same_queries_whatever_the_number_of_rows(
    training_session, owner, kind, django_assert_max_num_queries
):
    session = training_session
    question = RegistrationQuestionFactory(session=session)
    commune = Commune.objects.get(insee_code="38185")
    client = client_for(owner)

    def build(count: int) -> None:
        for _ in range(count):
            registration = RegistrationFactory(session=session, commune=commune)
            Answer.objects.create(registration=registration, question=question, value="oui")

    build(2)
    # The login session and the user (2), the session with the user's role (1), its slots (1),
    # its questions (1), the registrations with their commune (1), their slots (1) and answers (1).
    with django_assert_max_num_queries(8) as few:
        client.get(export_url(session, kind))
    build(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(export_url(session, kind))
    rows = read_csv(response) if kind == "csv" else read_xlsx(response)
    assert len(rows) == 43
