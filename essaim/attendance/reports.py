"""Connection reports of webconferences: the CSV (or XLSX) a meeting tool exports after a
meeting — Zoom, Teams, BigBlueButton — read and matched to the registrants of one slot.

What is read: one line per connection, with a name (« Nom », « Nom (nom d'origine) », or
« Prénom » and « Nom de famille ») or an e-mail address, and the arrival and departure times
(« Heure d'arrivée », « Première participation »…) or a duration (« Durée (minutes) »,
« 1 h 32 min 47 s », « 01:32:47 »). Teams and Zoom may write a summary of the meeting above the
list of participants, and other tables below it: the list is found by its header line.

Each line is matched to a registrant by e-mail address, then by full name (without accents,
case, punctuation or word order). The minutes of the connections of one person are added up,
counting only the time within the slot, and never more than the slot lasts. Every line is
checked before anything is recorded: a file with a wrong line is refused as a whole, each
problem reported with its line number.
"""

import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from essaim.attendance.grid import name_order
from essaim.attendance.models import slot_minutes
from essaim.lib.bounds import one_line
from essaim.lib.errors import DomainError
from essaim.lib.french_csv import (
    CellError,
    Sheet,
    SheetRow,
    SpreadsheetError,
    find_columns,
    fold,
    format_date,
    normalise_header,
    parse_datetime,
    read_spreadsheet,
)
from essaim.registrations.anonymisation import ANONYMOUS_NAME
from essaim.registrations.models import Registration
from essaim.trainings.models import Slot

MAX_REPORT_BYTES = 1024 * 1024
MAX_REPORT_ROWS = 3000

# Column key → the headers accepted for it, compared without accents, case or a trailing hint
# in brackets; the first one is the one people are told about.
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Nom",
        "Nom (nom d'origine)",
        "Nom complet",
        "Nom d'affichage",
        "Nom du participant",
        "Participant",
        "Utilisateur",
        "Name",
        "Full name",
        "Display name",
        "User name",
    ),
    "first_name": ("Prénom", "First name"),
    "last_name": ("Nom de famille", "Last name"),
    "email": (
        "E-mail",
        "Adresse e-mail",
        "E-mail de l'utilisateur",
        "E-mail du participant",
        "Adresse électronique",
        "Courriel",
        "Mail",
        "Email",
        "User email",
    ),
    "joined": (
        "Heure d'arrivée",
        "Arrivée",
        "Heure de connexion",
        "Connexion",
        "Première participation",
        "Première arrivée",
        "Rejoint",
        "A rejoint",
        "Join time",
        "Joined",
        "First join",
    ),
    "left": (
        "Heure de départ",
        "Départ",
        "Heure de déconnexion",
        "Déconnexion",
        "Dernière sortie",
        "Dernier départ",
        "Quitté",
        "A quitté",
        "Leave time",
        "Left",
        "Last leave",
    ),
    "duration": (
        "Durée (minutes)",
        "Durée",
        "Durée de la réunion",
        "Durée dans la réunion",
        "Durée de participation",
        "Durée de connexion",
        "Temps de connexion",
        "Temps de présence",
        "Temps en ligne",
        "Minutes",
        "Duration",
        "Online time",
    ),
}
_ACCEPTED = {
    key: frozenset(normalise_header(label) for label in labels)
    for key, labels in REPORT_COLUMNS.items()
}


def column_keys(header: Iterable[str]) -> set[str]:
    names = {normalise_header(label) for label in header}
    return {key for key, accepted in _ACCEPTED.items() if names & accepted}


def is_participants_header(header: tuple[str, ...]) -> bool:
    """Whether ``header`` opens the list of participants (and not the meeting's summary,
    which also has an e-mail address and a duration, but no one's name)."""
    keys = column_keys(header)
    named = bool(keys & {"name", "last_name"}) and bool(keys & {"joined", "duration"})
    return named or {"email", "joined"} <= keys


# Errors ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    line: int | None  # None when the problem is the file's, not a line's
    message: str

    def __str__(self) -> str:
        return f"Ligne {self.line} : {self.message}" if self.line else self.message


