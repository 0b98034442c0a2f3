"""The e-mails that could not be sent keep their recipients' addresses: they belong to those
people's data, go with an erasure, and are deleted after a month whatever happens next."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from essaim.core import personal_data
from essaim.mail.models import FailedEmail
from essaim.privacy.scheduled import delete_old_email_failures
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"


def failure(recipients: str, *, days_ago: int = 0) -> FailedEmail:
    session = TrainingSessionFactory()
    return FailedEmail.objects.create(
        content_type=ContentType.objects.get_for_model(session),
        object_id=session.pk,
        recipients=recipients,
        subject="Place proposée : Atelier compost",
        reason="le serveur d'envoi n'a pas pu être joint ou a refusé le message",
        failed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_a_failure_to_the_address_is_part_of_the_person_s_data_and_exported():
    mine = failure(f"{EMAIL.upper()}, autre@example.org")
    failure(f"anne{EMAIL}")  # another address that merely contains it

    data = personal_data.find_personal_data(EMAIL, today=timezone.localdate())

    assert data.get("envois_en_echec").records == [mine]
    exported = personal_data.export_personal_data(data)["envois_en_echec"]
    assert exported == [
        {
            "objet": "Place proposée : Atelier compost",
            "raison": "le serveur d'envoi n'a pas pu être joint ou a refusé le message",
            "echec_le": mine.failed_at.isoformat(),
        }
    ]
    # A failure alone does not make an address known.
    assert data.is_empty


def test_erasure_deletes_the_failures_to_the_address_only():
    failure(EMAIL)
    other = failure(f"anne{EMAIL}")

    data = personal_data.find_personal_data(EMAIL, today=timezone.localdate())
    done = personal_data.erase_personal_data(data, now=timezone.now())

    assert "1 e-mail non envoyé effacé" in done
    assert list(FailedEmail.objects.all()) == [other]


def test_failures_go_after_a_month_even_when_no_other_fails():
    failure("a@example.org", days_ago=31)
    recent = failure("b@example.org", days_ago=29)

    assert delete_old_email_failures(timezone.now()) == 1

    assert list(FailedEmail.objects.all()) == [recent]
