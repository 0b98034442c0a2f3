"""Connection reports keep the names and addresses of the people matched to no registrant: shown
and exported with a person's data, anonymised on request and with the session's registrants."""

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.attendance.models import ConnectionReport
from essaim.privacy import services
from essaim.privacy.scheduled import anonymise_expired_registrations
from essaim.registrations.anonymisation import ANONYMOUS_NAME
from tests.privacy.factories import full_registrant, link_client, past_session

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"
LONG_AGO = 40 * 31  # past any session's retention period


def report_for(session, *rows: tuple[str, str, int]) -> ConnectionReport:
    return ConnectionReport.objects.create(
        session=session,
        slot=session.slots.first(),
        file_name="participants.csv",
        unmatched=[
            {"name": name, "email": email, "minutes": minutes, "lines": [2 + i], "reason": ""}
            for i, (name, email, minutes) in enumerate(rows)
        ],
    )


def test_retention_anonymises_the_reports_of_the_session_in_the_same_run():
    due = past_session(ended_days_ago=LONG_AGO)
    full_registrant(due, first_name="Hugo", last_name="Blanc")
    report = report_for(due, ("Maïa Roussel", EMAIL, 80), ("", "invite@example.org", 12))
    recent = past_session(ended_days_ago=30)
    kept = report_for(recent, ("Maïa Roussel", EMAIL, 80))

    anonymise_expired_registrations(timezone.now())

    report.refresh_from_db()
    assert report.unmatched == [
        {"name": ANONYMOUS_NAME, "email": "", "minutes": 80, "lines": [2], "reason": ""},
        {"name": ANONYMOUS_NAME, "email": "", "minutes": 12, "lines": [3], "reason": ""},
    ]
    kept.refresh_from_db()
    assert kept.unmatched[0]["email"] == EMAIL


def test_running_the_retention_again_changes_nothing():
    due = past_session(ended_days_ago=LONG_AGO)
    report_for(due, ("Maïa Roussel", EMAIL, 80))
    assert anonymise_expired_registrations(timezone.now()) == 1  # one line

    assert anonymise_expired_registrations(timezone.now()) == 0


def test_a_persons_lines_are_shown_and_exported_by_address_and_by_the_name_of_a_registration():
    session = past_session(ended_days_ago=60, title="Les tiers-lieux ruraux")
    full_registrant(session, first_name="Maïa", last_name="Roussel", email=EMAIL)
    report_for(
        session,
        ("ROUSSEL Maïa (CC du Diois)", "", 45),  # a namesake the report could not tell apart
        ("Hugo Blanc", "hugo@example.org", 60),
    )
    other = past_session(ended_days_ago=90)
    report_for(other, ("M. R.", EMAIL.upper(), 30))

    data = services.find_personal_data(EMAIL)
    document = services.export_personal_data(email=EMAIL)

    reports = data.get("rapports_de_connexion").records
    assert [[row["minutes"] for row in report.rows] for report in reports] == [[45], [30]]
    lines = [line for report in document["rapports_de_connexion"] for line in report["lignes"]]
    assert lines == [
        {"nom": "ROUSSEL Maïa (CC du Diois)", "adresse_e_mail": "", "minutes": 45},
        {"nom": "M. R.", "adresse_e_mail": EMAIL.upper(), "minutes": 30},
    ]
    assert "hugo" not in str(document["rapports_de_connexion"])


def test_an_address_known_only_from_a_report_can_see_it():
    report_for(past_session(ended_days_ago=10), ("", EMAIL, 30))

    assert not services.find_personal_data(EMAIL).is_empty


def test_erasure_anonymises_the_persons_lines_only():
    session = past_session(ended_days_ago=60)
    full_registrant(session, first_name="Maïa", last_name="Roussel", email=EMAIL)
    report = report_for(session, ("Maïa Roussel", "", 45), ("Hugo Blanc", "hugo@example.org", 60))

    erasure = services.erase_personal_data(email=EMAIL)

    report.refresh_from_db()
    assert [(row["name"], row["email"], row["minutes"]) for row in report.unmatched] == [
        (ANONYMOUS_NAME, "", 45),
        ("Hugo Blanc", "hugo@example.org", 60),
    ]
    assert "1 ligne de rapport de connexion anonymisée" in erasure.done
    assert services.find_personal_data(EMAIL).get("rapports_de_connexion").records == []


def test_the_page_and_the_erasure_page_show_the_lines(django_capture_on_commit_callbacks):
    session = past_session(ended_days_ago=60, title="Les tiers-lieux ruraux")
    report_for(session, ("Maïa R.", EMAIL, 45), ("Hugo Blanc", "hugo@example.org", 60))
    client = link_client(EMAIL)

    page = client.get(reverse("privacy:mine")).content.decode()
    explained = client.get(reverse("privacy:erase")).content.decode()

    assert "Rapports de connexion aux visioconférences" in page
    assert f"Maïa R. ({EMAIL}), 45 min" in page
    assert "Hugo" not in page
    assert "Vos lignes dans 1 rapport de connexion seront anonymisées" in explained


def test_someone_else_cannot_see_the_lines():
    report_for(past_session(ended_days_ago=60), ("Maïa R.", EMAIL, 45))

    page = link_client("hugo@example.org").get(reverse("privacy:mine")).content.decode()

    assert "Maïa" not in page and EMAIL not in page
