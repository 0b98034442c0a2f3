"""The documents of attendance, printed by WeasyPrint from HTML templates: the attendance sheet
(feuille d'émargement) of a half-day, and the certificate (certificat de réalisation) of one
participant. Both are A4, self-contained, and built from rows fetched here, never by the
templates."""

from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from essaim.attendance.grid import confirmed_registrations, name_order
from essaim.attendance.halfdays import HalfDay, half_days
from essaim.attendance.models import Certificate, slot_minutes
from essaim.lib import french
from essaim.lib.pdf import print_pdf
from essaim.registrations.models import Registration
from essaim.trainings.models import Slot, SpeakerRole, TrainingSession

STATIC = Path(__file__).resolve().parent / "static" / "attendance"
STYLESHEET = STATIC / "documents.css"
# Blank lines at the end of a sheet, for people who come without having registered.
BLANK_LINES = 3


def organiser_name(session: TrainingSession) -> str:
    if session.organiser is not None:
        return session.organiser.name
    if session.cycle is not None and session.cycle.organiser is not None:
        return session.cycle.organiser.name
    return ""


def session_dates(session: TrainingSession) -> str:
    """« le jeudi 9 novembre 2023 », « du 15 janvier 2021 au 29 janvier 2021 »."""
    if session.start_date == session.end_date:
        return f"le {french.weekday_date(session.start_date)}"
    return f"du {french.long_date(session.start_date)} au {french.long_date(session.end_date)}"


# Attendance sheet --------------------------------------------------------------------------------


def render_sheet_pdf(session: TrainingSession, half_day: HalfDay) -> bytes:
    registrations = [
        registration
        for registration in confirmed_registrations(session).prefetch_related("slots")
        if _expected(registration, half_day)
    ]
    trainers = session.speakers.filter(
        role__in=[SpeakerRole.TRAINER, SpeakerRole.FACILITATOR]
    ).order_by("position", "pk")
    context = {
        "session": session,
        "half_day": half_day,
        "organiser": organiser_name(session),
        "registrations": sorted(registrations, key=name_order),
        "trainers": list(trainers),
        "blank_lines": range(BLANK_LINES),
        "duration": french.duration(half_day.minutes),
        "slot_lines": [
            (french.hours(slot.start_time, slot.end_time), slot.title) for slot in half_day.slots
        ],
        "printed_on": french.long_date(timezone.localdate()),
    }
    html = render_to_string("attendance/pdf/sheet.html", context)
    return _print(html, identifier=f"essaim-emargement-{session.pk}-{half_day.key}")


def _expected(registration: Registration, half_day: HalfDay) -> bool:
    chosen = {slot.pk for slot in registration.slots.all()}
    return not chosen or bool(chosen & half_day.slot_ids)


# Certificate -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotLine:
    slot: Slot
    day: str
    times: str
    planned: str
    attended_minutes: int

    @property
    def attended(self) -> str:
        return french.duration(self.attended_minutes) if self.attended_minutes else "absent·e"


def certificate_context(certificate: Certificate) -> dict:
    registration = certificate.registration
    session = registration.session
    slots = list(session.slots.all())
    records = {record.slot_id: record for record in registration.attendances.all()}
    lines = [
        SlotLine(
            slot=slot,
            day=french.weekday_date(slot.date),
            times=french.hours(slot.start_time, slot.end_time),
            planned=french.duration(slot_minutes(slot)),
            attended_minutes=records[slot.pk].attended_minutes(slot) if slot.pk in records else 0,
        )
        for slot in slots
    ]
    planned = sum(slot_minutes(slot) for slot in slots)
    attended = sum(line.attended_minutes for line in lines)
    return {
        "certificate": certificate,
        "registration": registration,
        "session": session,
        "organiser": organiser_name(session),
        "dates": session_dates(session),
        "half_day_count": len(half_days(slots)),
        "objectives": [line.strip() for line in session.objectives.splitlines() if line.strip()],
        "lines": lines,
        "planned": french.duration(planned),
        "attended": french.duration(attended),
        "rate": round(100 * attended / planned) if planned else 0,
        "issued_on": french.long_date(timezone.localtime(certificate.issued_at).date()),
    }


def render_certificate_pdf(certificate: Certificate) -> bytes:
    html = render_to_string("attendance/pdf/certificate.html", certificate_context(certificate))
    return _print(html, identifier=f"essaim-attestation-{certificate.number}")


def load_certificate(pk: int) -> Certificate:
    """A certificate with everything its document shows, in four queries."""
    return (
        Certificate.objects.select_related(
            "registration__session__organiser", "registration__session__cycle__organiser"
        )
        .prefetch_related("registration__session__slots", "registration__attendances")
        .get(pk=pk)
    )


# Printing ----------------------------------------------------------------------------------------


def _print(html: str, *, identifier: str) -> bytes:
    return print_pdf(html, stylesheet=STYLESHEET, identifier=identifier)