class ReportError(DomainError):
    """The report cannot be imported; ``problems`` says why, line by line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


# Values ----------------------------------------------------------------------------------------

_MINUTES = re.compile(r"^\d+(?:[.,]\d+)?$")
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")
_WORDED = re.compile(
    r"^(?:(?P<h>\d+)\s*h(?:eures?|rs?)?)?\s*"
    r"(?:(?P<m>\d+)\s*(?:minutes?|min|mn|m)(?![a-z]))?\s*"
    r"(?:(?P<s>\d+)\s*(?:secondes?|sec|s))?$"
)
_HOURS_AND_MINUTES = re.compile(r"^(?P<h>\d+)\s*h\s*(?P<m>\d{1,2})$")  # « 1 h 32 »


def parse_duration(value: object) -> float:
    """Minutes, from what meeting tools write: « 92 » (minutes), « 92,5 », « 1 h 32 min 47 s »,
    « 1h 32m », « 01:32:47 » (hours, minutes, seconds), or an XLSX number or time.

    >>> parse_duration("1 h 32 min 30 s")
    92.5
    """
    if isinstance(value, bool):
        raise CellError(f"« {'VRAI' if value else 'FAUX'} » n'est pas une durée")
    if isinstance(value, int | float | Decimal):
        minutes = float(value)
    elif isinstance(value, datetime.time):
        minutes = value.hour * 60 + value.minute + value.second / 60
    elif isinstance(value, datetime.timedelta):
        minutes = value.total_seconds() / 60
    else:
        text = " ".join(str(value or "").split()).lower()
        if not text:
            raise CellError("la durée est vide")
        if text.startswith(("-", "−")):
            raise CellError(f"la durée « {value} » est négative")
        if _MINUTES.match(text):
            minutes = float(text.replace(",", "."))
        elif match := _CLOCK.match(text):
            hours, mins, seconds = (int(part or 0) for part in match.groups())
            minutes = hours * 60 + mins + seconds / 60
        elif match := _HOURS_AND_MINUTES.match(text):
            minutes = int(match.group("h")) * 60 + int(match.group("m"))
        elif (match := _WORDED.match(text)) and any(match.groups()):
            hours, mins, seconds = (int(match.group(name) or 0) for name in "hms")
            minutes = hours * 60 + mins + seconds / 60
        else:
            raise CellError(
                f"« {value} » n'est pas une durée : attendu un nombre de minutes, "
                "« 1 h 32 min » ou « 01:32:00 »"
            )
    if minutes < 0 or math.isnan(minutes):
        raise CellError(f"la durée « {value} » est négative")
    return minutes


_BRACKETS = re.compile(r"[(\[].*?[)\]]")


def name_key(text: str) -> str:
    """A name compared loosely: no accents, case, punctuation, words in any order, without what
    meeting tools add in brackets (« Marie Dupont (CC du Diois) », « DUPONT Marie »)."""
    return " ".join(sorted(fold(_BRACKETS.sub(" ", text)).split()))


# Reading the file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    """One line of the report: who, and the minutes they spent within the slot."""

    line: int
    name: str
    email: str
    minutes: float


def read_connections(data: bytes, *, slot: Slot) -> tuple[list[Connection], str]:
    """The connections written in ``data`` and a description of the file; raises
    ``ReportError`` listing every problem."""
    if len(data) > MAX_REPORT_BYTES:
        raise ReportError([Problem(None, "Le fichier dépasse 1 Mo : est-ce bien un rapport ?")])
    try:
        sheet = read_spreadsheet(
            data, max_rows=MAX_REPORT_ROWS, header_match=is_participants_header
        )
        columns = find_columns(sheet.header, REPORT_COLUMNS, required=())
    except SpreadsheetError as error:
        raise ReportError([Problem(None, error.message)]) from None
    _check_columns(sheet, columns)
    if not sheet.rows:
        raise ReportError(
            [Problem(None, "Le rapport ne contient aucune connexion, seulement l'en-tête.")]
        )
    reader = _LineReader(slot, columns)
    connections = [connection for row in sheet.rows if (connection := reader.read(row)) is not None]
    if reader.problems:
        raise ReportError(reader.problems)
    return connections, sheet.description


def _check_columns(sheet: Sheet, columns: dict[str, int]) -> None:
    missing = []
    if not columns.keys() & {"name", "last_name", "email"}:
        missing.append("« Nom » ou « E-mail »")
    if "duration" not in columns:
        if "joined" in columns and "left" not in columns:
            missing.append("« Heure de départ »")
        elif "left" in columns and "joined" not in columns:
            missing.append("« Heure d'arrivée »")
        elif "joined" not in columns:
            missing.append("« Heure d'arrivée » et « Heure de départ », ou « Durée (minutes) »")
    if not missing:
        return
    noun = "Colonne manquante" if len(missing) == 1 else "Colonnes manquantes"
    seen = " ; ".join(f"« {label} »" for label in sheet.header if str(label or "").strip())
    raise ReportError(
        [
            Problem(
                None,
                f"{noun} : {' ; '.join(missing)}. La ligne d'en-tête doit nommer les colonnes "
                f"du rapport de connexion ; elle contient : {seen or 'rien'}.",
            )
        ]
    )


class _LineReader:
    def __init__(self, slot: Slot, columns: dict[str, int]) -> None:
        self.day = slot.date
        self.columns = columns
        self.start = datetime.datetime.combine(slot.date, slot.start_time)
        self.end = datetime.datetime.combine(slot.date, slot.end_time)
        self.problems: list[Problem] = []

    def cell(self, row: SheetRow, key: str) -> object:
        index = self.columns.get(key)
        if index is None or index >= len(row.cells):
            return None
        value = row.cells[index]
        return None if value == "" else value

    def text(self, row: SheetRow, key: str) -> str:
        value = self.cell(row, key)
        return one_line(str(value)) if value is not None else ""

    def fail(self, row: SheetRow, message: str) -> None:
        self.problems.append(Problem(row.line, message))

    def read(self, row: SheetRow) -> Connection | None:
        name = self.text(row, "name") or " ".join(
            part for part in (self.text(row, "first_name"), self.text(row, "last_name")) if part
        )
        email = self.text(row, "email").lower()
        if "@" not in email:
            email = ""
        if not name and not email:
            self.fail(row, "ni nom ni adresse e-mail : à qui est cette connexion ?")
            return None
        joined = self.moment(row, "joined", "heure d'arrivée")
        left = self.moment(row, "left", "heure de départ")
        duration = self.duration(row)
        if joined is False or left is False or duration is False:
            return None  # the problem is reported
        if wrong_day := next(
            (m.date() for m in (joined, left) if m and m.date() != self.day), None
        ):
            self.fail(
                row,
                f"la connexion date du {format_date(wrong_day)}, mais la séance choisie a lieu "
                f"le {format_date(self.day)} : vérifiez la séance ou le fichier.",
            )
            return None
        if joined and left and left < joined:
            self.fail(
                row,
                f"l'heure de départ ({left:%H:%M}) précède l'heure d'arrivée ({joined:%H:%M}).",
            )
            return None
        within = None
        if joined and left:
            overlap = min(left, self.end) - max(joined, self.start)
            within = max(overlap.total_seconds() / 60, 0)
        if within is None and duration is None:
            self.fail(row, "ni heures d'arrivée et de départ, ni durée : la ligne est incomplète.")
            return None
        if duration is None:
            minutes = within
        else:
            minutes = duration if within is None else min(duration, within)
        return Connection(row.line, name, email, minutes)

    def moment(self, row: SheetRow, key: str, label: str) -> datetime.datetime | bool | None:
        """The time in ``key`` (None when the column or the cell is empty, False when wrong)."""
        value = self.cell(row, key)
        if value is None:
            if key in self.columns and "duration" not in self.columns:
                self.fail(row, f"l'{label} est vide.")
                return False
            return None
        try:
            return parse_datetime(value, day=self.day)
        except CellError as error:
            self.fail(row, f"{label} : {error.message}.")
            return False

    def duration(self, row: SheetRow) -> float | bool | None:
        if "duration" not in self.columns:
            return None
        value = self.cell(row, "duration")
        if value is None:
            if "joined" in self.columns:
                return None  # the times will do
            self.fail(row, "la durée est vide.")
            return False
        try:
            return parse_duration(value)
        except CellError as error:
            self.fail(row, f"{error.message}.")
            return False


# Matching ----------------------------------------------------------------------------------------

NO_ONE = "aucune inscription à ce nom ni à cette adresse"
HOMONYMS = "plusieurs inscrit·es portent ce nom"
SPEAKER = "intervenant·e de la session"


@dataclass
class PersonInReport:
    """One person of the report: the connections of one registrant, or of one unknown name."""

    key: str  # how an unmatched person is named in the form: « e-mail:… » or « nom:… »
    registration: Registration | None = None
    reason: str = ""  # why no registrant was found
    assigned: bool = False  # matched by hand in the preview
    names: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    raw_minutes: float = 0.0
    minutes: int = 0
    present: bool = False

    def add(self, connection: Connection) -> None:
        if connection.name and connection.name not in self.names:
            self.names.append(connection.name)
        if connection.email and connection.email not in self.emails:
            self.emails.append(connection.email)
        self.lines.append(connection.line)
        self.raw_minutes += connection.minutes

    def as_record(self) -> dict:
        """What a ``ConnectionReport`` keeps of an unmatched person."""
        return {
            "name": ", ".join(self.names),
            "email": ", ".join(self.emails),
            "minutes": self.minutes,
            "lines": self.lines,
            "reason": self.reason,
        }


@dataclass
class ReportPlan:
    """What importing a report would record for one slot."""

    slot: Slot
    threshold_minutes: int
    description: str
    connection_count: int
    matched: list[PersonInReport]
    unmatched: list[PersonInReport]
    missing: list[Registration]  # expected at the slot, not found in the report
    available: list[Registration]  # every registrant not found, to match by hand

    @property
    def present_count(self) -> int:
        return sum(person.present for person in self.matched)

    @property
    def absent_count(self) -> int:
        return len(self.matched) - self.present_count

    @property
    def matched_lines(self) -> int:
        return sum(len(person.lines) for person in self.matched)


def threshold_for(slot: Slot, percent: int) -> int:
    """The minutes of ``slot`` from which someone counts as present."""
    return max(1, math.ceil(slot_minutes(slot) * percent / 100))


def match_connections(
    connections: list[Connection],
    *,
    slot: Slot,
    registrations: list[Registration],
    speaker_names: Iterable[str],
    threshold_minutes: int,
    description: str = "",
    assignments: dict[str, int] | None = None,
) -> ReportPlan:
    """Match ``connections`` to ``registrations`` (by e-mail, then by name; ``assignments``
    gives the registration chosen by hand for an unmatched person's key)."""
    by_pk = {registration.pk: registration for registration in registrations}
    by_email: dict[str, Registration] = {}
    by_name: dict[str, list[Registration]] = {}
    for registration in registrations:
        by_email.setdefault(registration.email.strip().lower(), registration)
        by_name.setdefault(name_key(registration.full_name), []).append(registration)
    speakers = {name_key(name) for name in speaker_names}
    assignments = assignments or {}
    matched: dict[int, PersonInReport] = {}
    unmatched: dict[str, PersonInReport] = {}
    for connection in connections:
        key = _person_key(connection)
        found, reason = _match(connection, by_email, by_name, speakers)
        assigned = found is None and assignments.get(key) in by_pk
        if assigned:
            found = by_pk[assignments[key]]
        if found is None:
            person = unmatched.setdefault(key, PersonInReport(key, reason=reason))
        else:
            person = matched.setdefault(found.pk, PersonInReport(f"inscrit:{found.pk}", found))
            person.assigned = person.assigned or assigned
        person.add(connection)
    length = slot_minutes(slot)
    for person in [*matched.values(), *unmatched.values()]:
        person.minutes = min(round(person.raw_minutes), length)
        person.present = person.minutes >= threshold_minutes
    chosen = {registration.pk for registration in registrations if _expected(registration, slot)}
    available = sorted(
        (registration for registration in registrations if registration.pk not in matched),
        key=name_order,
    )
    missing = [registration for registration in available if registration.pk in chosen]
    return ReportPlan(
        slot=slot,
        threshold_minutes=threshold_minutes,
        description=description,
        connection_count=len(connections),
        matched=sorted(matched.values(), key=lambda person: name_order(person.registration)),
        unmatched=sorted(unmatched.values(), key=lambda person: person.lines[0]),
        missing=missing,
        available=available,
    )


def _person_key(connection: Connection) -> str:
    return f"e-mail:{connection.email}" if connection.email else f"nom:{name_key(connection.name)}"


def _match(
    connection: Connection,
    by_email: dict[str, Registration],
    by_name: dict[str, list[Registration]],
    speakers: set[str],
) -> tuple[Registration | None, str]:
    if connection.email and connection.email in by_email:
        return by_email[connection.email], ""
    key = name_key(connection.name)
    namesakes = by_name.get(key, []) if key else []
    if len(namesakes) == 1:
        return namesakes[0], ""
    if namesakes:
        return None, HOMONYMS
    return None, SPEAKER if key and key in speakers else NO_ONE


def _expected(registration: Registration, slot: Slot) -> bool:
    chosen = [chosen.pk for chosen in registration.slots.all()]
    return not chosen or slot.pk in chosen


# Personal data -----------------------------------------------------------------------------------
# A report keeps the names and addresses of the people it found no registrant for. They go with
# the registrants' when the session is anonymised, and with a person's data when they ask for it
# to be erased; their minutes stay, for the record.


def record_emails(record: dict) -> set[str]:
    return {part.strip().lower() for part in str(record.get("email") or "").split(",") if part}


def record_names(record: dict) -> set[str]:
    return {name_key(part) for part in str(record.get("name") or "").split(",") if part.strip()}


def record_concerns(record: dict, *, email: str, names: set[str]) -> bool:
    """Whether the unmatched person ``record`` is the one with ``email``, or one of ``names``
    (as :func:`name_key` writes them)."""
    return email.strip().lower() in record_emails(record) or bool(record_names(record) & names)


def is_anonymous(record: dict) -> bool:
    return record.get("name") == ANONYMOUS_NAME and not record.get("email")


def anonymise_record(record: dict) -> dict:
    return {**record, "name": ANONYMOUS_NAME, "email": ""}
