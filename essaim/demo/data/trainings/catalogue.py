"""Builds the demo cycles and sessions in the database, with their slots, speakers and
testimonies. Everything is updated in place, so that loading the demo twice duplicates
nothing, and a session whose date moves (the upcoming example) keeps its slots."""

import datetime

from django.utils import timezone

from essaim.accounts.models import User
from essaim.demo.data.trainings.spec import CycleSpec, SessionSpec, SlotSpec
from essaim.experiments.models import Experiment
from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Role
from essaim.trainings.models import Cycle, Slot, Speaker, Testimony, TrainingSession

# Announcements go out about two months before a session.
ANNOUNCED_BEFORE = datetime.timedelta(days=60)


def save_cycle(spec: CycleSpec, *, owner: User, organiser: Organisation) -> Cycle:
    first_day = min(session.first_day for session in spec.sessions)
    cycle, _ = Cycle.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "title": spec.title,
            "summary": spec.summary,
            "organiser": organiser,
            "published": True,
            "created_by": owner,
            "created_at": _announced(first_day),
        },
    )
    _own(cycle, owner)
    return cycle


def save_session(
    spec: SessionSpec, *, cycle: Cycle | None, owner: User, organiser: Organisation
) -> TrainingSession:
    session, _ = TrainingSession.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "cycle": cycle,
            "position": spec.position,
            "title": spec.title,
            "organiser": organiser,
            "published": True,
            "why": spec.why,
            "audience": spec.audience,
            "objectives": "\n".join(spec.objectives),
            "programme_intro": spec.programme_intro,
            "teaching_methods": spec.teaching_methods,
            "accessibility": spec.accessibility,
            "accessibility_contact": spec.accessibility_contact,
            "start_date": spec.first_day,
            "end_date": spec.last_day,
            "format": spec.format,
            "meeting_url": spec.meeting_url,
            "access": spec.access,
            "capacity": spec.capacity,
            "registration_deadline": spec.registration_deadline,
            "all_slots_recommended": spec.all_slots_recommended,
            "contact_name": spec.contact_name,
            "contact_email": spec.contact_email,
            "contact_phone": "",
            "retention_months": spec.retention_months,
            "illustrative": True,
            "created_by": owner,
            "created_at": _announced(spec.first_day),
        },
    )
    _own(session, owner)
    slots = save_slots(session, spec.slots)
    save_speakers(session, spec)
    save_testimonies(session, spec, slots)
    return session


def save_slots(session: TrainingSession, specs: tuple[SlotSpec, ...]) -> list[Slot]:
    """The slots of ``specs``, in order: existing ones are updated (their registrations and
    attendance stay attached), missing ones created, extra ones deleted."""
    existing = list(session.slots.order_by("date", "start_time", "pk"))
    slots = []
    for index, spec in enumerate(specs):
        slot = existing[index] if index < len(existing) else Slot(session=session)
        slot.date, slot.start_time, slot.end_time = spec.date, spec.start, spec.end
        slot.title, slot.topics = spec.title, "\n".join(spec.topics)
        slot.save()
        slots.append(slot)
    for extra in existing[len(specs) :]:
        extra.delete()
    return slots


def save_speakers(session: TrainingSession, spec: SessionSpec) -> None:
    for position, speaker in enumerate(spec.speakers, start=1):
        Speaker.objects.update_or_create(
            session=session,
            position=position,
            defaults={
                "name": speaker.name,
                "function": speaker.function,
                "organisation_name": speaker.organisation,
                "role": speaker.role,
                "person": _person(speaker.person),
            },
        )
    session.speakers.filter(position__gt=len(spec.speakers)).delete()


def save_testimonies(session: TrainingSession, spec: SessionSpec, slots: list[Slot]) -> None:
    for position, testimony in enumerate(spec.testimonies, start=1):
        Testimony.objects.update_or_create(
            session=session,
            position=position,
            defaults={
                "title": testimony.title,
                "presenters": "\n".join(testimony.presenters),
                "experiment": Experiment.objects.filter(title=testimony.experiment).first(),
                "slot": slots[testimony.slot] if testimony.slot is not None else None,
            },
        )
    session.testimonies.filter(position__gt=len(spec.testimonies)).delete()


def _person(full_name: str) -> Person | None:
    if not full_name:
        return None
    first_name, last_name = full_name.split(" ", 1)
    return Person.objects.filter(first_name=first_name, last_name=last_name).first()


def _own(holder, owner: User) -> None:
    if holder.role_of(owner) != Role.OWNER:
        holder.grant(owner, Role.OWNER)


def _announced(day: datetime.date) -> datetime.datetime:
    moment = datetime.datetime.combine(day - ANNOUNCED_BEFORE, datetime.time(9))
    return min(timezone.make_aware(moment), timezone.now())
