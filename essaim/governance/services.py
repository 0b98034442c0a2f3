"""What a meeting needs beyond its form: who is invited, writing the attendance, counting it, and
the invitation as an iCalendar file (.ics, written by ``lib/ics.py``) to import into any calendar
or attach to an e-mail."""

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from essaim.governance.models import Attendance, BodyMember, Meeting, MeetingAttendance
from essaim.lib import french
from essaim.lib.ics import CalendarEvent, Invitee, write_calendar

PRODUCT_ID = "-//Essaim//Réunions des instances de gouvernance//FR"


def invited_members(meeting: Meeting, members: list[BodyMember]) -> list[BodyMember]:
    """The members of the body on the day of the meeting."""
    day = timezone.localtime(meeting.starts_at).date()
    return [member for member in members if member.sits_on(day)]


def attendance_counts(statuses: Iterable[str]) -> list[str]:
    """« 2 présent·es », « 1 excusé·e », « 0 absent·e »."""
    statuses = list(statuses)
    counts = []
    for choice in Attendance:
        count = statuses.count(choice)
        counts.append(f"{count} {french.plural(count, choice.label)}")
    return counts


def save_attendance(
    *, meeting: Meeting, statuses: dict[int, str], existing: dict[int, MeetingAttendance]
) -> None:
    """Write one row per member whose status is known; remove the rows left blank. Called in
    the caller's transaction, which also writes the owner's history."""
    MeetingAttendance.objects.filter(
        meeting=meeting,
        member_id__in=[pk for pk, status in statuses.items() if not status and pk in existing],
    ).delete()
    changed = []
    for member_pk, status in statuses.items():
        if not status:
            continue
        row = existing.get(member_pk)
        if row is None:
            MeetingAttendance.objects.create(meeting=meeting, member_id=member_pk, status=status)
        elif row.status != status:
            row.status = status
            changed.append(row)
    MeetingAttendance.objects.bulk_update(changed, ["status"])


def meeting_uid(meeting: Meeting) -> str:
    """The same for every download of one meeting, so that calendars update it in place."""
    return f"meeting-{meeting.pk}@essaim"


def meeting_filename(meeting: Meeting) -> str:
    return f"reunion-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.ics"


def meeting_invitation(
    meeting: Meeting,
    *,
    owner_title: str,
    url: str = "",
    organizer: Invitee | None = None,
    attendees: list[Invitee] | tuple[Invitee, ...] = (),
    now: datetime | None = None,
) -> bytes:
    """One VEVENT for ``meeting`` (whose ``body`` is loaded): the body and the title of what it
    governs as summary, the place, the agenda as description, and the invited members."""
    description = []
    if meeting.agenda:
        description.append(f"Ordre du jour :\n{meeting.agenda}")
    if url:
        description.append(f"Dans Essaim : {url}")
    event = CalendarEvent(
        uid=meeting_uid(meeting),
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=f"{meeting.body.name} — {owner_title}",
        description="\n\n".join(description),
        location=meeting.place,
        url=url,
        organiser=organizer,
        attendees=tuple(attendees),
    )
    return write_calendar([event], product_id=PRODUCT_ID, now=now)
