"""The organiser's workflows on the catalogue: create a cycle or a session, publish it, duplicate
it to prepare the next one, tell the registrants when a slot moves or is cancelled. Each owns
its transaction and writes the history."""

import dataclasses
import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.accounts.models import User
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.mail.tasks import about, attachment, send_email
from essaim.roles.models import Role
from essaim.trainings.calendar import calendar_of, session_filename, slot_event
from essaim.trainings.formatting import slot_line
from essaim.trainings.models import (
    Cycle,
    RegistrationQuestion,
    Slot,
    Speaker,
    Testimony,
    TrainingSession,
)
from essaim.trainings.places import registrants_of


class CatalogueError(DomainError):
    """A change refused; the message is French."""


def create_cycle(*, cycle: Cycle, by: User) -> Cycle:
    """Save the new ``cycle`` (from its form) with an address of its own; ``by`` owns it."""
    with transaction.atomic():
        cycle.slug = Cycle.unique_slug(cycle.title)
        cycle.created_by = by
        cycle.save()
        cycle.grant(by, Role.OWNER, by=by)
        cycle.log_action(by, "created", f"Cycle « {cycle.title} » créé")
    return cycle


def create_session(*, session: TrainingSession, by: User) -> TrainingSession:
    """Save the new ``session`` (from its form), unpublished, with an address of its own;
    ``by`` owns it."""
    with transaction.atomic():
        session.slug = TrainingSession.unique_slug(session.title, session.start_date)
        session.created_by = by
        session.published = False
        session.save()
        session.grant(by, Role.OWNER, by=by)
        session.log_action(by, "created", f"Session « {session.title} » créée")
    return session


def set_published(*, session: TrainingSession, published: bool, by: User) -> None:
    """Publish the session (its page, its calendar and its registration open to everyone) or
    withdraw it. A session without any slot has nothing to announce yet."""
    if published == session.published:
        return
    if published and not session.slots.exists():
        raise CatalogueError(
            "Ajoutez au moins une séance au programme (date et horaires) avant de publier."
        )
    with transaction.atomic():
        session.published = published
        session.save(update_fields=["published", "updated_at"])
        if published:
            session.log_action(by, "published", "Session publiée")
        else:
            session.log_action(by, "unpublished", "Session retirée de la publication")


def _moved_by_days(moment: datetime.datetime, shift: datetime.timedelta) -> datetime.datetime:
    """``moment`` moved by ``shift`` days on the local clock: 23h59 stays 23h59 when the copy
    falls on the other side of a change to or from summer time."""
    wall_clock = timezone.localtime(moment).replace(tzinfo=None)
    return timezone.make_aware(wall_clock + shift)


def duplicate_session(
    *, session: TrainingSession, start_date: datetime.date, by: User
) -> TrainingSession:
    """A copy of ``session`` starting on ``start_date``: its announcement, practicalities,
    slots (moved by as many days), speakers, testimonies and questions; unpublished, without
    registrations, owned by ``by``."""
    shift = start_date - session.start_date
    with transaction.atomic():
        copy = TrainingSession.objects.get(pk=session.pk)
        copy.pk = None
        copy._state.adding = True
        copy.start_date = session.start_date + shift
        copy.end_date = session.end_date + shift
        if session.registration_deadline is not None:
            copy.registration_deadline = _moved_by_days(session.registration_deadline, shift)
        copy.slug = TrainingSession.unique_slug(session.title, copy.start_date)
        copy.published = False
        copy.illustrative = False
        copy.personal_data_anonymised_at = None
        copy.created_by = by
        copy.created_at = timezone.now()
        copy.save()
        copy.grant(by, Role.OWNER, by=by)
        new_slots = {}
        for slot in session.slots.all():
            old_pk = slot.pk
            slot.pk, slot.session, slot.date = None, copy, slot.date + shift
            slot.save()
            new_slots[old_pk] = slot
        Speaker.objects.bulk_create(
            Speaker(
                session=copy,
                person_id=speaker.person_id,
                name=speaker.name,
                function=speaker.function,
                organisation_name=speaker.organisation_name,
                role=speaker.role,
                position=speaker.position,
            )
            for speaker in session.speakers.all()
        )
        Testimony.objects.bulk_create(
            Testimony(
                session=copy,
                slot=new_slots.get(testimony.slot_id),
                title=testimony.title,
                presenters=testimony.presenters,
                experiment_id=testimony.experiment_id,
                position=testimony.position,
            )
            for testimony in session.testimonies.all()
        )
        RegistrationQuestion.objects.bulk_create(
            RegistrationQuestion(
                session=copy,
                label=question.label,
                kind=question.kind,
                choices=question.choices,
                required=question.required,
                position=question.position,
            )
            for question in session.questions.all()
        )
        original = f"« {session.title} » du {french.long_date(session.start_date)}"
        copy.log_action(by, "duplicated", f"Session créée en dupliquant {original}")
        session.log_action(
            by,
            "duplicated",
            f"Session dupliquée pour le {french.long_date(copy.start_date)}",
        )
    return copy


