"""Sessions as iCalendar files (.ics): one event per time slot, for a session, a whole cycle, or
a registrant (whose copy may carry the meeting link); written by ``lib/ics.py``."""

from collections.abc import Iterable
from datetime import datetime

from essaim.lib.ics import CalendarEvent, write_calendar
from essaim.trainings.models import Slot, TrainingSession

PRODUCT_ID = "-//Essaim//Sessions et webconférences//FR"


def slot_uid(slot: Slot) -> str:
    """The same in every file and every download, so that calendars update the event in place."""
    return f"slot-{slot.pk}@essaim"


def session_filename(session: TrainingSession) -> str:
    return f"session-{session.start_date:%Y-%m-%d}.ics"


def slot_event(
    slot: Slot, session: TrainingSession, *, url: str = "", meeting_url: str = ""
) -> CalendarEvent:
    """One event: the slot's times, the session's title (and the slot's), the place or
    « en ligne », the programme of the slot and the page's address; ``meeting_url`` only when the
    file is meant for a confirmed registrant."""
    summary = session.title if not slot.title else f"{session.title} — {slot.title}"
    if session.is_online:
        location = meeting_url or "En ligne"
    else:
        location = ", ".join(part for part in (session.venue, session.address) if part)
    description = []
    if slot.topics:
        description.append(slot.topics)
    if meeting_url:
        description.append(f"Lien de connexion : {meeting_url}")
    if url:
        description.append(f"Présentation et inscription : {url}")
    return CalendarEvent(
        uid=slot_uid(slot),
        start=slot.starts_at,
        end=slot.ends_at,
        summary=summary,
        description="\n\n".join(description),
        location=location,
        url=url,
    )


def calendar_of(
    events: Iterable[CalendarEvent],
    *,
    name: str = "",
    method: str = "",
    now: datetime | None = None,
) -> bytes:
    """``method``: « CANCEL » for a file that calls its events off."""
    return write_calendar(events, product_id=PRODUCT_ID, name=name, method=method, now=now)


def session_calendar(
    session: TrainingSession, *, url: str = "", meeting_url: str = "", now: datetime | None = None
) -> bytes:
    """Every slot of ``session`` (its ``slots`` loaded or not)."""
    events = [
        slot_event(slot, session, url=url, meeting_url=meeting_url) for slot in session.slots.all()
    ]
    return calendar_of(events, name=session.title, now=now)
