"""When a session takes registrations, and what a members-only session offers to download."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.trainings.models import Access
from tests.conftest import client_for
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


def test_it_closes_at_the_first_slot_or_the_deadline():
    session = TrainingSessionFactory()
    start = session.first_start()
    assert session.registration_open(start - datetime.timedelta(minutes=1))
    assert not session.registration_open(start)
    session.registration_deadline = start - datetime.timedelta(days=2)
    assert not session.registration_open(start - datetime.timedelta(days=1))


def test_without_a_programme_it_closes_on_its_first_day():
    today = timezone.localdate()
    past = TrainingSessionFactory(start_date=today - datetime.timedelta(days=400), with_slot=False)
    assert not past.registration_open()
    coming = TrainingSessionFactory(start_date=today + datetime.timedelta(days=3), with_slot=False)
    assert coming.registration_open()


def test_a_members_only_session_links_to_the_membership_form():
    session = TrainingSessionFactory(access=Access.MEMBERS)
    text = client_for(None).get(session.get_absolute_url()).content.decode()
    assert reverse("memberships:application_form") in text
    assert "télécharger le bulletin de cotisation" in text
    free = TrainingSessionFactory(access=Access.FREE)
    assert (
        reverse("memberships:application_form")
        not in client_for(None).get(free.get_absolute_url()).content.decode()
    )
