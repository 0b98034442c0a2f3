"""Recording attendance and issuing certificates: each workflow in its own transaction.

Presence is recorded per registration and per slot, from the organiser's grid, a check-in on a
phone, or a webconference's connection report, from the day of the first slot on. A certificate
is issued only to a registrant who attended at least one slot; it is numbered once and sent
once."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.attendance.grid import confirmed_registrations
from essaim.attendance.halfdays import HalfDay
from essaim.attendance.models import Attendance, Certificate, ConnectionReport, Source
from essaim.attendance.reports import ReportPlan
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.registrations.models import Registration
from essaim.territories.models import TerritoryKind
from essaim.trainings.formatting import address_commune
from essaim.trainings.models import TrainingSession


class AttendanceError(DomainError):
    """A workflow refused; ``message`` is a French sentence for the organiser."""


def _actor(user):
    return user if user is not None and user.is_authenticated else None


# Not before the session -------------------------------------------------------------------------


def not_open_yet(
    session: TrainingSession,
    *,
    slot_days: list[datetime.date] | None = None,
    today: datetime.date | None = None,
) -> str:
    """Why attendance cannot be recorded nor certificates issued yet, before the day of the
    session's first slot (``slot_days`` spares the query when the caller has the slots);
    "" from that day on."""
    if slot_days is None:
        slot_days = list(session.slots.values_list("date", flat=True))
    first_day = min(slot_days, default=session.start_date)
    if (today or timezone.localdate()) >= first_day:
        return ""
    return (
        f"La session commence le {french.weekday_date(first_day)} : les présences se relèvent "
        "et les attestations s'établissent à partir de ce jour."
    )


def _refuse_before_first_day(session: TrainingSession) -> None:
    refusal = not_open_yet(session)
    if refusal:
        raise AttendanceError(refusal)


# The organiser's grid ----------------------------------------------------------------------------


def record_grid(
    *,
    session: TrainingSession,
    checked: set[tuple[int, int]],
    shown: set[tuple[int, int]],
    actor,
) -> int:
    """Apply what the organiser changed in the grid: the (registration, slot) pairs ``checked``
    now, against those ``shown`` ticked when the page was drawn. Only the boxes changed are
    recorded, so that a check-in made meanwhile on a phone is kept. Returns the number of
    changes."""
    registrations = set(confirmed_registrations(session).values_list("pk", flat=True))
    slots = set(session.slots.values_list("pk", flat=True))
    valid = {(reg, slot) for reg, slot in checked ^ shown if reg in registrations and slot in slots}
    if not valid:
        return 0
    _refuse_before_first_day(session)
    now, by = timezone.now(), _actor(actor)
    with transaction.atomic():
        for registration_id, slot_id in valid:
            Attendance.objects.update_or_create(
                registration_id=registration_id,
                slot_id=slot_id,
                defaults={
                    "present": (registration_id, slot_id) in checked,
                    "minutes": None,
                    "source": Source.ORGANISER,
                    "recorded_by": by,
                    "recorded_at": now,
                },
            )
        session.log_action(
            actor,
            "attendance",
            f"Présences modifiées dans la grille : {french.counted(len(valid), 'case')}",
            {"cases": len(valid)},
        )
    return len(valid)


# Check-in on a phone -----------------------------------------------------------------------------


def check_in(*, registration: Registration, half_day: HalfDay, actor) -> None:
    """Record ``registration`` present at every slot of ``half_day`` (a presence already
    recorded, with its minutes, is kept)."""
    _refuse_before_first_day(registration.session)
    now, by = timezone.now(), _actor(actor)
    with transaction.atomic():
        kept = set(
            Attendance.objects.filter(
                registration=registration, slot__in=half_day.slot_ids, present=True
            ).values_list("slot_id", flat=True)
        )
        for slot_id in half_day.slot_ids - kept:
            Attendance.objects.update_or_create(
                registration=registration,
                slot_id=slot_id,
                defaults={
                    "present": True,
                    "minutes": None,
                    "source": Source.CHECK_IN,
                    "recorded_by": by,
                    "recorded_at": now,
                },
            )


def undo_check_in(*, registration: Registration, half_day: HalfDay) -> None:
    """Forget what was recorded for ``registration`` during ``half_day``: a tap by mistake."""
    Attendance.objects.filter(registration=registration, slot__in=half_day.slot_ids).delete()


# Connection reports ------------------------------------------------------------------------------


def import_connection_report(
    *, session: TrainingSession, plan: ReportPlan, file_name: str, actor
) -> ConnectionReport:
    """Record the presence of each registrant of ``plan`` at its slot (present from its
    threshold on), and keep the report."""
    _refuse_before_first_day(session)
    now, by = timezone.now(), _actor(actor)
    with transaction.atomic():
        for person in plan.matched:
            Attendance.objects.update_or_create(
                registration=person.registration,
                slot=plan.slot,
                defaults={
                    "present": person.present,
                    "minutes": person.minutes,
                    "source": Source.REPORT,
                    "recorded_by": by,
                    "recorded_at": now,
                },
            )
        report = ConnectionReport.objects.create(
            session=session,
            slot=plan.slot,
            file_name=file_name[:250],
            matched=plan.matched_lines,
            unmatched=[person.as_record() for person in plan.unmatched],
            threshold_minutes=plan.threshold_minutes,
            imported_by=by,
        )
        session.log_action(
            actor,
            "import",
            f"Rapport de connexion « {file_name[:120]} » importé pour la séance du "
            f"{plan.slot.date:%d/%m/%Y} : {import_summary(plan)}",
            {"fichier": file_name, "rapprochés": len(plan.matched), "présents": plan.present_count},
        )
    return report


def import_summary(plan: ReportPlan) -> str:
    """« 18 inscrit·es rapproché·es (15 présent·es, 3 absent·es) ; 2 personnes sans
    inscription. »"""
    text = (
        f"{french.counted(len(plan.matched), 'inscrit·e rapproché·e', 'inscrit·es rapproché·es')} "
        f"({french.counted(plan.present_count, 'présent·e', 'présent·es')}, "
        f"{french.counted(plan.absent_count, 'absent·e', 'absent·es')})"
    )
    if plan.unmatched:
        text += f" ; {french.counted(len(plan.unmatched), 'personne')} sans inscription"
    return text + "."


# Certificates ------------------------------------------------------------------------------------


def attended_minutes(registration: Registration) -> int:
    """The minutes ``registration`` attended, from its records."""
    return sum(
        record.attended_minutes(record.slot)
        for record in registration.attendances.select_related("slot")
    )


def default_place(session: TrainingSession) -> str:
    """The commune a certificate says it was made in (« Fait à … »): the organiser's, when its
    territory is one commune; else the commune of the venue's address (« 26150 Die »); else ""
    (« Fait le … »), never a region or another wider territory."""
    organiser = session.organiser
    if organiser is None and session.cycle is not None:
        organiser = session.cycle.organiser
    territory = organiser.territory if organiser is not None else None
    if territory is not None:
        if territory.kind == TerritoryKind.COMMUNE:
            return territory.name
        communes = list(territory.communes.values_list("name", flat=True)[:2])
        if len(communes) == 1:
            return communes[0]
    return address_commune(session.address)


def issue_certificate(*, registration: Registration, place: str = "", actor=None) -> Certificate:
    """The certificate of ``registration``, numbered once. Until it is sent, issuing it again
    updates the hours it states (attendance may have been corrected)."""
    _refuse_before_first_day(registration.session)
    minutes = attended_minutes(registration)
    if not minutes:
        raise AttendanceError(
            f"{registration.full_name} n'a assisté à aucune séance : pas d'attestation."
        )
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    year = registration.session.end_date.year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = (
                    Certificate.objects.select_for_update()
                    .filter(registration=registration)
                    .first()
                )
                created = certificate is None
                if created:
                    # A number is taken only for a new certificate.
                    certificate = Certificate.objects.create(
                        registration=registration,
                        number=Certificate.next_number(year),
                        hours=hours,
                        place=place,
                    )
                elif certificate.sent_at is None:
                    certificate.hours, certificate.place = hours, place or certificate.place
                    certificate.save(update_fields=["hours", "place"])
                if created:
                    registration.session.log_action(
                        actor,
                        "certificate",
                        f"Attestation {certificate.number} établie pour "
                        f"{registration.full_name} ({french.duration(minutes)})",
                    )
                return certificate
        except IntegrityError:
            continue  # another issuer made it at the same time: read theirs
    raise AttendanceError("Le numéro de l'attestation n'a pas pu être attribué : réessayez.")


@dataclass(frozen=True)
class CertificateRun:
    """What one « send the certificates » did."""

    queued: int  # certificates sent now
    already_sent: int
    absentees: int

    @property
    def summary(self) -> str:
        """« 18 attestations envoyées ; 4 absent·es n'en reçoivent pas. »"""
        if self.queued:
            sent = french.counted(self.queued, "attestation envoyée", "attestations envoyées")
        else:
            sent = "Aucune nouvelle attestation à envoyer"
        if self.already_sent:
            sent += (
                f" ({french.counted(self.already_sent, 'déjà envoyée', 'déjà envoyées')} "
                f"auparavant, pas {french.plural(self.already_sent, 'renvoyée')})"
            )
        if self.absentees == 0:
            absent = "aucune absence"
        elif self.absentees == 1:
            absent = "1 absent·e n'en reçoit pas"
        else:
            absent = f"{self.absentees} absent·es n'en reçoivent pas"
        return f"{sent} ; {absent}."


