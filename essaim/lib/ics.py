"""Calendar files (iCalendar, .ics) written from plain descriptions of events.

Every event is written with its times in UTC (``DTSTART:20240312T140000Z``): a calendar shows
them in its reader's own time zone, whatever the server's, and no ``VTIMEZONE`` is needed. The
uid stays the same for every download of one event, so that calendars update it in place.

Text is escaped and folded by ``icalendar``; the summary, the location and the names are single
lines (``essaim.lib.bounds.one_line``: a line break or a tab kept in a title becomes a space),
and control characters, which no calendar accepts, are dropped.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from icalendar import Calendar, Event, vCalAddress

from essaim.lib.bounds import one_line

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Invitee:
    """An organiser or an invited person: a name and an e-mail address."""

    name: str
    email: str


@dataclass(frozen=True)
class CalendarEvent:
    """One event (VEVENT); ``start`` and ``end`` are aware date-times."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    organiser: Invitee | None = None
    attendees: Sequence[Invitee] = ()
    # An event called off: calendars that hold it (by its uid) mark it cancelled.
    cancelled: bool = False


def write_calendar(
    events: Iterable[CalendarEvent],
    *,
    product_id: str,
    name: str = "",
    method: str = "",
    now: datetime | None = None,
) -> bytes:
    """A calendar of ``events``; ``name`` is the name calendars give it (``X-WR-CALNAME``),
    ``method`` (« REQUEST » for an invitation, « PUBLISH » for a feed) is written when given."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", product_id)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", one_line(name))
    for event in events:
        calendar.add_component(_vevent(event, stamp))
    return calendar.to_ical()


def _vevent(event: CalendarEvent, stamp: datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start.astimezone(UTC))
    vevent.add("dtend", event.end.astimezone(UTC))
    vevent.add("summary", one_line(event.summary))
    if event.location:
        vevent.add("location", one_line(event.location))
    if event.description:
        vevent.add("description", _CONTROL.sub("", event.description).replace("\r\n", "\n"))
    if event.url:
        vevent.add("url", event.url)
    if event.cancelled:
        vevent.add("status", "CANCELLED")
    if event.organiser is not None:
        vevent.add("organizer", _address(event.organiser), encode=False)
    for attendee in event.attendees:
        address = _address(attendee)
        address.params["CUTYPE"] = "INDIVIDUAL"
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        vevent.add("attendee", address, encode=False)
    return vevent


def _address(invitee: Invitee) -> vCalAddress:
    address = vCalAddress(f"mailto:{invitee.email}")
    if invitee.name:
        address.params["CN"] = one_line(invitee.name)
    return address
