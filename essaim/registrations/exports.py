"""The registrations of a session as a spreadsheet: CSV as French Excel opens it (``;``, UTF-8
with BOM) and XLSX (a header row, column widths, real dates), with one column per question of
the registration form and, when the session has several slots, one per slot.

The registrations come with their commune (département, EPCI), slots and answers already
fetched: an export costs the same few queries whatever the number of rows."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from essaim.lib import french
from essaim.lib.spreadsheets import Column as SheetColumn
from essaim.lib.spreadsheets import Table, to_csv_bytes, to_xlsx_bytes
from essaim.registrations.models import Registration
from essaim.trainings.models import RegistrationQuestion, Slot, TrainingSession

Value = str | int | datetime.date | datetime.datetime | None


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    value: Callable[[Registration], Value]


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A naive local date and time, as spreadsheets store them."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)


def _commune(attribute: str) -> Callable[[Registration], Value]:
    def value(registration: Registration) -> Value:
        commune = registration.commune
        if commune is None:
            return None
        if attribute == "departement":
            return f"{commune.departement.code} — {commune.departement.name}"
        if attribute == "epci":
            return commune.epci.name if commune.epci else None
        return getattr(commune, attribute)

    return value


def _attends(slot: Slot) -> Callable[[Registration], Value]:
    return lambda registration: (
        "oui" if any(chosen.pk == slot.pk for chosen in registration.slots.all()) else "non"
    )


def _answer(question: RegistrationQuestion) -> Callable[[Registration], Value]:
    def value(registration: Registration) -> Value:
        for answer in registration.answers.all():
            if answer.question_id == question.pk:
                return answer.value or None
        return None

    return value


def registration_columns(slots: list[Slot], questions: list[RegistrationQuestion]) -> list[Column]:
    """The columns of an export: the person, their organisation and territory, their status
    and dates, then the slots (when there are several) and the questions of the form."""
    columns = [
        Column("Nom", 20, lambda r: r.last_name),
        Column("Prénom", 16, lambda r: r.first_name),
        Column("E-mail", 30, lambda r: r.email),
        Column("Téléphone", 16, lambda r: r.phone or None),
        Column("Organisation", 32, lambda r: r.organisation_name or None),
        Column("Catégorie", 22, lambda r: r.get_category_display()),
        Column("Commune", 22, _commune("name")),
        Column("Code INSEE", 11, _commune("insee_code")),
        Column("Département", 22, _commune("departement")),
        Column("EPCI", 32, _commune("epci")),
        Column("Statut", 22, lambda r: r.get_status_display()),
        Column("En attente pour", 22, lambda r: r.get_pending_reason_display() or None),
        Column("Inscrit·e le", 17, lambda r: _local(r.created_at)),
        Column("Confirmée le", 17, lambda r: _local(r.confirmed_at)),
        Column("Annulée le", 17, lambda r: _local(r.cancelled_at)),
        Column("Besoins d'accessibilité", 36, lambda r: r.accessibility_needs or None),
        Column("Consentement le", 17, lambda r: _local(r.consent_at)),
    ]
    if len(slots) > 1:
        columns += [
            Column(
                f"Séance du {slot.date:%d/%m/%Y} {french.hour(slot.start_time)}", 14, _attends(slot)
            )
            for slot in slots
        ]
    columns += [Column(question.label, 30, _answer(question)) for question in questions]
    return columns


def registrations_table(registrations: Iterable[Registration], columns: list[Column]) -> Table:
    """One sheet « Inscriptions », a row per registration (text kept as text, never a formula)."""
    return Table(
        "Inscriptions",
        [SheetColumn(column.header, column.width) for column in columns],
        ([column.value(registration) for column in columns] for registration in registrations),
    )


def registrations_csv(registrations: Iterable[Registration], columns: list[Column]) -> bytes:
    """UTF-8 with a BOM (Excel then reads the accents), ``;`` between cells, CRLF lines."""
    return to_csv_bytes(registrations_table(registrations, columns))


def registrations_xlsx(
    registrations: Iterable[Registration], columns: list[Column], *, session: TrainingSession
) -> bytes:
    """A frozen, filterable header row, real dates."""
    return to_xlsx_bytes(
        [registrations_table(registrations, columns)], title=f"Inscriptions — {session.title}"
    )
