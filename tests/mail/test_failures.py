"""A message that cannot be sent is kept, with the reason in French, about what it concerns."""

import datetime

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone

from essaim.mail.models import FailedEmail
from essaim.mail.tasks import about, send_email
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 5},
    }
}


def test_a_subject_kept_on_two_lines_is_sent_on_one(mailoutbox):
    result = send_email.enqueue(
        subject="Place proposée : Atelier\r\ncompost", body="Bonjour", to=["a@example.org"]
    )

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert mailoutbox[0].subject == "Place proposée : Atelier compost"


def test_a_failure_is_kept_about_its_object_with_the_reason_in_french(settings):
    settings.MAILERS = UNREACHABLE
    session = TrainingSessionFactory()

    result = send_email.enqueue(
        subject="Place proposée", body="Bonjour", to=["camille@example.org"], about=about(session)
    )

    assert result.status == TaskResultStatus.FAILED
    failure = FailedEmail.objects.about(session).get()
    assert failure.target == session
    assert (failure.recipients, failure.subject) == ("camille@example.org", "Place proposée")
    assert failure.reason == "le serveur d'envoi n'a pas pu être joint ou a refusé le message"


def test_a_failure_about_nothing_is_not_kept(settings):
    settings.MAILERS = UNREACHABLE

    result = send_email.enqueue(subject="Essai", body="Bonjour", to=["a@example.org"])

    assert result.status == TaskResultStatus.FAILED
    assert not FailedEmail.objects.exists()


def test_old_failures_are_no_longer_shown_and_go_with_the_next_one(settings):
    settings.MAILERS = UNREACHABLE
    session = TrainingSessionFactory()
    send_email.enqueue(subject="Ancien", body="", to=["a@example.org"], about=about(session))
    FailedEmail.objects.update(failed_at=timezone.now() - datetime.timedelta(days=31))

    assert not FailedEmail.objects.about(session).exists()
    send_email.enqueue(subject="Nouveau", body="", to=["a@example.org"], about=about(session))
    assert list(FailedEmail.objects.values_list("subject", flat=True)) == ["Nouveau"]
