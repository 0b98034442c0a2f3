"""The shapes in which the library's demo content is written: plain, declarative data.

A sheet names its place by the INSEE code of a commune of the referential (its perimeter is that
commune, or its whole EPCI), or, for a sheet written from a demo experiment, by the name of one
of the experiment's territories. Themes and publics are named by their slugs.
"""

from dataclasses import dataclass
from datetime import date

from essaim.library.models import Licence, Setting


class State:
    """Where a demo sheet stands in its publication."""

    PUBLISHED = "publiee"
    TO_REVIEW = "a_relire"  # a draft whose authors asked the editors to review it
    WITHDRAWN = "retiree"


@dataclass(frozen=True)
class ContactSpec:
    """A person to contact: a person of the demo contacts (``person="Prénom Nom"``, whose
    function, organisation and e-mail are copied), or a person written here."""

    person: str = ""
    name: str = ""
    role: str = ""
    organisation: str = ""
    email: str = ""
    consented_on: date | None = None  # None: the person did not agree to be published


@dataclass(frozen=True)
class SheetSpec:
    title: str
    summary: str
    context: str
    tried: str
    results: str
    learned: str
    conditions: str
    themes: tuple[str, ...]
    publics: tuple[str, ...]
    setting: str
    year_start: int
    year_end: int | None = None
    stage: str = ""
    strategy: str = ""
    licence: str = Licence.ETALAB
    # Where: a commune of the referential (and its whole EPCI with ``whole_epci``)…
    insee: str = ""
    whole_epci: bool = False
    # … or, with ``experiment`` (the title of a demo experiment), one of its territories.
    experiment: str = ""
    territory: str = ""
    contacts: tuple[ContactSpec, ...] = ()
    state: str = State.PUBLISHED
    withdrawal_reason: str = ""
    internal_notes: str = ""


@dataclass(frozen=True)
class NotebookSpec:
    title: str
    introduction: str
    conclusion: str
    sheets: tuple[str, ...]  # titles of demo sheets, in the notebook's order
    published_on: date


RURAL = Setting.RURAL
PERIURBAN = Setting.PERIURBAN
URBAN = Setting.URBAN
MOUNTAIN = Setting.MOUNTAIN
COASTAL = Setting.COASTAL


@dataclass(frozen=True)
class FromReportSpec:
    """A sheet written from the validated report sheet of a territory of the demo programme
    (its sections and years come from there); its title and summary are written here."""

    programme: str  # the slug of the demo programme
    territory: str
    title: str
    summary: str
    themes: tuple[str, ...]
    publics: tuple[str, ...]
    setting: str
