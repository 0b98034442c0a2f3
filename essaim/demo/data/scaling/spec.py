"""The shapes in which the scaling pillar of each demo case is written: plain, declarative data.

A case belongs to one demo experiment, named by its exact ``title``; it holds the experiment's
transfer kit, its strategy with the steps of its plan, its readiness diagnoses and its network:
the shared indicators and the replicas, each with its history of statuses and its yearly
figures. Nothing here touches the database; values of the models' choices are written as the
members of their ``TextChoices``.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class KitItemSpec:
    kind: str  # KitItemKind: « socle », « adaptable », « prerequis »
    title: str
    description: str = ""
    guidance: str = ""  # for a part to adapt: the possible choices, the examples


@dataclass(frozen=True)
class KitSpec:
    title: str
    summary: str
    origin: str
    charter_kind: str  # CharterKind, « » when there is none
    charter_name: str
    charter_conditions: str
    training_offered: str
    support_offered: str
    fee_amount: Decimal | None
    fee_terms: str
    contact_name: str
    items: tuple[KitItemSpec, ...]
    published: bool


@dataclass(frozen=True)
class StepSpec:
    track: str  # Track: « echelle » or « perennisation »
    title: str
    starts_on: date | None
    ends_on: date | None
    resources: str = ""
    state: str = "prevue"  # StepState


@dataclass(frozen=True)
class StrategySpec:
    situation: str  # Situation
    scale_types: tuple[str, ...]  # ScaleType values
    strategy: str  # StrategyKind
    route: str  # Route
    rationale: str
    target_places: str
    target_publics: str
    resources: str
    economic_model: str
    funding_transition: str
    grant_share_now: int | None
    grant_share_target: int | None
    target_year: int | None
    institutional_anchoring: str
    steps: tuple[StepSpec, ...]


@dataclass(frozen=True)
class DiagnosisSpec:
    assessed_on: date
    note: str
    # question key of essaim.scaling.readiness.QUESTIONS → (0 to 3 or None, justification)
    answers: dict[str, tuple[int | None, str]]


@dataclass(frozen=True)
class StatusSpec:
    status: str  # ReplicationStatus
    on: date
    note: str = ""


@dataclass(frozen=True)
class ReplicaSpec:
    name: str
    commune_insee: str  # a commune of the shipped referential: the replica's seat
    carrier_name: str
    # The first is the first contact; each next one is a move that
    # essaim.scaling.models.network.allowed_statuses allows from the previous, on a later date.
    history: tuple[StatusSpec, ...]
    agreement_kind: str = ""  # AgreementKind, « » when none is signed
    adaptations: str = ""
    lessons: str = ""
    illustrative: bool = True
    # shared indicator key → {year: value}
    figures: dict[str, dict[int, Decimal]] = field(default_factory=dict)


@dataclass(frozen=True)
class SharedIndicatorSpec:
    key: str
    name: str
    unit: str
    aggregation: str  # Aggregation: « somme » or « moyenne »


@dataclass(frozen=True)
class NetworkCaseSpec:
    experiment_title: str  # exactly the title of a demo experiment
    kit: KitSpec
    strategy: StrategySpec
    diagnoses: tuple[DiagnosisSpec, ...]  # oldest first
    shared_indicators: tuple[SharedIndicatorSpec, ...]
    replicas: tuple[ReplicaSpec, ...]
    sources: str  # what is public, what is invented


# Writing the data ------------------------------------------------------------------------------


def yearly(first_year: int, values: list[float | int]) -> dict[int, Decimal]:
    """One value a year from ``first_year``, as decimals with at most two places."""
    return {first_year + index: Decimal(str(round(value, 2))) for index, value in enumerate(values)}


def series_of(*keys: str):
    """A function of a case's yearly figures: ``figures(first_year, values_1, values_2…)`` gives
    each key its values, one a year from ``first_year``."""

    def figures(first_year: int, *values: list[float | int]) -> dict[str, dict[int, Decimal]]:
        return {key: yearly(first_year, series) for key, series in zip(keys, values, strict=True)}

    return figures


def path(
    contact: date,
    study: date | None = None,
    agreement: date | None = None,
    launched: date | None = None,
    active: date | None = None,
    *,
    notes: dict[str, str] | None = None,
    stopped: tuple[date, str] | None = None,
) -> tuple[StatusSpec, ...]:
    """The usual history of a replica, forward from the first contact; a status left out is
    skipped (a step recorded late). ``notes`` maps a status to the note of its move;
    ``stopped`` ends the history with « arrêtée » on that date, with that note."""
    notes = notes or {}
    moves = (
        ("contact", contact),
        ("etude", study),
        ("convention", agreement),
        ("lancee", launched),
        ("active", active),
    )
    history = [StatusSpec(status, on, notes.get(status, "")) for status, on in moves if on]
    if stopped is not None:
        history.append(StatusSpec("arretee", *stopped))
    return tuple(history)