def tell_registrants_of_new_time(*, slot: Slot, before: str, by: User) -> int:
    """E-mail everyone who follows ``slot`` its new date and times (``before``: the old ones,
    « Jeudi 9 novembre 2023, 10h30-12h »), with the slot as a calendar event that replaces the
    one they hold (same uid); returns how many were told. The e-mails leave once the
    transaction that changed the slot is committed."""
    after = slot_line(slot.date, slot.start_time, slot.end_time)
    return _tell_registrants(
        slot=slot,
        by=by,
        subject="Changement d'horaire",
        template="slot_moved",
        history=f"du changement d'horaire d'une séance ({before} → {after})",
        before=before,
        after=after,
    )


def tell_registrants_of_cancelled_slot(*, slot: Slot, by: User) -> int:
    """E-mail everyone who follows ``slot`` (still saved) that it is cancelled, with the
    event marked cancelled for their calendar; returns how many were told. Call it before the
    slot is deleted, in the same transaction."""
    when = slot_line(slot.date, slot.start_time, slot.end_time, capital=False)
    return _tell_registrants(
        slot=slot,
        by=by,
        subject="Séance annulée",
        template="slot_cancelled",
        history=f"de l'annulation de la séance du {when}",
        when=when,
    )


def _tell_registrants(
    *, slot: Slot, by: User, subject: str, template: str, history: str, **context
) -> int:
    session = slot.session
    registrants = registrants_of(slot)
    if not registrants:
        return 0
    cancelled = template == "slot_cancelled"
    session_url = settings.SITE_URL + session.get_absolute_url()
    payloads = []
    for registrant in registrants:
        event = slot_event(slot, session, url=session_url, meeting_url=registrant.meeting_url)
        if cancelled:
            event = dataclasses.replace(event, cancelled=True)
        calendar = calendar_of([event], name=session.title, method="CANCEL" if cancelled else "")
        body = render_to_string(
            f"trainings/emails/{template}.txt",
            {
                **context,
                "registrant": registrant,
                "session": session,
                "slot": slot,
                "session_url": session_url,
            },
        )
        payloads.append(
            {
                "subject": f"{subject} : {session.title}",
                "body": body,
                "to": [registrant.email],
                "reply_to": [session.contact_email] if session.contact_email else [],
                "attachments": [attachment(session_filename(session), calendar, "text/calendar")],
                "about": about(session),
            }
        )
    for payload in payloads:
        transaction.on_commit(lambda payload=payload: send_email.enqueue(**payload))
    told = french.counted(len(payloads), "inscrit·e prévenu·e", "inscrit·es prévenu·es")
    session.log_action(by, "updated", f"Programme : {told} {history}")
    return len(payloads)
