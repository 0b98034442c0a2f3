"""Sessions as iCalendar files (.ics): one event per time slot, for a session, a whole cycle, or
a registrant (whose copy may carry the meeting link)."""

from collections.abc import Iterable
from datetime import UTC, datetime

from icalendar import Calendar, Event

from essaim.trainings.models import Slot, TrainingSession

PRODUCT_ID = "-//Essaim//Sessions et webconférences//FR"


def slot_uid(slot: Slot) -> str:
    """The same in every file and every download, so that calendars update the event in place."""
    return f"slot-{slot.pk}@essaim"


def session_filename(session: TrainingSession) -> str:
    return f"session-{session.start_date:%Y-%m-%d}.ics"


def slot_event(
    slot: Slot,
    session: TrainingSession,
    *,
    url: str = "",
    meeting_url: str = "",
    now: datetime | None = None,
) -> Event:
    """One VEVENT: the slot's times in UTC, the session's title (and the slot's), the place or
    « en ligne », the programme of the slot and the page's address; ``meeting_url`` only when the
    file is meant for a confirmed registrant."""
    event = Event()
    event.add("uid", slot_uid(slot))
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", slot.starts_at.astimezone(UTC))
    event.add("dtend", slot.ends_at.astimezone(UTC))
    summary = session.title if not slot.title else f"{session.title} — {slot.title}"
    event.add("summary", summary)
    if session.is_online:
        event.add("location", meeting_url or "En ligne")
    else:
        event.add("location", ", ".join(part for part in (session.venue, session.address) if part))
    description = []
    if slot.topics:
        description.append(slot.topics)
    if meeting_url:
        description.append(f"Lien de connexion : {meeting_url}")
    if url:
        description.append(f"Présentation et inscription : {url}")
        event.add("url", url)
    if description:
        event.add("description", "\n\n".join(description))
    return event


def calendar_of(events: Iterable[Event], *, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def session_calendar(
    session: TrainingSession, *, url: str = "", meeting_url: str = "", now: datetime | None = None
) -> bytes:
    """Every slot of ``session`` (its ``slots`` loaded or not)."""
    events = [
        slot_event(slot, session, url=url, meeting_url=meeting_url, now=now)
        for slot in session.slots.all()
    ]
    return calendar_of(events, name=session.title)
