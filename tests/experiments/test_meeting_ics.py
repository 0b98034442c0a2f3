"""Meeting invitations as .ics files."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    BodyMemberFactory,
    ExperimentFactory,
    MeetingFactory,
)
from tests.organisations.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(experiment):
    body = BodyFactory(experiment=experiment, name="Comité de pilotage")
    return MeetingFactory(
        body=body, place="Mairie de Saint-Pierre-de-Chartreuse", agenda="1. Bilan ; 2. Suite"
    )


def url(meeting) -> str:
    return reverse("experiments:meeting_ics", args=[meeting.body.owner_id, meeting.pk])


def event_of(response):
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return event


def test_it_sends_an_invitation_that_calendars_read(reader, meeting):
    response = client_for(reader).get(url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="reunion-2024-03-12.ics"'
    event = event_of(response)
    assert str(event["UID"]) == f"meeting-{meeting.pk}@essaim"
    assert event.decoded("DTSTART") == datetime.datetime(2024, 3, 12, 14, 0, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2024, 3, 12, 16, 30, tzinfo=datetime.UTC)
    assert b"DTSTART:20240312T140000Z" in response.content
    assert str(event["SUMMARY"]) == "Comité de pilotage — Autostop organisé en Chartreuse"
    assert str(event["LOCATION"]) == "Mairie de Saint-Pierre-de-Chartreuse"
    description = str(event["DESCRIPTION"])
    assert "Ordre du jour :\n1. Bilan ; 2. Suite" in description
    assert f"/gouvernance/reunions/{meeting.pk}/" in description
    # A reader sends no invitation: they are not its organiser.
    assert "ORGANIZER" not in event


def test_it_keeps_the_same_uid_from_one_download_to_the_next(reader, meeting):
    client = client_for(reader)
    first, second = event_of(client.get(url(meeting))), event_of(client.get(url(meeting)))
    assert first["UID"] == second["UID"]


def test_it_invites_the_members_with_an_email_the_user_may_see(editor, meeting):
    visible = PersonFactory(first_name="Mylène", last_name="Thou", email="mylene@example.org")
    visible.grant(editor, Role.OWNER)
    hidden = PersonFactory(email="cache@example.org")
    no_email = PersonFactory(email="")
    no_email.grant(editor, Role.OWNER)
    gone = PersonFactory(email="partie@example.org")
    gone.grant(editor, Role.OWNER)
    for person in (visible, hidden, no_email):
        BodyMemberFactory(body=meeting.body, person=person)
    BodyMemberFactory(body=meeting.body, person=gone, end_date=datetime.date(2023, 12, 31))
    BodyMemberFactory(body=meeting.body, name="Sans contact")
    event = event_of(client_for(editor).get(url(meeting)))
    attendees = event["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(attendee) for attendee in attendees] == ["mailto:mylene@example.org"]
    assert attendees[0].params["CN"] == "Mylène Thou"
    assert attendees[0].params["ROLE"] == "REQ-PARTICIPANT"
    assert str(event["ORGANIZER"]) == "mailto:editrice@example.org"
    assert event["ORGANIZER"].params["CN"] == "Élise Éditrice"


def test_it_hides_the_invitation_from_outsiders_and_anonymous_users(outsider, meeting):
    assert client_for(outsider).get(url(meeting)).status_code == 404
    response = client_for(None).get(url(meeting))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_hides_meetings_of_other_experiments(reader, experiment):
    foreign = MeetingFactory(body=BodyFactory(experiment=ExperimentFactory()))
    response = client_for(reader).get(
        reverse("experiments:meeting_ics", args=[experiment.pk, foreign.pk])
    )
    assert response.status_code == 404


def test_it_only_reads(reader, meeting):
    assert client_for(reader).post(url(meeting)).status_code == 405
