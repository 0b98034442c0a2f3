"""Background work of registrations: what a registrant is told once registered.

A registration holds its session's row locked until it commits; so that it holds it for as short
a time as possible, it writes only this task's row (with the database queue, in its own
transaction: the registration and the promise of its e-mail are committed together), and the
worker writes the message (and its calendar), records it and sends it."""

from django.db import transaction
from django.tasks import task
from django_tasks_db.backend import DatabaseBackend

from essaim.registrations import emails
from essaim.registrations.models import MessageKind, Registration, SentMessage, Status

# The states an outcome tells; a registration that left them before the worker ran (cancelled,
# offered a place) was told so by the message of that change.
TOLD_BY_THE_OUTCOME = (Status.CONFIRMED, Status.PENDING, Status.WAITING)
OUTCOME_KINDS = (MessageKind.CONFIRMATION, MessageKind.PENDING, MessageKind.WAITING)


@task()
def send_outcome(*, registration_id: int) -> bool:
    """Write, record and send what the registrant is told, once: confirmed (with the .ics),
    pending or on the waiting list (their position now). Returns whether this run sent it."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("session__organiser")
            .filter(pk=registration_id, anonymised_at__isnull=True)
            .first()
        )
        if registration is None or registration.status not in TOLD_BY_THE_OUTCOME:
            return False
        told = SentMessage.objects.filter(registration=registration, kind__in=OUTCOME_KINDS)
        if told.exists():
            return False
        message = emails.outcome_message(registration)
        emails.send(message, registration=registration, session=registration.session)
    return True


def send_outcome_later(registration: Registration) -> None:
    """Have the worker tell the registrant: with the database queue, the task's row is written
    in the current transaction; otherwise it is enqueued once that transaction is committed."""
    if isinstance(send_outcome.get_backend(), DatabaseBackend):
        send_outcome.enqueue(registration_id=registration.pk)
    else:
        transaction.on_commit(lambda: send_outcome.enqueue(registration_id=registration.pk))
