"""Retention: once a session's retention period is over, its registrants are anonymised by the
scheduled job; statistics stay."""

import datetime

import pytest
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from essaim.attendance.models import Attendance, Certificate
from essaim.core.models import HistoryEntry
from essaim.core.scheduled import JOBS
from essaim.privacy.scheduled import anonymise_expired_registrations
from essaim.registrations.anonymisation import ANONYMOUS_NAME, sessions_due
from essaim.registrations.models import Category, Registration, Status
from essaim.surveys.models import SurveyAnswer
from essaim.territories.models import Commune
from tests.organisations.factories import OrganisationFactory
from tests.privacy.factories import full_registrant, past_session
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

# 36 months after the session (the default) is at most 31 × 36 days.
LONG_AGO = 40 * 31
RECENTLY = 20 * 31


def test_it_anonymises_the_registrants_of_the_sessions_past_their_retention_only():
    due = past_session(ended_days_ago=LONG_AGO)
    recent = past_session(ended_days_ago=RECENTLY)
    kept_longer = past_session(ended_days_ago=LONG_AGO, retention_months=60)
    upcoming = TrainingSessionFactory()
    for session in (due, recent, kept_longer, upcoming):
        RegistrationFactory(session=session, first_name="Maïa", last_name="Roussel")

    count = anonymise_expired_registrations(timezone.now())

    assert count == 1
    assert list(
        Registration.objects.filter(anonymised_at__isnull=False).values_list("session", flat=True)
    ) == [due.pk]
    for session in (recent, kept_longer, upcoming):
        session.refresh_from_db()
        assert session.personal_data_anonymised_at is None
        assert session.registrations.get().full_name == "Maïa Roussel"
    due.refresh_from_db()
    assert due.personal_data_anonymised_at is not None


def test_it_drops_what_identifies_the_person_and_keeps_the_statistics():
    session = past_session(ended_days_ago=LONG_AGO)
    organisation = OrganisationFactory(name="Foyer rural du Diois")
    registrant = full_registrant(
        session,
        first_name="Maïa",
        last_name="Roussel",
        email="maia.roussel@example.org",
        organisation=organisation,
        organisation_name="Foyer rural du Diois",
        category=Category.CIVIL,
    )
    old_token = registrant.registration.token

    anonymise_expired_registrations(timezone.now())

    registration = Registration.objects.get(pk=registrant.registration.pk)
    assert registration.full_name == ANONYMOUS_NAME == "Participant·e anonymisé·e"
    assert registration.email == f"anonyme-{registration.pk}@anonyme.invalid"
    assert registration.phone == registration.accessibility_needs == ""
    assert registration.token != old_token
    assert registration.anonymised_at is not None
    # Statistics: who came, from where, in which category, and what they thought.
    assert registration.status == Status.CONFIRMED
    assert registration.category == Category.CIVIL
    assert registration.organisation == organisation
    assert registration.organisation_name == "Foyer rural du Diois"
    assert registration.commune == Commune.objects.get(insee_code="26108")
    assert registration.consent is True
    assert list(registration.slots.all()) == list(session.slots.all())
    assert Attendance.objects.get(pk=registrant.attendance.pk).minutes == 85
    assert Certificate.objects.get(registration=registration).number == (
        registrant.certificate.number
    )
    assert SurveyAnswer.objects.get(pk=registrant.survey_answer.pk).rating == 4
    # Free text goes, choices stay.
    answers = {answer.question.label: answer.value for answer in registration.answers.all()}
    assert answers == {
        "Présentez-vous en une phrase": "",
        "Avez-vous déjà mené une expérimentation ?": "Oui",
    }
    message = registration.messages.get()
    assert (message.subject, message.body) == ("Inscription confirmée", "")


