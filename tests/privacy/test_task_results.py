"""The rows of background tasks keep every e-mail's recipients, text and attachments: pruned a
few days after they finish, and deleted with the person's data."""

import datetime

import pytest
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaim.core import personal_data
from essaim.core.scheduled import JOBS
from essaim.core.tasks import task_results_mentioning
from essaim.mail.tasks import attachment, send_email
from essaim.privacy import services
from essaim.privacy.scheduled import anonymise_expired_registrations, prune_finished_tasks
from tests.privacy.factories import full_registrant, past_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]
EMAIL = "maia.roussel@example.org"
LONG_AGO = 40 * 31  # past any session's retention period


def mail_to(address: str, *, status=TaskResultStatus.READY, days_ago: int = 0) -> DBTaskResult:
    """A stored e-mail to ``address``, with a certificate attached; finished ``days_ago``."""
    result = send_email.enqueue(
        subject="Votre attestation de présence",
        body=f"Bonjour, voici votre attestation ({address}).",
        to=[address],
        attachments=[attachment("attestation.pdf", b"%PDF Maia Roussel", "application/pdf")],
    )
    finished = timezone.now() - datetime.timedelta(days=days_ago)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=status, finished_at=None if status == TaskResultStatus.READY else finished
    )
    return DBTaskResult.objects.get(pk=result.id)


def remaining() -> set:
    return set(DBTaskResult.objects.values_list("pk", flat=True))


def test_finished_tasks_are_pruned_after_their_delay_and_waiting_ones_never():
    sent_long_ago = mail_to("a@example.org", status=TaskResultStatus.SUCCESSFUL, days_ago=8)
    sent_lately = mail_to("b@example.org", status=TaskResultStatus.SUCCESSFUL, days_ago=6)
    failed_long_ago = mail_to("c@example.org", status=TaskResultStatus.FAILED, days_ago=31)
    failed_lately = mail_to("d@example.org", status=TaskResultStatus.FAILED, days_ago=8)
    waiting = mail_to("e@example.org")
    DBTaskResult.objects.filter(pk=waiting.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(days=60)
    )

    assert prune_finished_tasks(timezone.now()) == 2

    assert remaining() == {sent_lately.pk, failed_lately.pk, waiting.pk}
    assert {sent_long_ago.pk, failed_long_ago.pk}.isdisjoint(remaining())


@override_settings(TASK_RESULTS_KEPT_DAYS=1, FAILED_TASK_RESULTS_KEPT_DAYS=3)
def test_the_delays_are_settings():
    sent = mail_to("a@example.org", status=TaskResultStatus.SUCCESSFUL, days_ago=2)
    failed = mail_to("b@example.org", status=TaskResultStatus.FAILED, days_ago=2)

    prune_finished_tasks(timezone.now())

    assert remaining() == {failed.pk}
    assert sent.pk not in remaining()


def test_essaim_scheduled_prunes_them():
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("scheduled")
    assert prune_finished_tasks in [job.run for job in JOBS]


def test_an_address_is_found_whatever_its_case_and_accents_and_not_inside_another():
    mail_to("Maia.Roussel@Example.org")
    accented = mail_to("josé.nuñez@exemple.fr")
    other = mail_to("annemaia.roussel@example.org")
    longer = mail_to("maia.roussel@example.org.invalid")

    found = {row.pk for row in task_results_mentioning([EMAIL, "JOSÉ.nuñez@exemple.fr"])}

    assert accented.pk in found
    assert len(found) == 2
    assert {other.pk, longer.pk}.isdisjoint(found)


def test_retention_deletes_the_finished_tasks_of_the_registrants_only():
    session = past_session(ended_days_ago=LONG_AGO)
    full_registrant(session, first_name="Maïa", last_name="Roussel", email=EMAIL)
    sent = mail_to(EMAIL, status=TaskResultStatus.SUCCESSFUL, days_ago=1)
    failed = mail_to(EMAIL, status=TaskResultStatus.FAILED, days_ago=1)
    waiting = mail_to(EMAIL)
    someone_else = mail_to("hugo@example.org", status=TaskResultStatus.SUCCESSFUL, days_ago=1)

    assert anonymise_expired_registrations(timezone.now()) == 1

    assert remaining() == {waiting.pk, someone_else.pk}
    assert {sent.pk, failed.pk}.isdisjoint(remaining())


def test_erasure_deletes_every_task_mentioning_the_address_waiting_ones_included():
    full_registrant(past_session(ended_days_ago=60), email=EMAIL)
    mail_to(EMAIL, status=TaskResultStatus.SUCCESSFUL, days_ago=1)
    mail_to(EMAIL.upper())
    someone_else = mail_to("hugo@example.org")

    erasure = services.erase_personal_data(email=EMAIL)

    assert remaining() == {someone_else.pk}
    # The sent one went with the anonymised registration, the waiting one with the erasure.
    assert "1 e-mail en attente ou envoyé récemment supprimé" in erasure.done


def test_the_tasks_are_in_the_export_without_the_attachments_content():
    full_registrant(past_session(ended_days_ago=60), email=EMAIL)
    mail_to(EMAIL, status=TaskResultStatus.SUCCESSFUL, days_ago=1)

    document = services.export_personal_data(email=EMAIL)

    (sent,) = document["envois"]
    assert sent["etat"] == "terminée"
    assert sent["contenu"]["to"] == [EMAIL]
    assert sent["contenu"]["subject"] == "Votre attestation de présence"
    assert sent["pieces_jointes"] == ["attestation.pdf"]
    assert "%PDF" not in str(document) and "JVBER" not in str(document)


def test_a_task_alone_does_not_make_an_address_known():
    mail_to(EMAIL)

    assert not personal_data.holds_anything(EMAIL)
    assert services.find_personal_data(EMAIL).is_empty


def test_an_email_about_the_person_sent_to_someone_else_is_exported_without_its_content():
    full_registrant(past_session(ended_days_ago=60), email=EMAIL)
    send_email.enqueue(
        subject="Nouvelle inscription",
        body=f"Maïa Roussel ({EMAIL}) s'est inscrite.",
        to=["organisatrice@example.org"],
    )

    (sent,) = services.export_personal_data(email=EMAIL)["envois"]

    assert sent["contenu"] == "Votre adresse figure dans un envoi à une autre personne."
    assert "organisatrice" not in str(sent)
