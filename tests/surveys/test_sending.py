"""Sending: each questionnaire goes out once, on its day, to each participant, with a personal
link; by the scheduled job or by the organiser's « Envoyer maintenant »."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.core.scheduled import run_scheduled_jobs
from essaim.registrations.models import Status
from essaim.surveys.models import Moment, SurveyInvitation
from essaim.surveys.scheduled import send_satisfaction_surveys
from essaim.surveys.services import create_default_surveys, send_survey
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.surveys.factories import (
    SurveyFactory,
    SurveyInvitationFactory,
    attend,
    page_text,
    past_session,
    visible_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_job(committed):
    """The scheduled job, its e-mails sent as when its transaction commits."""

    def run(now: datetime.datetime) -> int:
        with committed():
            return send_satisfaction_surveys(now)

    return run


@pytest.fixture
def send(committed):
    def send_now(**kwargs):
        with committed():
            return send_survey(**kwargs)

    return send_now


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def session():
    """A session that ended yesterday, with its two default questionnaires."""
    session = past_session(days_ago=1, contact_email="mylene.thou@example.org")
    create_default_surveys(session=session)
    return session


def hot_survey(session):
    return session.surveys.get(moment=Moment.HOT)


def test_the_job_sends_each_questionnaire_once_on_its_day(session, mailoutbox, run_job):
    ada = RegistrationFactory(session=session, first_name="Ada", email="ada@example.org")
    RegistrationFactory(session=session, first_name="Bruno", email="bruno@example.org")
    today = timezone.localdate()

    assert run_job(at(today - datetime.timedelta(days=1))) == 0  # too early
    assert run_job(at(today)) == 2
    assert run_job(at(today, 15)) == 0  # and never twice

    assert len(mailoutbox) == 2
    invitation = SurveyInvitation.objects.get(registration=ada)
    assert invitation.survey.moment == Moment.HOT
    message = next(m for m in mailoutbox if m.to == ["ada@example.org"])
    assert message.subject == f"Votre avis sur la session : « {session.title} »"
    assert message.body.startswith("Bonjour Ada,")
    assert settings.SITE_URL + f"/questionnaire/{invitation.token}/" in message.body
    assert "Le questionnaire compte 7 questions" in message.body
    assert message.reply_to == ["mylene.thou@example.org"]
    # Each e-mail carries its own personal link.
    other = next(m for m in mailoutbox if m.to == ["bruno@example.org"])
    assert invitation.token not in other.body

    # Six weeks later, the cold one; the hot one is not sent again.
    later = today + datetime.timedelta(days=41)
    assert run_job(at(later)) == 2
    assert len(mailoutbox) == 4
    assert {m.subject.split(" :")[0] for m in mailoutbox[2:]} == {"Six semaines après la session"}
    entries = list(HistoryEntry.objects.of(session).filter(verb="sent"))
    assert [e.summary for e in entries] == [
        "Questionnaire « Six semaines après la session » envoyé à 2 participant·es",
        "Questionnaire « Votre avis sur la session » envoyé à 2 participant·es",
    ]


def test_the_job_is_registered_with_the_scheduled_jobs(session, mailoutbox, committed):
    RegistrationFactory(session=session)
    with committed():
        results = dict(run_scheduled_jobs(at(timezone.localdate())))
    assert results["Questionnaires de satisfaction envoyés"] == 1
    assert len(mailoutbox) == 1


def test_only_attendees_are_asked_once_attendance_is_recorded(session, mailoutbox, send):
    present = RegistrationFactory(session=session, email="presente@example.org")
    absent = RegistrationFactory(session=session, email="absent@example.org")
    RegistrationFactory(session=session, email="muet@example.org")  # nothing recorded
    attend(present)
    attend(absent, present=False)

    send(survey=hot_survey(session))

    assert [m.to for m in mailoutbox] == [["presente@example.org"]]


def test_without_attendance_the_confirmed_registrants_are_asked(session, mailoutbox, send):
    RegistrationFactory(session=session, email="confirmee@example.org")
    for status in (Status.WAITING, Status.CANCELLED, Status.PENDING, Status.REFUSED):
        RegistrationFactory(session=session, status=status)

    send(survey=hot_survey(session))

    assert [m.to for m in mailoutbox] == [["confirmee@example.org"]]


def test_anonymised_registrations_are_never_contacted(session, mailoutbox, run_job, send):
    kept = RegistrationFactory(session=session, email="gardee@example.org")
    gone = RegistrationFactory(session=session, email="anonyme@example.org")
    gone.anonymised_at = timezone.now()
    gone.save(update_fields=["anonymised_at"])
    attend(kept)
    attend(gone)

    send(survey=hot_survey(session))
    assert [m.to for m in mailoutbox] == [["gardee@example.org"]]

    # A session whose personal data were all anonymised asks no one.
    session.personal_data_anonymised_at = timezone.now()
    session.save(update_fields=["personal_data_anonymised_at"])
    RegistrationFactory(session=session)
    cold = session.surveys.get(moment=Moment.COLD)
    assert send(survey=cold) == []
    assert run_job(at(timezone.localdate() + datetime.timedelta(days=41))) == 0
    assert len(mailoutbox) == 1


def test_inactive_questionnaires_do_not_leave_by_themselves(session, mailoutbox, run_job):
    RegistrationFactory(session=session)
    session.surveys.update(active=False)
    assert run_job(at(timezone.localdate())) == 0
    assert mailoutbox == []


def test_illustrative_sessions_send_nothing(owner, mailoutbox, run_job, committed):
    from essaim.roles.models import Role

    session = past_session(days_ago=1, illustrative=True)
    session.grant(owner, Role.OWNER)
    create_default_surveys(session=session)
    RegistrationFactory(session=session, illustrative=True)
    assert run_job(at(timezone.localdate())) == 0

    client = client_for(owner)
    page = visible_text(client.get(reverse("surveys:manage", args=[session.pk])))
    assert "Session d'exemple : aucun envoi automatique." in page
    assert "Envoyer maintenant" not in page
    with committed():
        response = client.post(send_url(session), follow=True)
    assert "Session d'exemple : ses questionnaires ne partent pas." in page_text(response)
    assert mailoutbox == []
    assert not SurveyInvitation.objects.exists()


def test_a_day_long_past_is_left_to_the_organiser(mailoutbox, run_job):
    """Questionnaires created for an old session do not surprise its participants."""
    session = past_session(days_ago=200)
    create_default_surveys(session=session)
    RegistrationFactory(session=session)
    assert run_job(at(timezone.localdate())) == 0
    assert mailoutbox == []


def test_a_changed_delay_moves_the_sending_day(session, mailoutbox, run_job):
    RegistrationFactory(session=session)
    session.surveys.filter(moment=Moment.HOT).update(send_after_days=3)
    today = timezone.localdate()
    assert run_job(at(today)) == 0
    assert run_job(at(today + datetime.timedelta(days=2))) == 1


def test_people_who_register_late_are_sent_it_at_the_next_run(session, mailoutbox, send):
    """A participant added after the sending (attendance entered late) gets it, alone."""
    RegistrationFactory(session=session, email="premiere@example.org")
    send(survey=hot_survey(session))
    late = RegistrationFactory(session=session, email="tardive@example.org")

    assert [i.registration for i in send(survey=hot_survey(session))] == [late]
    assert [m.to for m in mailoutbox] == [["premiere@example.org"], ["tardive@example.org"]]


# « Envoyer maintenant » --------------------------------------------------------------------


def send_url(session) -> str:
    return reverse("surveys:send_now", args=[session.pk, hot_survey(session).pk])


@pytest.fixture
def organised(session, owner, editor, reader):
    from essaim.roles.models import Role

    session.grant(owner, Role.OWNER)
    session.grant(editor, Role.EDITOR)
    session.grant(reader, Role.READER)
    return session


def test_an_editor_sends_a_questionnaire_now(organised, editor, mailoutbox, run_job, committed):
    RegistrationFactory(session=organised, email="ada@example.org")
    client = client_for(editor)
    page = visible_text(client.get(reverse("surveys:manage", args=[organised.pk])))
    assert "Envoyer maintenant le questionnaire à chaud" in page

    with committed():
        response = client.post(send_url(organised), follow=True)

    assert "« Votre avis sur la session » envoyé à 1 participant·e." in page_text(response)
    assert [m.to for m in mailoutbox] == [["ada@example.org"]]
    entry = HistoryEntry.objects.of(organised).get(verb="sent")
    assert entry.actor == editor

    with committed():
        response = client.post(send_url(organised), follow=True)
    assert "Chaque participant·e a déjà reçu ce questionnaire" in page_text(response)
    assert len(mailoutbox) == 1
    # Nobody left to send it to: the button is gone, the scheduled job sends nothing more.
    page = visible_text(client.get(reverse("surveys:manage", args=[organised.pk])))
    assert "Envoyer maintenant le questionnaire à chaud" not in page
    assert "Envoyer maintenant le questionnaire à froid" in page
    assert run_job(at(timezone.localdate())) == 0


def test_nothing_is_sent_now_before_the_session_ends(owner, mailoutbox, committed):
    from essaim.roles.models import Role
    from tests.trainings.factories import TrainingSessionFactory

    session = TrainingSessionFactory()  # in a month
    session.grant(owner, Role.OWNER)
    create_default_surveys(session=session)
    RegistrationFactory(session=session)

    with committed():
        response = client_for(owner).post(send_url(session), follow=True)

    assert "La session n'est pas terminée" in page_text(response)
    assert mailoutbox == []
    assert not SurveyInvitation.objects.exists()


def test_readers_and_outsiders_cannot_send(organised, reader, outsider, mailoutbox, committed):
    RegistrationFactory(session=organised)
    with committed():
        assert client_for(reader).post(send_url(organised)).status_code == 403
    assert client_for(outsider).post(send_url(organised)).status_code == 404
    assert client_for(reader).get(send_url(organised)).status_code == 405
    assert mailoutbox == []


def test_a_questionnaire_of_another_session_is_not_found(organised, owner):
    other = SurveyFactory()
    url = reverse("surveys:send_now", args=[organised.pk, other.pk])
    assert client_for(owner).post(url).status_code == 404


def test_an_invitation_is_unique_per_questionnaire_and_registration(session):
    from django.db import IntegrityError, transaction

    invitation = SurveyInvitationFactory(survey=hot_survey(session))
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyInvitation.objects.create(
            survey=invitation.survey, registration=invitation.registration
        )