def test_the_name_and_address_leave_the_session_history_too():
    session = past_session(ended_days_ago=LONG_AGO)
    jean = RegistrationFactory(
        session=session, first_name="Jean", last_name="Martin", email="jean.martin@example.org"
    )
    namesake = past_session(ended_days_ago=RECENTLY)
    RegistrationFactory(session=namesake, first_name="Jean", last_name="Martin")
    session.log_action(None, "registration", "Inscription de Jean Martin : confirmée")
    session.log_action(None, "registration", "Inscription de Jean Martinez : confirmée")
    session.log_action(
        None, "message", "Message envoyé", changes={"to": ["JEAN.MARTIN@example.org"]}
    )
    namesake.log_action(None, "registration", "Inscription de Jean Martin : confirmée")

    anonymise_expired_registrations(timezone.now())

    history = HistoryEntry.objects.of(session).order_by("pk")
    assert [entry.summary for entry in history][:3] == [
        "Inscription de Participant·e anonymisé·e : confirmée",
        "Inscription de Jean Martinez : confirmée",
        "Message envoyé",
    ]
    assert history[2].changes == {"to": [f"anonyme-{jean.pk}@anonyme.invalid"]}
    last = history.last()
    assert last.verb == "anonymised"
    assert last.summary == (
        "Durée de conservation écoulée (36 mois après la session) : 1 inscription anonymisée, "
        "statistiques conservées."
    )
    # Another session's history is not touched.
    assert HistoryEntry.objects.of(namesake).get().summary == (
        "Inscription de Jean Martin : confirmée"
    )


def test_every_registration_of_the_session_is_anonymised_whatever_its_status():
    session = past_session(ended_days_ago=LONG_AGO, capacity=2)
    for status in (Status.CONFIRMED, Status.CANCELLED, Status.WAITING, Status.REFUSED):
        RegistrationFactory(session=session, status=status)

    assert anonymise_expired_registrations(timezone.now()) == 4

    assert not session.registrations.filter(anonymised_at__isnull=True).exists()
    assert len(set(session.registrations.values_list("email", flat=True))) == 4


def test_running_it_again_changes_nothing():
    session = past_session(ended_days_ago=LONG_AGO)
    full_registrant(session)
    RegistrationFactory(session=session)
    now = timezone.now()
    assert anonymise_expired_registrations(now) == 2
    session.refresh_from_db()
    snapshot = list(session.registrations.values().order_by("pk"))
    history = HistoryEntry.objects.of(session).count()

    assert anonymise_expired_registrations(now + datetime.timedelta(hours=1)) == 0

    assert list(session.registrations.values().order_by("pk")) == snapshot
    assert HistoryEntry.objects.of(session).count() == history
    assert session.personal_data_anonymised_at == (
        type(session).objects.get(pk=session.pk).personal_data_anonymised_at
    )


def test_a_session_is_due_the_day_after_its_anonymisation_day():
    session = past_session(ended_days_ago=LONG_AGO)
    day = session.anonymise_after()

    assert session.pk not in sessions_due(day)
    assert session.pk in sessions_due(day + datetime.timedelta(days=1))


def test_a_session_already_anonymised_is_left_alone():
    session = past_session(ended_days_ago=LONG_AGO)
    session.personal_data_anonymised_at = timezone.now() - datetime.timedelta(days=3)
    session.save(update_fields=["personal_data_anonymised_at"])

    assert anonymise_expired_registrations(timezone.now()) == 0
    assert session.pk not in sessions_due(datetime.date.today())


def test_a_session_without_registrants_is_marked_done():
    session = past_session(ended_days_ago=LONG_AGO)

    assert anonymise_expired_registrations(timezone.now()) == 0

    session.refresh_from_db()
    assert session.personal_data_anonymised_at is not None
    assert (
        HistoryEntry.objects.of(session)
        .get()
        .summary.endswith("0 inscription anonymisée, statistiques conservées.")
    )


def test_essaim_scheduled_runs_it():
    autodiscover_modules("scheduled")
    labels = {job.label: job.run for job in JOBS}
    assert labels["Inscriptions anonymisées (durée de conservation écoulée)"] is (
        anonymise_expired_registrations
    )
