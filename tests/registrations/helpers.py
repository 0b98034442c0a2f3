"""Builders for the registration tests: a registrant's data, a session with several slots, the
.ics attached to an e-mail."""

import datetime

from icalendar import Calendar

from essaim.trainings.models import Slot, TrainingSession
from tests.trainings.factories import SlotFactory, TrainingSessionFactory

NOW = datetime.datetime(2031, 3, 1, 9, 0, tzinfo=datetime.UTC)


def person(number: int = 0, **overrides) -> dict:
    """What a registrant types in the form, as the services receive it."""
    data = {
        "first_name": "Camille",
        "last_name": f"Martin{number}",
        "email": f"camille.martin{number}@example.org",
        "organisation_name": "Communauté de communes du Diois",
        "category": "agent",
        "accessibility_needs": "",
        "consent": True,
    }
    return {**data, **overrides}


def session_of(*, slots: int = 1, start: datetime.date | None = None, **fields) -> TrainingSession:
    """A published online session starting ``start`` (a month after :data:`NOW` by default) with
    ``slots`` slots, the first one 10h30-12h, the others on the following days."""
    start = start or (NOW + datetime.timedelta(days=30)).date()
    fields.setdefault("start_date", start)
    fields.setdefault("end_date", start + datetime.timedelta(days=max(slots - 1, 0)))
    session = TrainingSessionFactory(with_slot=False, **fields)
    for day in range(slots):
        SlotFactory(
            session=session,
            date=start + datetime.timedelta(days=day),
            title=f"Séance {day + 1}",
        )
    return session


def slots_of(session: TrainingSession) -> list[Slot]:
    return list(session.slots.order_by("date", "start_time"))


def calendar_attached(message) -> Calendar:
    """The .ics file attached to an e-mail of the outbox, parsed."""
    (ics,) = [a for a in message.attachments if a[0].endswith(".ics")]
    _filename, content, mimetype = ics
    assert mimetype == "text/calendar"
    return Calendar.from_ical(content)
