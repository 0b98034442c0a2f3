"""Meeting invitations as iCalendar files (.ics), to import into any calendar or attach to an
e-mail."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from essaim.experiments.models import Meeting

PRODUCT_ID = "-//Essaim//Réunions des instances de gouvernance//FR"


@dataclass(frozen=True)
class Invitee:
    name: str
    email: str


def meeting_uid(meeting: Meeting) -> str:
    """The same for every download of one meeting, so that calendars update it in place."""
    return f"meeting-{meeting.pk}@essaim"


def meeting_filename(meeting: Meeting) -> str:
    return f"reunion-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.ics"


def meeting_invitation(
    meeting: Meeting,
    *,
    experiment_title: str,
    url: str = "",
    organizer: Invitee | None = None,
    attendees: list[Invitee] | tuple[Invitee, ...] = (),
    now: datetime | None = None,
) -> bytes:
    """One VEVENT for ``meeting`` (whose ``body`` is loaded): times in UTC, the body and the
    experiment as summary, the place, the agenda as description, and the invited members."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", f"{meeting.body.name} — {experiment_title}")
    if meeting.place:
        event.add("location", meeting.place)
    description = []
    if meeting.agenda:
        description.append(f"Ordre du jour :\n{meeting.agenda}")
    if url:
        description.append(f"Dans Essaim : {url}")
        event.add("url", url)
    if description:
        event.add("description", "\n\n".join(description))
    if organizer is not None:
        event.add("organizer", _address(organizer), encode=False)
    for invitee in attendees:
        address = _address(invitee)
        address.params["CUTYPE"] = "INDIVIDUAL"
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        event.add("attendee", address, encode=False)

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(event)
    return calendar.to_ical()


def _address(invitee: Invitee) -> vCalAddress:
    address = vCalAddress(f"mailto:{invitee.email}")
    if invitee.name:
        address.params["CN"] = invitee.name
    return address
