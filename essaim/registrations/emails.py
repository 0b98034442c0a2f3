"""The e-mails sent to registrants, written from the templates in
``registrations/templates/registrations/emails/``.

Each message is recorded as a :class:`SentMessage`, and sent through the task queue once the
transaction that recorded it is committed (with the database queue, the task's row is written in
that same transaction). The meeting link of an online session is written only in messages to
confirmed registrants."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django_tasks_db.backend import DatabaseBackend

from essaim.mail.tasks import about, attachment, send_email
from essaim.registrations.models import (
    MessageKind,
    PendingReason,
    Registration,
    SentMessage,
    Status,
)
from essaim.trainings.calendar import calendar_of, session_filename, slot_event
from essaim.trainings.models import Slot, TrainingSession

CALENDAR_MIMETYPE = "text/calendar"


@dataclass(frozen=True)
class Message:
    kind: MessageKind
    subject: str
    body: str
    to: list[str]
    reply_to: list[str] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def personal_url(registration: Registration) -> str:
    return absolute(reverse("registrations:mine", args=[registration.token]))


def membership_form_url(registration: Registration) -> str:
    """The membership form, pre-filled from the registration; "" while it does not exist."""
    try:
        path = reverse("memberships:application_form")
    except NoReverseMatch:
        return ""
    return absolute(f"{path}?inscription={registration.token}")


def attended_slots(registration: Registration) -> list[Slot]:
    """The slots the registrant chose, in the order of the programme (all of them when the
    registration has none recorded)."""
    chosen = sorted(
        registration.slots.all(), key=lambda slot: (slot.date, slot.start_time, slot.pk)
    )
    return chosen or list(registration.session.slots.all())


def registrant_calendar(registration: Registration, slots: list[Slot] | None = None) -> bytes:
    """The slots the registrant attends as an .ics file; the meeting link only for a confirmed
    registrant."""
    session = registration.session
    url = absolute(session.get_absolute_url())
    events = [
        slot_event(slot, session, url=url, meeting_url=registration.meeting_url)
        for slot in (attended_slots(registration) if slots is None else slots)
    ]
    return calendar_of(events, name=session.title)


def outcome_message(registration: Registration) -> Message:
    """What a registrant is told when their registration is decided: confirmed (with the .ics),
    pending (how to pay the *cotisation*) or on the waiting list (their position)."""
    if registration.is_confirmed:
        return confirmation_message(registration)
    if registration.status == Status.PENDING:
        return _message(
            registration,
            MessageKind.PENDING,
            "Inscription en attente",
            "pending",
            membership_url=membership_form_url(registration),
            for_membership=registration.pending_reason == PendingReason.MEMBERSHIP,
        )
    return _message(
        registration,
        MessageKind.WAITING,
        "Liste d'attente",
        "waiting",
        position=registration.waiting_position(),
    )


def confirmation_message(registration: Registration) -> Message:
    session = registration.session
    slots = attended_slots(registration)
    calendar = attachment(
        session_filename(session), registrant_calendar(registration, slots), CALENDAR_MIMETYPE
    )
    return _message(
        registration,
        MessageKind.CONFIRMATION,
        "Inscription confirmée",
        "confirmation",
        slots=slots,
        attachments=[calendar],
    )


def offer_message(registration: Registration) -> Message:
    return _message(
        registration,
        MessageKind.OFFER,
        "Une place s'est libérée",
        "offer",
        accept_url=absolute(reverse("registrations:accept", args=[registration.token])),
    )


def offer_expired_message(registration: Registration) -> Message:
    return _message(
        registration, MessageKind.OFFER_EXPIRED, "Place non confirmée à temps", "offer_expired"
    )


def cancellation_message(registration: Registration) -> Message:
    return _message(registration, MessageKind.CANCELLATION, "Inscription annulée", "cancellation")


def refusal_message(registration: Registration, *, reason: str) -> Message:
    return _message(
        registration, MessageKind.REFUSAL, "Inscription non retenue", "refusal", reason=reason
    )


def reminder_message(registration: Registration) -> Message:
    return _message(registration, MessageKind.REMINDER, "Rappel", "reminder")


def send(
    message: Message, *, registration: Registration, session: TrainingSession, by=None
) -> SentMessage:
    """Record ``message`` and send it once the current transaction is committed."""
    sent = SentMessage.objects.create(
        session=session,
        registration=registration,
        kind=message.kind,
        subject=message.subject[:250],
        body=message.body,
        recipient_count=len(message.to),
        sent_by=by if by is not None and by.is_authenticated else None,
    )
    payload = {
        "subject": message.subject,
        "body": message.body,
        "to": message.to,
        "reply_to": message.reply_to,
        "attachments": message.attachments,
        "about": about(session),
    }
    if isinstance(send_email.get_backend(), DatabaseBackend):
        # The task's row is written in the same transaction: the worker sees it once committed,
        # and it goes with the transaction when that is rolled back.
        send_email.enqueue(**payload)
    else:
        transaction.on_commit(lambda: send_email.enqueue(**payload))
    return sent


def _message(
    registration: Registration,
    kind: MessageKind,
    subject: str,
    template: str,
    *,
    slots: list[Slot] | None = None,
    attachments: list[dict] | None = None,
    **context,
) -> Message:
    session = registration.session
    slots = attended_slots(registration) if slots is None else slots
    context.update(
        registration=registration,
        session=session,
        slots=slots,
        session_url=absolute(session.get_absolute_url()),
        personal_url=personal_url(registration),
        meeting_url=registration.meeting_url,
    )
    return Message(
        kind=kind,
        subject=f"{subject} : {session.title}",
        body=render_to_string(f"registrations/emails/{template}.txt", context),
        to=[registration.email],
        reply_to=[session.contact_email] if session.contact_email else [],
        attachments=attachments or [],
    )
