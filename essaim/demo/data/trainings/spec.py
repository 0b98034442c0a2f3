"""The shapes in which the demo sessions are written: plain, declarative data.

Speakers and testimonies name people, organisations and experiments as the organisations and
experiments steps of the demo create them."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from essaim.trainings.models import Access, Format, SpeakerRole


@dataclass(frozen=True)
class SlotSpec:
    date: date
    start: time
    end: time
    title: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeakerSpec:
    name: str
    function: str
    organisation: str
    role: str = SpeakerRole.TRAINER
    person: str = ""  # "Prénom Nom" of a contact of the demo directory


@dataclass(frozen=True)
class TestimonySpec:
    title: str
    presenters: tuple[str, ...]
    experiment: str  # the title of a demo experiment
    slot: int | None = None  # index in the session's slots


@dataclass(frozen=True)
class SessionSpec:
    slug: str
    title: str
    position: int
    slots: tuple[SlotSpec, ...]
    start_date: date | None = None  # the first slot's date by default
    why: str = ""
    audience: str = ""
    objectives: tuple[str, ...] = ()
    programme_intro: str = ""
    teaching_methods: str = ""
    accessibility: str = ""
    accessibility_contact: str = ""
    format: str = Format.ONLINE
    meeting_url: str = ""
    access: str = Access.FREE
    capacity: int | None = None
    registration_deadline: datetime | None = None
    all_slots_recommended: bool = True
    contact_name: str = ""
    contact_email: str = ""
    # How long registrants' personal data are kept after the session; past it, the demo load
    # anonymises them as the scheduled job would.
    retention_months: int = 36
    speakers: tuple[SpeakerSpec, ...] = ()
    testimonies: tuple[TestimonySpec, ...] = ()

    @property
    def first_day(self) -> date:
        return self.start_date or min(slot.date for slot in self.slots)

    @property
    def last_day(self) -> date:
        return max((slot.date for slot in self.slots), default=self.first_day)


@dataclass(frozen=True)
class CycleSpec:
    slug: str
    title: str
    summary: str
    sessions: tuple[SessionSpec, ...] = field(default_factory=tuple)
