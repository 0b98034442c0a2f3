import datetime

import pytest
from icalendar import Calendar

from essaim.trainings.calendar import session_calendar
from essaim.trainings.models import Format
from tests.trainings.factories import SlotFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_each_slot_is_an_event_and_the_meeting_link_only_when_asked():
    session = TrainingSessionFactory(title="Accompagner le changement d'échelle", with_slot=False)
    SlotFactory(session=session, start_time=datetime.time(10), end_time=datetime.time(12))
    SlotFactory(session=session, start_time=datetime.time(14), end_time=datetime.time(16))
    public = Calendar.from_ical(session_calendar(session, url="https://essaim.example.org/s/"))
    events = public.walk("VEVENT")
    assert len(events) == 2
    assert [str(event["location"]) for event in events] == ["En ligne", "En ligne"]
    assert "visio.example.org" not in public.to_ical().decode()
    assert events[1]["dtend"].dt - events[1]["dtstart"].dt == datetime.timedelta(hours=2)
    personal = Calendar.from_ical(session_calendar(session, meeting_url=session.meeting_url))
    assert "visio.example.org" in str(personal.walk("VEVENT")[0]["description"])


def test_an_in_person_session_gives_its_place():
    session = TrainingSessionFactory(
        format=Format.IN_PERSON, venue="Maison du Parc", address="Saint-Pierre-de-Chartreuse"
    )
    event = Calendar.from_ical(session_calendar(session)).walk("VEVENT")[0]
    assert str(event["location"]) == "Maison du Parc, Saint-Pierre-de-Chartreuse"
