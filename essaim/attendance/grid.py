"""The attendance grid of a session: its confirmed registrants × its slots, grouped in
half-days, with what was recorded, the time each person attended and the totals.

Four queries whatever the number of registrants: the slots, the registrations (with their
certificate), the slots they chose, the attendance records."""

from dataclasses import dataclass, field
from functools import cached_property

from essaim.attendance.halfdays import HalfDay, half_days
from essaim.attendance.models import Attendance, Certificate, slot_minutes
from essaim.lib.french_csv import fold
from essaim.registrations.models import Registration, Status
from essaim.trainings.models import Slot, TrainingSession


def confirmed_registrations(session: TrainingSession):
    """The registrants whose presence is followed: those whose registration is confirmed."""
    return Registration.objects.filter(session=session, status=Status.CONFIRMED)


def name_order(registration: Registration) -> tuple:
    """Sort key: last name, then first name, without accents or case."""
    return (fold(registration.last_name), fold(registration.first_name), registration.pk)


@dataclass(frozen=True)
class Cell:
    registration: Registration
    slot: Slot
    attendance: Attendance | None
    expected: bool  # the registrant chose this slot when registering

    @property
    def key(self) -> str:
        """« 12-34 »: registration 12, slot 34 (the value of the grid's checkboxes)."""
        return f"{self.registration.pk}-{self.slot.pk}"

    @property
    def present(self) -> bool:
        return self.attendance is not None and self.attendance.present

    @property
    def minutes(self) -> int:
        return self.attendance.attended_minutes(self.slot) if self.attendance else 0

    @property
    def measured_minutes(self) -> int | None:
        """The minutes of a connection report, shown beside the box."""
        return self.attendance.minutes if self.attendance else None


@dataclass
class Row:
    registration: Registration
    cells: list[Cell]

    @cached_property
    def minutes(self) -> int:
        return sum(cell.minutes for cell in self.cells)

    @property
    def certificate(self) -> Certificate | None:
        try:
            return self.registration.certificate
        except Certificate.DoesNotExist:
            return None

    @property
    def attended(self) -> bool:
        """At least one slot attended: the condition of a certificate."""
        return any(cell.present for cell in self.cells)

    def present_during(self, day: HalfDay) -> bool:
        return any(cell.present for cell in self.cells if cell.slot.pk in day.slot_ids)

    def expected_during(self, day: HalfDay) -> bool:
        return any(cell.expected for cell in self.cells if cell.slot.pk in day.slot_ids)


@dataclass(frozen=True)
class HalfDayColumn:
    half_day: HalfDay
    present: int  # people present at one of its slots at least
    expected: int  # people registered for one of its slots at least


@dataclass
class Grid:
    session: TrainingSession
    slots: list[Slot]
    half_days: list[HalfDay]
    rows: list[Row]
    columns: list[HalfDayColumn] = field(default_factory=list)
    slot_totals: list[int] = field(default_factory=list)

    @property
    def planned_minutes(self) -> int:
        return sum(slot_minutes(slot) for slot in self.slots)

    @property
    def attendees(self) -> list[Row]:
        return [row for row in self.rows if row.attended]

    @property
    def absentees(self) -> list[Row]:
        return [row for row in self.rows if not row.attended]

    @property
    def recorded(self) -> bool:
        return any(cell.attendance for row in self.rows for cell in row.cells)


def build_grid(session: TrainingSession) -> Grid:
    slots = list(session.slots.all())
    registrations = sorted(
        confirmed_registrations(session)
        .select_related("certificate")
        .prefetch_related("slots")
        .order_by(),
        key=name_order,
    )
    records = {
        (record.registration_id, record.slot_id): record
        for record in Attendance.objects.filter(
            registration__session=session, registration__status=Status.CONFIRMED
        )
    }
    rows = []
    for registration in registrations:
        chosen = {slot.pk for slot in registration.slots.all()} or {slot.pk for slot in slots}
        rows.append(
            Row(
                registration,
                [
                    Cell(
                        registration,
                        slot,
                        records.get((registration.pk, slot.pk)),
                        slot.pk in chosen,
                    )
                    for slot in slots
                ],
            )
        )
    days = half_days(slots)
    grid = Grid(session=session, slots=slots, half_days=days, rows=rows)
    grid.columns = [
        HalfDayColumn(
            day,
            present=sum(row.present_during(day) for row in rows),
            expected=sum(row.expected_during(day) for row in rows),
        )
        for day in days
    ]
    grid.slot_totals = [sum(row.cells[i].present for row in rows) for i in range(len(slots))]
    return grid
