"""The page of one meeting: agenda, attendance, minutes and decisions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.governance.models import Attendance, MeetingAttendance
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    BodyMemberFactory,
    ExperimentFactory,
    LoggedDecisionFactory,
    MeetingAttendanceFactory,
    MeetingFactory,
)
from tests.organisations.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(experiment):
    body = BodyFactory(experiment=experiment, name="Comité de pilotage")
    return MeetingFactory(body=body, agenda="1. Bilan du trimestre", minutes="Bonne réunion.")


def url(meeting) -> str:
    return reverse("experiments:meeting", args=[meeting.body.owner_id, meeting.pk])


def test_it_shows_agenda_attendance_minutes_and_decisions(reader, meeting):
    present = BodyMemberFactory(body=meeting.body, name="Jeanne Durand")
    BodyMemberFactory(body=meeting.body, name="Paul Martin")
    MeetingAttendanceFactory(meeting=meeting, member=present, status=Attendance.PRESENT)
    LoggedDecisionFactory(
        experiment=meeting.body.owner,
        body=meeting.body,
        meeting=meeting,
        subject="Horaires des navettes",
    )
    response = client_for(reader).get(url(meeting))
    assert response.status_code == 200
    text = response.text
    for expected in [
        "Comité de pilotage — réunion du 12 mars 2024",
        "mardi 12 mars 2024, de 15h</time>",  # 14:00 UTC is 15:00 in Paris in March
        "Mairie de Crest",
        "1. Bilan du trimestre",
        "Bonne réunion.",
        "Horaires des navettes",
        "1 présent·e",
        "Jeanne Durand",
        "Présent·e",
        "Non renseignée",
    ]:
        assert expected in text
    assert reverse("experiments:meeting_ics", args=[meeting.body.owner_id, meeting.pk]) in text
    assert "Enregistrer les présences" not in text


def test_it_lists_only_members_of_the_body_on_that_day(editor, meeting):
    BodyMemberFactory(
        body=meeting.body, name="Arrivée plus tard", start_date=datetime.date(2025, 1, 1)
    )
    BodyMemberFactory(body=meeting.body, name="Partie avant", end_date=datetime.date(2024, 1, 1))
    former = BodyMemberFactory(
        body=meeting.body, name="Notée présente", end_date=datetime.date(2024, 1, 1)
    )
    MeetingAttendanceFactory(meeting=meeting, member=former)
    BodyMemberFactory(
        body=meeting.body, name="Toujours là", organisation=OrganisationFactory(name="Mairie")
    )
    text = client_for(editor).get(url(meeting)).text
    assert "Arrivée plus tard" not in text
    assert "Partie avant" not in text
    assert "Notée présente" in text
    assert "Toujours là (Mairie)" in text


def test_it_records_attendance(editor, meeting):
    present, excused, unknown, was_absent = BodyMemberFactory.create_batch(4, body=meeting.body)
    MeetingAttendanceFactory(meeting=meeting, member=was_absent, status=Attendance.ABSENT)
    MeetingAttendanceFactory(meeting=meeting, member=unknown, status=Attendance.ABSENT)
    response = client_for(editor).post(
        url(meeting),
        {
            f"member_{present.pk}": "present",
            f"member_{excused.pk}": "excuse",
            f"member_{unknown.pk}": "",
            f"member_{was_absent.pk}": "present",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url(meeting)
    assert dict(meeting.attendances.values_list("member_id", "status")) == {
        present.pk: "present",
        excused.pk: "excuse",
        was_absent.pk: "present",
    }
    assert HistoryEntry.objects.filter(summary__startswith="Présences à la réunion").exists()


def test_it_shows_the_attendance_form_with_the_recorded_statuses(editor, meeting):
    member = BodyMemberFactory(body=meeting.body)
    MeetingAttendanceFactory(meeting=meeting, member=member, status=Attendance.EXCUSED)
    text = client_for(editor).get(url(meeting)).text
    assert "Enregistrer les présences" in text
    assert f'name="member_{member.pk}" value="excuse" id="id_member_{member.pk}_2" checked' in text


def test_it_refuses_an_unknown_attendance_status(editor, meeting):
    member = BodyMemberFactory(body=meeting.body)
    response = client_for(editor).post(url(meeting), {f"member_{member.pk}": "en retard"})
    assert response.status_code == 200
    assert not MeetingAttendance.objects.exists()


def test_it_lets_only_editors_record_attendance(reader, contributor, meeting):
    member = BodyMemberFactory(body=meeting.body)
    data = {f"member_{member.pk}": "present"}
    assert client_for(reader).post(url(meeting), data).status_code == 403
    assert client_for(contributor).post(url(meeting), data).status_code == 403
    assert not MeetingAttendance.objects.exists()


def test_it_hides_the_meeting_from_outsiders_and_anonymous_users(outsider, meeting):
    assert client_for(outsider).get(url(meeting)).status_code == 404
    response = client_for(None).get(url(meeting))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_hides_meetings_of_other_experiments(reader, experiment):
    foreign = MeetingFactory(body=BodyFactory(experiment=ExperimentFactory()))
    response = client_for(reader).get(
        reverse("experiments:meeting", args=[experiment.pk, foreign.pk])
    )
    assert response.status_code == 404


def test_it_refuses_other_methods(editor, meeting):
    assert client_for(editor).delete(url(meeting)).status_code == 405


def test_it_runs_the_same_queries_whatever_the_number_of_members(editor, meeting):
    def fill(count: int) -> None:
        for _ in range(count):
            member = BodyMemberFactory(body=meeting.body, person=PersonFactory())
            MeetingAttendanceFactory(meeting=meeting, member=member)
            LoggedDecisionFactory(experiment=meeting.body.owner, body=meeting.body, meeting=meeting)

    client = client_for(editor)
    fill(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(meeting)).status_code == 200
    fill(27)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(meeting))
    assert response.text.count('class="attendance-choice"') == 30
    assert len(many) == len(few)
