"""Meeting invitations as iCalendar files (.ics), to import into any calendar or attach to an
e-mail; written by ``lib/ics.py``."""

from datetime import datetime

from django.utils import timezone

from essaim.experiments.models import Meeting
from essaim.lib.ics import CalendarEvent, Invitee, write_calendar

PRODUCT_ID = "-//Essaim//Réunions des instances de gouvernance//FR"


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
    """One VEVENT for ``meeting`` (whose ``body`` is loaded): the body and the experiment as
    summary, the place, the agenda as description, and the invited members."""
    description = []
    if meeting.agenda:
        description.append(f"Ordre du jour :\n{meeting.agenda}")
    if url:
        description.append(f"Dans Essaim : {url}")
    event = CalendarEvent(
        uid=meeting_uid(meeting),
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=f"{meeting.body.name} — {experiment_title}",
        description="\n\n".join(description),
        location=meeting.place,
        url=url,
        organiser=organizer,
        attendees=tuple(attendees),
    )
    return write_calendar([event], product_id=PRODUCT_ID, now=now)
