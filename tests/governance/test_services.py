"""The meeting's services for any owner: who is invited, the attendance written and counted, and
the invitation as an .ics file."""

import datetime

import pytest
from icalendar import Calendar

from essaim.governance.models import Attendance, BodyKind, BodyMember, Meeting, MeetingAttendance
from essaim.governance.services import (
    attendance_counts,
    invited_members,
    meeting_filename,
    meeting_invitation,
    save_attendance,
)
from essaim.lib.ics import Invitee

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 5, 6, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def meeting(programme) -> Meeting:
    committee = programme.bodies.create(kind=BodyKind.STEERING, name="Comité de pilotage")
    return Meeting.objects.create(
        body=committee,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=2),
        place="Maison des territoires",
        agenda="1. Bilan",
    )


def test_it_invites_the_members_of_the_day(meeting):
    body = meeting.body
    current = BodyMember.objects.create(body=body, name="Présente")
    gone = BodyMember.objects.create(body=body, name="Partie", end_date=datetime.date(2025, 5, 5))
    later = BodyMember.objects.create(
        body=body, name="Future", start_date=datetime.date(2025, 6, 1)
    )
    last_day = BodyMember.objects.create(
        body=body, name="Dernier jour", end_date=datetime.date(2025, 5, 6)
    )
    assert invited_members(meeting, [current, gone, later, last_day]) == [current, last_day]


def test_it_writes_changes_and_removes_the_attendance(meeting):
    kept, changed, cleared, added = [
        BodyMember.objects.create(body=meeting.body, name=f"Membre {n}") for n in range(4)
    ]
    existing = {
        member.pk: MeetingAttendance.objects.create(
            meeting=meeting, member=member, status=Attendance.PRESENT
        )
        for member in (kept, changed, cleared)
    }
    save_attendance(
        meeting=meeting,
        statuses={
            kept.pk: Attendance.PRESENT,
            changed.pk: Attendance.EXCUSED,
            cleared.pk: "",
            added.pk: Attendance.ABSENT,
        },
        existing=existing,
    )
    assert dict(meeting.attendances.values_list("member", "status")) == {
        kept.pk: Attendance.PRESENT,
        changed.pk: Attendance.EXCUSED,
        added.pk: Attendance.ABSENT,
    }


def test_it_counts_the_attendance():
    statuses = [Attendance.PRESENT, Attendance.PRESENT, Attendance.ABSENT]
    assert attendance_counts(statuses) == ["2 présent·es", "0 excusé·e", "1 absent·e"]


def test_it_invites_to_the_meeting_of_a_programme(meeting, programme):
    content = meeting_invitation(
        meeting,
        owner_title=programme.name,
        url="https://essaim.example.org/programmes/1/",
        attendees=[Invitee(name="Inès Martin", email="ines@example.org")],
    )
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Comité de pilotage — Programme Montagnes solidaires"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@essaim"
    assert str(event["LOCATION"]) == "Maison des territoires"
    assert "Ordre du jour :\n1. Bilan" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]).lower() == "mailto:ines@example.org"
    assert meeting_filename(meeting) == "reunion-2025-05-06.ics"
