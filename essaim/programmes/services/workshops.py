"""The inter-territory workshops and the seminars of a programme.

A workshop is created with its invitations: the participants (« 3 personnes : élu, technicien,
représentant de la société civile ») of every territory taking part; inviting again adds those
named since. Its invitation goes by e-mail, with a calendar file, to each participant who has an
address; the attendance is recorded in one go and counted by territory. A seminar is a dated
event, or is organised as a training session of the sessions pillar (registrations, attendance):
a draft session, unpublished, owned by whoever organises it."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from essaim.accounts.models import User
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.lib.ics import CalendarEvent, Invitee, write_calendar
from essaim.mail.tasks import about, attachment, send_email
from essaim.programmes.models import (
    TAKING_PART,
    ContactKind,
    Programme,
    ProgrammeTerritory,
    Seminar,
    TerritoryContact,
    Workshop,
    WorkshopInvitation,
)
from essaim.trainings.models import Format, TrainingSession
from essaim.trainings.services import create_session

PRODUCT_ID = "-//Essaim//Ateliers inter-territoires//FR"
ICS_MIMETYPE = "text/calendar"
# A workshop whose hours are not known yet takes the working day in the calendars.
DAY_STARTS = datetime.time(9, 0)
DAY_ENDS = datetime.time(17, 0)


class WorkshopError(DomainError):
    """A change to a workshop or a seminar that its rules refuse; the message is French."""


# Invitations ------------------------------------------------------------------------------------


def invitations_of(workshop: Workshop) -> QuerySet:
    """The invitations of ``workshop``, by territory, with their contact and its territory.

    Read from :class:`WorkshopInvitation`: on a workshop, ``invitations`` is also the name of
    the role invitations every shared row has, which the ORM's lookups follow."""
    return WorkshopInvitation.objects.filter(workshop=workshop).select_related("contact__territory")


def participants_of(programme: Programme) -> QuerySet:
    """The participants in the workshops named by the territories taking part (not their
    referents, nor the territories still candidates or withdrawn)."""
    return TerritoryContact.objects.filter(
        territory__programme=programme,
        territory__status__in=TAKING_PART,
        kind=ContactKind.PARTICIPANT,
    )


def not_yet_invited(workshop: Workshop) -> QuerySet:
    """The participants of the programme that ``workshop`` has not invited yet."""
    return participants_of(workshop.programme).exclude(
        pk__in=WorkshopInvitation.objects.filter(workshop=workshop).values("contact_id")
    )


def _invite(workshop: Workshop) -> list[TerritoryContact]:
    newcomers = list(not_yet_invited(workshop).select_related("territory"))
    WorkshopInvitation.objects.bulk_create(
        [WorkshopInvitation(workshop=workshop, contact=contact) for contact in newcomers],
        ignore_conflicts=True,  # invited meanwhile by someone else: once is enough
    )
    return newcomers


def create_workshop(*, workshop: Workshop, by: User) -> list[TerritoryContact]:
    """Save the new ``workshop`` (from its form) and invite the participants of every territory
    taking part; returns them."""
    with transaction.atomic():
        workshop.save()
        invited = _invite(workshop)
        workshop.programme.log_action(
            by,
            "workshop",
            f"Atelier « {workshop.title} » prévu le {french.long_date(workshop.date)} : "
            f"{french.counted(len(invited), 'participant invité', 'participants invités')}",
        )
    return invited


def invite_participants(*, workshop: Workshop, by: User) -> list[TerritoryContact]:
    """Invite the participants named since the workshop was created (or since the last time):
    those already invited stay as they are. Returns the newcomers."""
    with transaction.atomic():
        invited = _invite(workshop)
        if invited:
            names = french.enumeration([contact.name for contact in invited])
            workshop.programme.log_action(
                by, "workshop", f"Invités à l'atelier « {workshop.title} » : {names}"
            )
    return invited


# The calendar file and the e-mail ---------------------------------------------------------------


def workshop_span(workshop: Workshop) -> tuple[datetime.datetime, datetime.datetime]:
    """When the workshop starts and ends (aware); without its hours, the working day."""
    if workshop.start_time and workshop.end_time:
        start, end = workshop.start_time, workshop.end_time
    else:
        start, end = DAY_STARTS, DAY_ENDS
    return (
        timezone.make_aware(datetime.datetime.combine(workshop.date, start)),
        timezone.make_aware(datetime.datetime.combine(workshop.date, end)),
    )


