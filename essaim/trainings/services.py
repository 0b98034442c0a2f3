"""The organiser's workflows on the catalogue: create a cycle or a session, publish it, duplicate
it to prepare the next one. Each owns its transaction and writes the history."""

import datetime

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.roles.models import Role
from essaim.trainings.models import (
    Cycle,
    RegistrationQuestion,
    Speaker,
    Testimony,
    TrainingSession,
)


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
