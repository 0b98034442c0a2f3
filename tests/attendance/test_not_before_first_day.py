"""Before the day of its first slot, a session has no attendance to record and no certificate
to issue: the buttons are gone with the reason, and a request sent anyway is refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.attendance.halfdays import half_days
from essaim.attendance.models import Attendance, Certificate
from essaim.attendance.services import AttendanceError, check_in, not_open_yet
from essaim.lib import french
from essaim.roles.models import Role
from tests.attendance.factories import AttendanceFactory
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import SlotFactory, TrainingSessionFactory
from tests.trainings.test_public_session import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def coming(editor):
    """A session whose first slot is in three days (its first day is today: the slot of today
    was moved), one confirmed registrant."""
    today = timezone.localdate()
    session = TrainingSessionFactory(
        start_date=today, end_date=today + datetime.timedelta(days=5), with_slot=False
    )
    SlotFactory(session=session, date=today + datetime.timedelta(days=3))
    session.grant(editor, Role.EDITOR)
    registration = RegistrationFactory(session=session, first_name="Agnès", last_name="Varda")
    return session, registration


def first_day_message(session) -> str:
    return f"La session commence le {french.weekday_date(session.slots.get().date)}"


def test_the_tab_says_why_nothing_can_be_recorded_yet_and_hides_the_buttons(coming, editor):
    session, _ = coming
    page = text_of(client_for(editor).get(reverse("attendance:manage", args=[session.pk])))
    assert first_day_message(session) in page
    assert "les présences se relèvent et les attestations s'établissent à partir de ce jour" in page
    assert "Enregistrer les présences" not in page
    assert "Pointer sur téléphone" not in page
    assert "Importer un rapport de connexion" not in page
    assert "Feuille d'émargement" in page  # printed beforehand


def test_the_grid_refuses_a_presence_before_the_first_day(coming, editor):
    session, registration = coming
    slot = session.slots.get()
    response = client_for(editor).post(
        reverse("attendance:manage", args=[session.pk]),
        {"present": f"{registration.pk}-{slot.pk}"},
        follow=True,
    )
    assert first_day_message(session) in text_of(response)
    assert not Attendance.objects.exists()


def test_check_in_is_shown_disabled_and_refused(coming, editor):
    session, registration = coming
    url = reverse("attendance:check_in", args=[session.pk])
    page = client_for(editor).get(url)
    assert first_day_message(session) in text_of(page)
    assert 'disabled aria-describedby="check-in-not-open"' in page.content.decode()
    day = half_days(session.slots.all())[0]
    response = client_for(editor).post(
        url, {"inscrit": registration.pk, "demi-journee": day.key}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 409
    assert first_day_message(session) in response.content.decode()
    assert not Attendance.objects.exists()
    with pytest.raises(AttendanceError):
        check_in(registration=registration, half_day=day, actor=editor)


def test_certificates_are_refused_before_the_first_day(coming, editor, mailoutbox):
    session, registration = coming
    AttendanceFactory(registration=registration, slot=session.slots.get())
    issue = reverse("attendance:certificate_pdf", args=[session.pk, registration.pk])
    response = client_for(editor).post(issue, follow=True)
    assert first_day_message(session) in text_of(response)
    send = reverse("attendance:send_certificates", args=[session.pk])
    response = client_for(editor).post(send, {"place": "Valence"}, follow=True)
    assert first_day_message(session) in text_of(response)
    assert not Certificate.objects.exists()
    assert not mailoutbox


def test_a_connection_report_waits_for_the_first_day(coming, editor):
    session, _ = coming
    response = client_for(editor).get(
        reverse("attendance:import_report", args=[session.pk]), follow=True
    )
    assert first_day_message(session) in text_of(response)


def test_recording_opens_on_the_day_of_the_first_slot(coming):
    session, _ = coming
    first_day = session.slots.get().date
    assert not_open_yet(session, today=first_day - datetime.timedelta(days=1))
    assert not_open_yet(session, today=first_day) == ""
    assert not_open_yet(session, today=first_day + datetime.timedelta(days=30)) == ""