def has_hours(workshop: Workshop) -> bool:
    return bool(workshop.start_time and workshop.end_time)


def workshop_calendar(workshop: Workshop, *, url: str = "") -> bytes:
    """The workshop as the one event of a calendar file; the same uid for every download and
    every e-mail, so that calendars update it in place."""
    start, end = workshop_span(workshop)
    lines = [
        f"Thème : {workshop.theme.name}" if workshop.theme else "",
        workshop.description,
        "" if has_hours(workshop) else "Horaires à préciser.",
        f"Dans Essaim : {url}" if url else "",
    ]
    event = CalendarEvent(
        uid=f"workshop-{workshop.pk}@essaim",
        start=start,
        end=end,
        summary=f"{workshop.title} — atelier inter-territoires",
        description="\n".join(line for line in lines if line),
        location=workshop.place,
        url=url,
    )
    return write_calendar(
        [event], product_id=PRODUCT_ID, name=workshop.programme.title, method="PUBLISH"
    )


def workshop_filename(workshop: Workshop) -> str:
    return f"atelier-{slugify(workshop.title)[:50]}-{workshop.date:%Y-%m-%d}.ics"


@dataclass(frozen=True)
class Sending:
    """Whom an invitation went to, and the people invited it could not reach."""

    recipients: list[Invitee]
    without_address: list[str]


def send_invitation(*, workshop: Workshop, by: User) -> Sending:
    """E-mail the invitation, with its calendar file, to each participant invited who has an
    address — one message each, so that no one reads the others' addresses — once the
    transaction commits; their invitation is dated."""
    invitations = list(invitations_of(workshop))
    reached = [invitation for invitation in invitations if invitation.contact.email]
    without_address = [
        invitation.contact.name for invitation in invitations if not invitation.contact.email
    ]
    if not reached:
        return Sending(recipients=[], without_address=without_address)
    url = settings.SITE_URL + workshop.get_absolute_url()
    calendar = attachment(
        workshop_filename(workshop), workshop_calendar(workshop, url=url), ICS_MIMETYPE
    )
    territories = sorted({invitation.contact.territory.name for invitation in invitations})
    messages = [
        {
            "subject": f"Essaim : invitation à l'atelier « {workshop.title} »",
            "body": render_to_string(
                "programmes/emails/workshop_invitation.txt",
                {
                    "workshop": workshop,
                    "contact": invitation.contact,
                    "territories": territories,
                    "has_hours": has_hours(workshop),
                    "url": url,
                    "sender": by,
                },
            ),
            "to": [invitation.contact.email],
            "reply_to": [by.email] if by.email else None,
            "attachments": [calendar],
            "about": about(workshop),
        }
        for invitation in reached
    ]
    recipients = [
        Invitee(name=invitation.contact.name, email=invitation.contact.email)
        for invitation in reached
    ]
    with transaction.atomic():
        WorkshopInvitation.objects.filter(pk__in=[invitation.pk for invitation in reached]).update(
            invited_at=timezone.now()
        )
        names = french.enumeration([person.name for person in recipients])
        workshop.programme.log_action(
            by, "workshop", f"Invitation à l'atelier « {workshop.title} » envoyée à {names}"
        )

        def enqueue() -> None:
            for message in messages:
                send_email.enqueue(**message)

        transaction.on_commit(enqueue)
    return Sending(recipients=recipients, without_address=without_address)


# Attendance -------------------------------------------------------------------------------------


@dataclass
class TerritoryAttendance:
    """The invitations of one territory to a workshop, and how many came."""

    territory: ProgrammeTerritory
    invitations: list[WorkshopInvitation] = field(default_factory=list)

    @property
    def present(self) -> int:
        return sum(1 for invitation in self.invitations if invitation.attended is True)

    @property
    def absent(self) -> int:
        return sum(1 for invitation in self.invitations if invitation.attended is False)

    @property
    def unknown(self) -> int:
        return sum(1 for invitation in self.invitations if invitation.attended is None)


def attendance_by_territory(invitations: list[WorkshopInvitation]) -> list[TerritoryAttendance]:
    """``invitations`` (with their contact's territory, in the model's order: by territory)
    grouped by territory."""
    return [
        TerritoryAttendance(territory=territory, invitations=list(rows))
        for territory, rows in groupby(
            invitations, key=lambda invitation: invitation.contact.territory
        )
    ]


