"""The shapes in which the demo programme is written: plain, declarative data.

The programme is the national experiment of the seed « S'organiser pour innover : quand les
territoires conduisent le changement »: its organisers and accompaniment group, its stages and
deliverables, the territories selected (each with its listening visit, its interviews and, for
some, its report sheet), the inter-territory workshops, the seminars and the expenses. Nothing
here touches the database; values of the models' choices are written as plain strings, those of
``essaim.programmes.models`` and ``essaim.organisations.models.OrganisationKind``. People,
organisations, themes, workshops and seminars are named by their exact ``name`` or ``title``.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

# The sections of a report sheet (« fiche reportage »), in their order.
REPORT_SECTIONS = (
    "context",
    "strategy",
    "governance",
    "cooperation",
    "engineering",
    "participation",
    "strengths",
    "difficulties",
    "keys",
    "levers",
)


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str  # OrganisationKind: « etat_agence », « reseau_national », « association »…


@dataclass(frozen=True)
class ContactSpec:
    name: str
    organisation: str  # the name of an organiser
    role: str


@dataclass(frozen=True)
class GroupMemberSpec:
    name: str
    organisation: str  # the name of an organiser, « » for an independent expert or researcher
    role: str  # « experte en développement local », « chercheur »…
    is_expert: bool  # goes in pairs to the listening visits
    email: str


@dataclass(frozen=True)
class StageSpec:
    number: int
    title: str
    description: str
    start: date
    end: date
    status: str  # StageStatus: « a_venir », « en_cours », « terminee »


@dataclass(frozen=True)
class DeliverableSpec:
    kind: str  # DeliverableKind: « fiche_reportage », « synthese », « cahier », « seminaire »…
    title: str
    due: date
    stage: int  # the number of a stage
    status: str  # DeliverableStatus: « prevu », « en_cours », « remis », « valide »


@dataclass(frozen=True)
class ThemeSpec:
    name: str
    description: str


@dataclass(frozen=True)
class PersonSpec:
    name: str
    role: str  # ContactRole: « elu », « technicien », « societe_civile », « autre »
    function: str  # « vice-président », « chargée de mission développement »…
    email: str = ""
    phone: str = ""


class StatusSpec(NamedTuple):
    """One move of a territory in the selection."""

    status: str  # TerritoryStatus: « contacte », « interesse », … « confirme » or « retire »
    on: date
    note: str = ""


@dataclass(frozen=True)
class SlotSpec:
    starts_at: datetime
    ends_at: datetime
    kind: str  # « entretien », « reunion », « restitution »
    title: str  # unique within its visit: interviews name their slot by it
    who: str
    role: str  # « elu », « technicien », « societe_civile », « mixte »
    place: str


@dataclass(frozen=True)
class VisitSpec:
    start: date
    end: date  # the same day, or the next one
    place: str
    experts: tuple[str, ...]  # two names of experts of the group
    debrief_on: datetime  # the « restitution à chaud », the first evening
    debrief_notes: str
    slots: tuple[SlotSpec, ...]


@dataclass(frozen=True)
class QuoteSpec:
    text: str  # what the person said, without the quotation marks
    themes: tuple[str, ...]  # names of themes


@dataclass(frozen=True)
class InterviewSpec:
    slot: str  # the title of a slot of the visit, « » when taken outside the visit
    interviewee: PersonSpec | None  # None for a group meeting
    notes: str
    themes: tuple[str, ...]  # names of themes
    quotes: tuple[QuoteSpec, ...] = ()
    group_description: str = ""  # for a group meeting: who was around the table
    consent: bool = True  # without consent, the notes are kept but no quote is
    pseudonym: str = ""  # « Élu A » when the person asked not to be named


@dataclass(frozen=True)
class ReportSheetSpec:
    """A « fiche reportage »: one text a section (see ``REPORT_SECTIONS``)."""

    context: str
    strategy: str
    governance: str
    cooperation: str
    engineering: str
    participation: str
    strengths: str
    difficulties: str
    keys: str
    levers: str
    status: str  # « brouillon », « envoyee », « validee »
    referent_comment: str = ""  # the referent's answer, once the sheet was sent

    @property
    def sections(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in REPORT_SECTIONS}


@dataclass(frozen=True)
class TerritorySpec:
    name: str  # invented
    field: str  # « transition énergétique » or « tourisme durable »
    perimeter_epci_siren: str  # a real EPCI of the referential, used only as the perimeter
    description: str  # starts with « Exemple fictif : »
    # The first is the first contact; each next one the next move of the selection, on a
    # later date; « retire » ends it, its note giving the reason.
    statuses: tuple[StatusSpec, ...]
    commitment_on: date | None = None  # the written commitment letter
    commitment_signed_by: str = ""
    referent: PersonSpec | None = None
    participants: tuple[PersonSpec, ...] = ()  # an élu, a technicien, the société civile
    visit: VisitSpec | None = None
    interviews: tuple[InterviewSpec, ...] = ()
    report_sheet: ReportSheetSpec | None = None
    illustrative: bool = True

    @property
    def status(self) -> str:
        return self.statuses[-1].status

    @property
    def withdrawn_reason(self) -> str:
        return self.statuses[-1].note if self.status == "retire" else ""


@dataclass(frozen=True)
class WorkshopSpec:
    title: str
    theme: str  # the name of a theme
    date: date
    place: str
    description: str
    attendance: tuple[str, ...]  # names of territories' participants who came
    outputs: str


@dataclass(frozen=True)
class SeminarSpec:
    title: str
    date: date
    place: str
    description: str


class CoverSpec(NamedTuple):
    """One kind of expense the organisers pay for."""

    who: str  # « expert » or « representant »
    event: str  # « visite », « atelier », « seminaire »
    category: str  # « deplacement », « repas », « hebergement »


@dataclass(frozen=True)
class ExpenseRulesSpec:
    mileage_rate: Decimal  # € a kilometre
    meal_cap: Decimal  # € a meal
    lodging_cap: Decimal  # € a night
    covered: tuple[CoverSpec, ...]


class EventRef(NamedTuple):
    """What an expense was for: a visit (by territory name), a workshop or a seminar (title)."""

    kind: str  # « visite », « atelier », « seminaire »
    name: str


@dataclass(frozen=True)
class ExpenseSpec:
    claimant: str  # the name of an expert of the group or of a territory's participant
    event: EventRef
    category: str  # « deplacement », « repas », « hebergement »
    spent_on: date
    amount: Decimal | None  # None for a journey by car: kilometres × rate, computed
    kilometres: int | None
    description: str
    receipt: bool
    status: str  # « soumise », « approuvee », « refusee », « remboursee »


@dataclass(frozen=True)
class ProgrammeSpec:
    title: str
    slug: str
    summary: str
    aims: str
    questions: str  # one a line
    added_value: str  # one a line
    start: date
    end: date
    budget: Decimal
    participants_expected: int
    organisers: tuple[OrganisationSpec, ...]
    contacts: tuple[ContactSpec, ...]
    group: tuple[GroupMemberSpec, ...]
    stages: tuple[StageSpec, ...]
    deliverables: tuple[DeliverableSpec, ...]
    themes: tuple[ThemeSpec, ...]
    territories: tuple[TerritorySpec, ...]
    workshops: tuple[WorkshopSpec, ...]
    seminars: tuple[SeminarSpec, ...]
    expense_rules: ExpenseRulesSpec
    expenses: tuple[ExpenseSpec, ...]
    sources: str  # what is public, what is invented


# Writing the data ------------------------------------------------------------------------------


def selection(
    contacted: date,
    interested: date,
    committed: date | None = None,
    referent: date | None = None,
    participants: date | None = None,
    confirmed: date | None = None,
    *,
    notes: dict[str, str] | None = None,
    withdrawn: tuple[date, str] | None = None,
) -> tuple[StatusSpec, ...]:
    """The usual selection of a territory, forward from the first contact; a status left out is
    skipped. ``notes`` maps a status to the note of its move; ``withdrawn`` ends the history
    with « retire » on that date, the note giving the reason."""
    notes = notes or {}
    moves = (
        ("contacte", contacted),
        ("interesse", interested),
        ("engagement", committed),
        ("referent", referent),
        ("participants", participants),
        ("confirme", confirmed),
    )
    history = [StatusSpec(status, on, notes.get(status, "")) for status, on in moves if on]
    if withdrawn is not None:
        history.append(StatusSpec("retire", *withdrawn))
    return tuple(history)
