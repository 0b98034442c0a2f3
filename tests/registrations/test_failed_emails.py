"""The organisers see, on the « Inscriptions » tab, the e-mails about the session that could
not be sent: to whom, about what, and why."""

import pytest
from django.urls import reverse

from essaim.registrations import services
from essaim.registrations.models import Status
from tests.conftest import client_for
from tests.mail.test_failures import UNREACHABLE
from tests.registrations.factories import RegistrationFactory
from tests.registrations.test_manage import text_of
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsent_offer(training_session, settings, django_capture_on_commit_callbacks):
    """A place freed and offered to the first person waiting, whose e-mail cannot leave."""
    training_session.capacity = 1
    training_session.save()
    leaving = RegistrationFactory(session=training_session)
    waiting = RegistrationFactory(
        session=training_session, status=Status.WAITING, email="claude@example.org"
    )
    settings.MAILERS = UNREACHABLE
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(leaving)
    return waiting


def test_the_tab_lists_the_emails_that_could_not_be_sent(training_session, reader, unsent_offer):
    response = client_for(reader).get(reverse("registrations:manage", args=[training_session.pk]))

    text = text_of(response)
    assert "2 e-mails non envoyés" in text  # the cancellation and the place offered
    assert "claude@example.org" in text
    assert f"Une place s'est libérée : {training_session.title}" in text
    assert "Le serveur d'envoi n'a pas pu être joint ou a refusé le message." in text


def test_the_failures_are_shown_only_on_their_session(owner, unsent_offer):
    other = TrainingSessionFactory()
    other.grant(owner, "owner")

    response = client_for(owner).get(reverse("registrations:manage", args=[other.pk]))

    assert response.context["failed_emails"] == []
    assert "non envoyé" not in text_of(response)


def test_the_failures_stay_private(training_session, outsider, unsent_offer):
    response = client_for(outsider).get(reverse("registrations:manage", args=[training_session.pk]))

    assert response.status_code == 404
    assert "claude@example.org" not in response.content.decode()
