"""The calendar files of a session and of a cycle: every slot, never the meeting link."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.trainings.factories import CycleFactory, TrainingSessionFactory, scaling_like_session
from tests.trainings.test_public_session import in_days

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    return Calendar.from_ical(response.content)


def test_the_calendar_of_a_session_has_one_event_per_slot_without_the_meeting_link():
    session = scaling_like_session(in_days(20))
    response = client_for(None).get(reverse("trainings:session_ics", args=[session.slug]))
    calendar = parse(response)
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    assert str(calendar["x-wr-calname"]) == session.title
    first = events[0]
    assert str(first["summary"]) == f"{session.title} — 1re webconférence"
    assert str(first["location"]) == "En ligne"
    assert first["dtend"].dt - first["dtstart"].dt == datetime.timedelta(hours=2)
    assert str(first["url"]) == f"http://testserver{session.get_absolute_url()}"
    assert session.meeting_url not in response.content.decode()


def test_the_calendar_of_a_cycle_has_every_slot_of_its_published_sessions():
    cycle = CycleFactory()
    TrainingSessionFactory(cycle=cycle, start_date=in_days(5))
    scaling_like_session(in_days(20), cycle=cycle)
    TrainingSessionFactory(cycle=cycle, published=False, title="Brouillon")
    TrainingSessionFactory(title="Hors du cycle")
    response = client_for(None).get(reverse("trainings:cycle_ics", args=[cycle.slug]))
    events = parse(response).walk("VEVENT")
    assert len(events) == 5
    assert not any("Brouillon" in str(event["summary"]) for event in events)
    assert not any("Hors du cycle" in str(event["summary"]) for event in events)
    assert "visio.example.org" not in response.content.decode()
    assert len({str(event["uid"]) for event in events}) == 5


def test_the_calendars_of_unpublished_sessions_and_cycles_are_not_public(owner):
    session = TrainingSessionFactory(published=False)
    cycle = CycleFactory(published=False)
    urls = [
        reverse("trainings:session_ics", args=[session.slug]),
        reverse("trainings:cycle_ics", args=[cycle.slug]),
    ]
    for url in urls:
        assert client_for(None).get(url).status_code == 404
    session.grant(owner, Role.OWNER)
    assert len(parse(client_for(owner).get(urls[0])).walk("VEVENT")) == 1