def send_certificates(*, session: TrainingSession, place: str, actor) -> CertificateRun:
    """Issue and send a certificate to every confirmed registrant who attended at least one
    slot and has not received one; never to absentees, never twice. Each certificate is
    written and sent by its own task (``tasks.send_certificate``)."""
    from essaim.attendance.tasks import send_certificate

    _refuse_before_first_day(session)
    registrations = list(
        confirmed_registrations(session)
        .filter(anonymised_at__isnull=True)
        .select_related("session", "certificate")
        .filter(attendances__present=True)
        .distinct()
    )
    absentees = (
        confirmed_registrations(session).exclude(attendances__present=True).distinct().count()
    )
    already_sent = 0
    queued: list[int] = []
    with transaction.atomic():
        for registration in registrations:
            existing = getattr(registration, "certificate", None)
            if existing is not None and existing.sent_at is not None:
                already_sent += 1
                continue
            try:
                certificate = issue_certificate(registration=registration, place=place, actor=actor)
            except AttendanceError:
                continue  # present, but for no time at all: nothing to certify
            queued.append(certificate.pk)
        Certificate.objects.filter(pk__in=queued).update(queued_at=timezone.now())
        if queued:
            session.log_action(
                actor,
                "certificates",
                f"Envoi de {french.counted(len(queued), 'attestation')} de présence",
                {"attestations": len(queued), "absents": absentees},
            )
        for pk in queued:
            transaction.on_commit(lambda pk=pk: send_certificate.enqueue(certificate_id=pk))
    return CertificateRun(queued=len(queued), already_sent=already_sent, absentees=absentees)
