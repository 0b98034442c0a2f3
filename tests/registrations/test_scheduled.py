"""The hourly jobs: reminders before a session (once, to confirmed registrants, with the meeting
link), and places offered but not confirmed in time."""

import datetime

import pytest

from essaim.core.scheduled import run_scheduled_jobs
from essaim.registrations import scheduled, services
from essaim.registrations.models import MessageKind, Registration, SentMessage, Status
from essaim.trainings.models import Format
from tests.registrations.helpers import NOW, person, session_of

pytestmark = pytest.mark.django_db
MEETING = "https://visio.example.org/essaim-session"
DAY = datetime.timedelta(days=1)


@pytest.fixture
def session():
    """Starts on 10 March 2031 at 10h30 (Paris); reminder two days before."""
    return session_of(start=datetime.date(2031, 3, 10), reminder_days=2, capacity=2)


@pytest.fixture
def remind(mailoutbox, django_capture_on_commit_callbacks):
    def run(now):
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            count = scheduled.send_reminders(now)
        assert count == len(mailoutbox) - before
        return mailoutbox[before:]

    return run


def at(day: int, hour: int = 8) -> datetime.datetime:
    return datetime.datetime(2031, 3, day, hour, tzinfo=datetime.UTC)


def test_confirmed_registrants_are_reminded_once_with_the_meeting_link(session, remind):
    confirmed = services.register(
        session, data=person(1, accessibility_needs="Sous-titrage"), now=NOW
    )
    services.register(session, data=person(2), now=NOW)
    waiting = services.register(session, data=person(3), now=NOW)
    assert remind(at(7)) == []  # three days before: too early
    sent = remind(at(8))
    assert sorted(m.to[0] for m in sent) == [confirmed.email, "camille.martin2@example.org"]
    message = next(m for m in sent if m.to == [confirmed.email])
    assert message.subject.startswith("Rappel : ")
    assert f"Pour vous connecter : {MEETING}" in message.body
    assert "Vos besoins d'adaptation : Sous-titrage" in message.body
    assert remind(at(8, 9)) == []  # the next run: nothing twice
    assert remind(at(9)) == []
    assert waiting.email not in [m.to[0] for m in sent]
    confirmed.refresh_from_db()
    assert confirmed.reminded_at == at(8)
    assert SentMessage.objects.filter(kind=MessageKind.REMINDER).count() == 2


def test_someone_confirmed_after_the_reminders_is_reminded_at_the_next_run(session, remind):
    holder = services.register(session, data=person(1), now=NOW)
    services.register(session, data=person(2), now=NOW)
    late = services.register(session, data=person(3), now=NOW)
    remind(at(8))
    services.cancel(holder, now=at(8, 10))
    services.accept_offer(late, now=at(8, 11))
    (message,) = remind(at(8, 12))
    assert message.to == [late.email]
    assert MEETING in message.body


def test_demo_registrants_are_never_reminded(session, remind):
    real = services.register(session, data=person(1), now=NOW)
    demo = services.register(session, data=person(2), now=NOW)
    Registration.objects.filter(pk=demo.pk).update(illustrative=True)
    assert [message.to for message in remind(at(8))] == [[real.email]]


def test_no_reminder_once_the_session_has_started_or_when_none_is_wanted(remind):
    started = session_of(start=datetime.date(2031, 3, 10), reminder_days=2)
    services.register(started, data=person(1), now=NOW)
    assert remind(at(10, 12)) == []
    silent = session_of(start=datetime.date(2031, 3, 20), reminder_days=0)
    services.register(silent, data=person(2), now=NOW)
    assert remind(at(19)) == []


def test_an_in_person_reminder_gives_the_place_and_no_link(remind):
    session = session_of(
        start=datetime.date(2031, 3, 10),
        format=Format.IN_PERSON,
        venue="Maison du Parc",
        address="Saint-Pierre-de-Chartreuse",
    )
    services.register(session, data=person(), now=NOW)
    (message,) = remind(at(8))
    assert "Lieu : Maison du Parc, Saint-Pierre-de-Chartreuse." in message.body
    assert MEETING not in message.body


def test_the_person_whose_offer_expired_is_told(
    session, mailoutbox, django_capture_on_commit_callbacks
):
    holder = services.register(session, data=person(1), now=NOW)
    services.register(session, data=person(2), now=NOW)
    late = services.register(session, data=person(3), now=NOW)
    services.cancel(holder, now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled.expire_offers(NOW + 49 * datetime.timedelta(hours=1)) == 1
    (message,) = [m for m in mailoutbox if m.to == [late.email]][-1:]
    assert message.subject.startswith("Place non confirmée à temps : ")
    assert "proposée à la personne suivante" in message.body
    assert (
        SentMessage.objects.filter(kind=MessageKind.OFFER_EXPIRED, registration=late).count() == 1
    )


def test_offers_not_taken_in_time_expire_and_go_to_the_next_person(session):
    holders = [services.register(session, data=person(n), now=NOW) for n in (1, 2)]
    late, next_one = (services.register(session, data=person(n), now=NOW) for n in (3, 4))
    services.cancel(holders[0], now=NOW)
    assert scheduled.expire_offers(NOW + 47 * datetime.timedelta(hours=1)) == 0
    assert scheduled.expire_offers(NOW + 49 * datetime.timedelta(hours=1)) == 1
    assert Registration.objects.get(pk=late.pk).status == Status.EXPIRED
    assert Registration.objects.get(pk=next_one.pk).status == Status.OFFERED


def test_the_jobs_run_with_the_others():
    labels = [label for label, _ in run_scheduled_jobs(NOW)]
    assert "Rappels envoyés aux inscrits avant les sessions" in labels
    assert any(label.startswith("Places libérées non confirmées") for label in labels)
    assert any(label.startswith("Récapitulatif des nouvelles inscriptions") for label in labels)
