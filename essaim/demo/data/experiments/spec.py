"""The shapes in which each demo case is written: plain, declarative data.

Objects refer to each other by a short ``key`` (``"h1"``, ``"copil"``, ``"trajets"``…), resolved
when the case is built. Organisations, territories and people are named as the organisations
step of the demo creates them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from essaim.evaluation.models import Direction, Frequency, IndicatorKind
from essaim.experiments.models import PartnerRole, RiskStatus, StepKind, StepStatus
from essaim.governance.models import Attendance


@dataclass(frozen=True)
class HypothesisSpec:
    key: str
    statement: str
    rationale: str = ""


@dataclass(frozen=True)
class FundingSpec:
    funder: str  # an organisation of the demo, or a funder's name
    kind: str
    amount: int
    secured: bool = True
    note: str = ""


@dataclass(frozen=True)
class PartnerSpec:
    organisation: str
    role: str = PartnerRole.OTHER
    contribution: str = ""


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    description: str
    threshold: str
    review_date: date | None = None


@dataclass(frozen=True)
class RiskSpec:
    description: str
    likelihood: int
    impact: int
    mitigation: str = ""
    owner: str = ""
    right_to_error: bool = False
    status: str = RiskStatus.OPEN


@dataclass(frozen=True)
class StepSpec:
    key: str
    title: str
    start: date
    end: date | None = None
    kind: str = StepKind.STEP
    status: str = StepStatus.DONE
    description: str = ""
    deliverables: str = ""


@dataclass(frozen=True)
class OutcomeSpec:
    key: str
    level: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class LinkSpec:
    source: str
    target: str
    rationale: str = ""
    assumptions: str = ""


@dataclass(frozen=True)
class MemberSpec:
    """Someone in a body: a person of the demo contacts (``"Prénom Nom"``), an organisation of
    the demo, or a role name such as « Élu référent » — never an invented person's name."""

    key: str
    role_in_body: str
    person: str = ""
    organisation: str = ""
    name: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class MeetingSpec:
    key: str
    starts_at: datetime
    agenda: str
    minutes: str = ""
    hours: float = 2
    place: str = ""
    # Members not listed here were present.
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

    def status_of(self, member_key: str) -> str:
        if member_key in self.excused:
            return Attendance.EXCUSED
        if member_key in self.absent:
            return Attendance.ABSENT
        return Attendance.PRESENT


@dataclass(frozen=True)
class BodySpec:
    key: str
    kind: str
    name: str
    mandate: str = ""
    members: tuple[MemberSpec, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()


@dataclass(frozen=True)
class LoggedDecisionSpec:
    body: str
    decided_on: date
    subject: str
    decision: str
    options: str = ""
    rationale: str = ""
    meeting: str = ""


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    question: str
    criterion: str = ""


@dataclass(frozen=True)
class MeasurementSpec:
    measured_on: date
    value: float | None = None
    level: int | None = None
    comment: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    name: str
    kind: str = IndicatorKind.QUANTITATIVE
    unit: str = ""
    baseline: float | None = None
    baseline_date: date | None = None
    baseline_source: str = ""
    target: float | None = None
    target_date: date | None = None
    direction: str = Direction.INCREASE
    cumulative: bool = False
    scale: tuple[str, ...] = ()
    verification: str = ""
    collection: str = ""
    frequency: str = Frequency.MONTHLY
    owner: str = ""
    question: str = ""
    outcome: str = ""
    targets: tuple[tuple[date, float], ...] = ()
    measurements: tuple[MeasurementSpec, ...] = ()


@dataclass(frozen=True)
class EvidenceSpec:
    filename: str
    description: str
    content: str


@dataclass(frozen=True)
class JournalSpec:
    key: str
    written_on: date
    kind: str
    title: str
    happened: str
    learned: str = ""
    changes: str = ""
    hypothesis: str = ""
    step: str = ""
    indicator: str = ""
    highlight: bool = False
    evidence: EvidenceSpec | None = None


@dataclass(frozen=True)
class VerdictSpec:
    hypothesis: str
    verdict: str
    decided_on: date
    rationale: str
    # (indicator key, date of the measurement)
    measurements: tuple[tuple[str, date], ...] = ()
    journal: tuple[str, ...] = ()


@dataclass(frozen=True)
class Move:
    """A change of stage through ``Experiment.move_to``."""

    stage: str
    reason: str = ""


@dataclass(frozen=True)
class Decide:
    """A stop/go decision through ``Experiment.record_decision``."""

    kind: str
    decided_on: date
    rationale: str
    at_gate: bool = True
    meeting: str = ""
    # criterion key → (assessment, comment)
    assessments: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseSpec:
    title: str
    theme: str  # the slug of a theme of the vocabulary
    carrier: str
    territories: tuple[str, ...]
    summary: str
    # Fields of the experiment's framing (need, purposes, type, dates, evaluation, risks…).
    framing: dict
    path: tuple[Move | Decide, ...] = ()
    hypotheses: tuple[HypothesisSpec, ...] = ()
    fundings: tuple[FundingSpec, ...] = ()
    partners: tuple[PartnerSpec, ...] = ()
    criteria: tuple[CriterionSpec, ...] = ()
    risks: tuple[RiskSpec, ...] = ()
    steps: tuple[StepSpec, ...] = ()
    outcomes: tuple[OutcomeSpec, ...] = ()
    links: tuple[LinkSpec, ...] = ()
    bodies: tuple[BodySpec, ...] = ()
    logged_decisions: tuple[LoggedDecisionSpec, ...] = ()
    questions: tuple[QuestionSpec, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()
    journal: tuple[JournalSpec, ...] = ()
    verdicts: tuple[VerdictSpec, ...] = ()


# Writing series of measurements ------------------------------------------------------------------


def month_starts(first: date, count: int, every: int = 1) -> list[date]:
    """``count`` dates, ``every`` months apart, on the day of ``first``."""
    dates = []
    for index in range(count):
        month = first.month - 1 + index * every
        dates.append(date(first.year + month // 12, month % 12 + 1, first.day))
    return dates


def series(
    first: date, values: list[float], *, every: int = 1, comments: dict[int, str] | None = None
) -> tuple[MeasurementSpec, ...]:
    """Measurements of a quantitative indicator, one every ``every`` months from ``first``;
    ``comments`` maps the position of a value to its comment."""
    comments = comments or {}
    return tuple(
        MeasurementSpec(day, value=value, comment=comments.get(index, ""))
        for index, (day, value) in enumerate(
            zip(month_starts(first, len(values), every), values, strict=True)
        )
    )


def levels(
    first: date, values: list[int], *, every: int = 3, comments: dict[int, str] | None = None
) -> tuple[MeasurementSpec, ...]:
    """Measurements of a qualitative indicator (positions on its scale, from 0)."""
    comments = comments or {}
    return tuple(
        MeasurementSpec(day, level=level, comment=comments.get(index, ""))
        for index, (day, level) in enumerate(
            zip(month_starts(first, len(values), every), values, strict=True)
        )
    )
