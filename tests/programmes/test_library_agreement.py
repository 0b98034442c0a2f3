"""A validated report sheet may become an experience sheet of the public library once its
territory agrees: its referent says so on the sheet's page (or an editor of the team, on their
word); the programme's history keeps who agreed and when."""

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.programmes.models import ReportSheet, SheetStatus
from tests.conftest import client_for


@pytest.fixture
def report_sheet(confirmed) -> ReportSheet:
    return ReportSheet.objects.create(
        territory=confirmed,
        context="Un pays rural de trente communes.",
        status=SheetStatus.VALIDATED,
        validated_at=timezone.now(),
    )


def urls(sheet: ReportSheet) -> tuple[str, str]:
    args = [sheet.territory.programme_id, sheet.territory_id]
    return (
        reverse("programmes:report_sheet", args=args),
        reverse("programmes:agree_report_sheet_publication", args=args),
    )


def test_it_lets_the_referent_agree_to_the_publication(report_sheet, referent_user):
    page_url, agree_url = urls(report_sheet)
    client = client_for(referent_user)
    assert "Accepter sa publication dans la bibliothèque" in client.get(page_url).text

    response = client.post(agree_url)

    assert response.status_code == 302
    report_sheet.refresh_from_db()
    assert report_sheet.publication_agreed_by == referent_user
    assert report_sheet.publication_agreed_at is not None
    entry = HistoryEntry.objects.of(report_sheet.territory.programme).first()
    assert entry.summary == "Publication dans la bibliothèque acceptée : Pays des Trois Vallées"
    assert entry.actor == referent_user
    page = client.get(page_url).text
    assert "Publication dans la bibliothèque des expériences acceptée le" in page
    assert "Accepter sa publication" not in page


def test_it_lets_an_editor_of_the_team_record_the_agreement(report_sheet, editor):
    client_for(editor).post(urls(report_sheet)[1])
    report_sheet.refresh_from_db()
    assert report_sheet.publication_agreed_by == editor


def test_it_refuses_a_sheet_not_yet_validated(report_sheet, referent_user):
    report_sheet.status = SheetStatus.SENT
    report_sheet.save(update_fields=["status"])
    page_url, agree_url = urls(report_sheet)
    client = client_for(referent_user)
    assert "Accepter sa publication" not in client.get(page_url).text

    response = client.post(agree_url, follow=True)

    assert "La fiche doit être validée avant" in response.text
    report_sheet.refresh_from_db()
    assert report_sheet.publication_agreed_at is None


def test_it_refuses_a_reader_of_the_team_and_an_outsider(report_sheet, reader, outsider):
    agree_url = urls(report_sheet)[1]
    assert client_for(reader).post(agree_url).status_code == 404
    assert client_for(outsider).post(agree_url).status_code == 404
    assert client_for(None).post(agree_url).status_code == 302  # to the login page
    report_sheet.refresh_from_db()
    assert report_sheet.publication_agreed_at is None


def test_it_answers_only_post(report_sheet, referent_user):
    assert client_for(referent_user).get(urls(report_sheet)[1]).status_code == 405
