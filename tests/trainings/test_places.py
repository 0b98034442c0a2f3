"""The places of a session, counted by the app that takes registrations through the hooks the
catalogue owns (``trainings/places.py``)."""

import pytest
from django.utils import timezone

from essaim.registrations.models import Status
from essaim.trainings import places
from essaim.trainings.models import TrainingSession
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_it_counts_the_registrations_of_each_session():
    session = TrainingSessionFactory(capacity=10)
    for status in [Status.CONFIRMED, Status.CONFIRMED, Status.PENDING]:
        RegistrationFactory(session=session, status=status)
    RegistrationFactory(session=session, status=Status.OFFERED, offer_expires_at=timezone.now())
    RegistrationFactory(session=session, status=Status.WAITING)
    RegistrationFactory(session=session, status=Status.CANCELLED)
    TrainingSessionFactory()  # another session, without registrations

    counted = TrainingSession.objects.with_registration_counts().get(pk=session.pk)

    assert (counted.places_taken, counted.confirmed_count) == (4, 2)
    assert (counted.waiting_count, counted.awaiting_count) == (1, 2)
    assert counted.places_left == 6


def test_places_added_are_offered_to_the_people_waiting():
    session = TrainingSessionFactory(capacity=1)
    RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status=Status.WAITING, confirmed_at=None)
    session.capacity = 3
    session.save(update_fields=["capacity"])

    assert places.offer_added_places(session) == 1
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


def test_without_an_app_taking_registrations_a_session_has_none(monkeypatch):
    monkeypatch.setattr(places, "HOOKS", places.PlaceHooks())
    session = TrainingSessionFactory(capacity=10)
    RegistrationFactory(session=session)

    counted = TrainingSession.objects.with_registration_counts().get(pk=session.pk)

    assert [getattr(counted, name) for name in places.COUNTS] == [0, 0, 0, 0]
    assert places.offer_added_places(session) == 0