class AttendanceConflict(DomainError):
    """Someone else noted the same attendance otherwise meanwhile."""


def record_attendance(
    *,
    workshop: Workshop,
    attendance: dict[int, tuple[bool | None, bool | None]],
    by: User,
) -> int:
    """Note who came (``True``), who did not (``False``) and who is not known (``None``): for
    each invitation pk, (what the page showed, what this person chose). Only what they changed
    is written; a row someone else changed meanwhile to another answer refuses the whole save
    (:class:`AttendanceConflict`), so that neither undoes the other. Invitations of another
    workshop are ignored. Returns how many changed."""
    with transaction.atomic():
        invitations = list(
            WorkshopInvitation.objects.filter(workshop=workshop)
            .select_related("contact")
            .select_for_update(of=("self",))
            .order_by("pk")
        )
        changed, clashes = [], []
        for invitation in invitations:
            if invitation.pk not in attendance:
                continue
            loaded, answer = attendance[invitation.pk]
            if answer == loaded or answer == invitation.attended:
                continue
            if invitation.attended != loaded:
                clashes.append(invitation.contact.name)
                continue
            invitation.attended = answer
            changed.append(invitation)
        if clashes:
            raise AttendanceConflict(
                "Quelqu'un d'autre a noté entre-temps la présence de "
                f"{french.enumeration(clashes)} autrement que vous : rien n'est enregistré. "
                "Voyez ses choix, puis refaites les vôtres."
            )
        WorkshopInvitation.objects.bulk_update(changed, ["attended"])
        if changed:
            present = sum(1 for invitation in invitations if invitation.attended is True)
            absent = sum(1 for invitation in invitations if invitation.attended is False)
            workshop.programme.log_action(
                by,
                "workshop",
                f"Présences à l'atelier « {workshop.title} » notées : "
                f"{french.counted(present, 'présent')}, {french.counted(absent, 'absent')} "
                f"sur {french.counted(len(invitations), 'invité')}",
            )
    return len(changed)


def with_attendance(queryset: QuerySet) -> QuerySet:
    """Annotate each workshop with ``invited_count`` and ``present_count`` (one query for the
    list, whatever its length)."""

    def counted_invitations(**conditions) -> Coalesce:
        rows = (
            WorkshopInvitation.objects.filter(workshop=OuterRef("pk"), **conditions)
            .order_by()
            .values("workshop")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    return queryset.annotate(
        invited_count=counted_invitations(), present_count=counted_invitations(attended=True)
    )


# Seminars ---------------------------------------------------------------------------------------


def _organise_session(seminar: Seminar, by: User) -> TrainingSession:
    session = TrainingSession(
        title=seminar.title,
        start_date=seminar.date,
        end_date=seminar.date,
        format=Format.IN_PERSON,
        venue=seminar.place,
        why=seminar.description,
        contact_name=by.get_full_name(),
        contact_email=by.email,
    )
    session = create_session(session=session, by=by)
    seminar.session = session
    seminar.save(update_fields=["session"])
    return session


def create_seminar(*, seminar: Seminar, with_registrations: bool, by: User) -> Seminar:
    """Save the new ``seminar`` (from its form); ``with_registrations``, organise it as a
    training session, a draft owned by ``by``, to take registrations and attendance."""
    with transaction.atomic():
        seminar.save()
        if with_registrations:
            _organise_session(seminar, by)
        how = " avec inscriptions (session non publiée)" if with_registrations else ""
        seminar.programme.log_action(
            by,
            "seminar",
            f"Séminaire « {seminar.title} » prévu le {french.long_date(seminar.date)}{how}",
        )
    return seminar


def organise_as_session(*, seminar: Seminar, by: User) -> TrainingSession:
    """Give a seminar planned as a dated event its registrations and attendance: a training
    session, a draft owned by ``by``."""
    if seminar.session_id is not None:
        raise WorkshopError("Ce séminaire a déjà sa session, avec ses inscriptions.")
    if not seminar.place:
        raise WorkshopError("Indiquez d'abord le lieu du séminaire : la session le reprend.")
    with transaction.atomic():
        session = _organise_session(seminar, by)
        seminar.programme.log_action(
            by,
            "seminar",
            f"Séminaire « {seminar.title} » organisé avec inscriptions (session non publiée)",
        )
    return session
