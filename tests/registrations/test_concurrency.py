"""Registrations at the same moment, in real transactions and threads, on the database the suite
runs on (PostgreSQL in CI: ``DATABASE_URL=postgres://…``; SQLite, whose immediate transactions
serialise writers, must hold the same promises): the capacity is never exceeded, a form sent
twice registers once, an address registers once, a freed place is offered once."""

import re
import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResult

from essaim.registrations import services
from essaim.registrations.models import MessageKind, Registration, SentMessage, Status
from essaim.registrations.services import RegistrationError
from tests.registrations.factories import RegistrationFactory
from tests.registrations.helpers import person
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

SEND_OUTCOME = "essaim.registrations.tasks.send_outcome"
POSITION = re.compile(r"en position (\d+)")


def waiting_for_locks(action: Callable[[], object]) -> object:
    """Run ``action``, waiting for the lock when SQLite's in-memory test database reports it.

    On a database file (production), ``busy_timeout`` makes SQLite wait for the writer before
    it; the in-memory test database shares one cache between threads, where SQLite reports
    « table is locked » at once instead. The action's transaction has then been rolled back as
    a whole, so running it again is what waiting would have done. PostgreSQL waits on its
    row locks and never raises this."""
    while True:
        try:
            return action()
        except OperationalError as error:
            if "is locked" not in str(error) or connection.vendor != "sqlite":
                raise
            time.sleep(0.005)


def run_together(actions: list[Callable[[], object]]) -> tuple[list, list[Exception]]:
    """Run each action in its own thread, all released at once; their results and errors."""
    start = threading.Barrier(len(actions))
    results, errors = [], []
    lock = threading.Lock()

    def run(action):
        try:
            start.wait(timeout=60)
            result = waiting_for_locks(action)
            with lock:
                results.append(result)
        except Exception as error:  # reported by the test, in the main thread
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def registering(session, data: dict) -> Callable[[], Registration]:
    return lambda: services.register(session, data=data)


def test_fifty_people_for_ten_places_gives_ten_confirmed_and_forty_waiting(
    database_tasks, mailoutbox
):
    session = TrainingSessionFactory(capacity=10)
    results, errors = run_together([registering(session, person(n)) for n in range(50)])
    assert errors == []
    assert len(results) == 50
    counts = Counter(session.registrations.values_list("status", flat=True))
    assert counts == {Status.CONFIRMED: 10, Status.WAITING: 40}
    assert services.places_left(session) == 0
    # Each person waiting has their own position, in the order they arrived.
    positions = [r.waiting_position() for r in session.registrations.waiting_in_order()]
    assert positions == list(range(1, 41))
    # Each registration queued its e-mail in its own transaction; the worker writes them.
    assert DBTaskResult.objects.filter(task_path=SEND_OUTCOME).count() == 50
    assert mailoutbox == []
    call_command("worker", batch=True, verbosity=0)
    assert len(mailoutbox) == 50
    told = Counter(message.subject.split(" : ")[0] for message in mailoutbox)
    assert told == {"Inscription confirmée": 10, "Liste d'attente": 40}
    said = sorted(
        int(POSITION.search(message.body)[1])
        for message in mailoutbox
        if POSITION.search(message.body)
    )
    assert said == list(range(1, 41))


def test_a_form_sent_twice_at_once_registers_once():
    session = TrainingSessionFactory()
    data = person(1, submission_key="le-meme-formulaire")
    results, errors = run_together([registering(session, data) for _ in range(5)])
    assert errors == []
    assert {registration.pk for registration in results} == {Registration.objects.get().pk}


def test_the_same_email_at_once_registers_once():
    session = TrainingSessionFactory()
    actions = [registering(session, person(1, submission_key=f"formulaire-{n}")) for n in range(5)]
    results, errors = run_together(actions)
    assert len(results) == 1
    assert len(errors) == 4
    assert all(isinstance(error, RegistrationError) for error in errors)
    assert {error.message for error in errors} == {services.ALREADY_REGISTERED}
    assert Registration.objects.count() == 1


def test_two_cancellations_at_once_offer_each_freed_place_once():
    session = TrainingSessionFactory(capacity=2)
    holders = RegistrationFactory.create_batch(2, session=session)
    waiting = RegistrationFactory.create_batch(3, session=session, status=Status.WAITING)
    _results, errors = run_together([lambda h=h: services.cancel(h) for h in holders])
    assert errors == []
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.OFFERED, Status.OFFERED, Status.WAITING]
    offers = SentMessage.objects.filter(kind=MessageKind.OFFER)
    assert sorted(offers.values_list("registration", flat=True)) == [r.pk for r in waiting[:2]]


def test_the_same_cancellation_twice_at_once_offers_one_place():
    session = TrainingSessionFactory(capacity=1)
    holder = RegistrationFactory(session=session)
    waiting = RegistrationFactory.create_batch(2, session=session, status=Status.WAITING)
    _results, errors = run_together([lambda: services.cancel(holder) for _ in range(2)])
    assert errors == []
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.OFFERED, Status.WAITING]
    assert SentMessage.objects.filter(kind=MessageKind.OFFER).count() == 1
    assert SentMessage.objects.filter(kind=MessageKind.CANCELLATION).count() == 1
