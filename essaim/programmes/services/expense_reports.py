"""The totals of a programme's expenses by territory, stage and category, and the workbook for
the accountant: every claim with its reasons, and the totals."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from essaim.lib.spreadsheets import Column, Table
from essaim.programmes.models import Category, ClaimStatus, ExpenseClaim, Stage
from essaim.programmes.services.expenses import (
    NO_STAGE_LABEL,
    PROGRAMME_LABEL,
    event_dates,
    territory_of,
)

# Totals -------------------------------------------------------------------------------------------


@dataclass
class Total:
    """The claims of one territory, stage or category: how many, how much awaits a decision,
    how much is granted (approved or paid), and of that how much is paid."""

    label: str
    count: int = 0
    submitted: Decimal = field(default_factory=Decimal)
    granted: Decimal = field(default_factory=Decimal)
    paid: Decimal = field(default_factory=Decimal)
    refused: Decimal = field(default_factory=Decimal)

    def add(self, claim: ExpenseClaim) -> None:
        self.count += 1
        if claim.status == ClaimStatus.SUBMITTED:
            self.submitted += claim.amount
        elif claim.status in (ClaimStatus.APPROVED, ClaimStatus.PAID):
            self.granted += claim.amount
            if claim.status == ClaimStatus.PAID:
                self.paid += claim.amount
        else:
            self.refused += claim.amount


@dataclass
class Totals:
    by_territory: list[Total]
    by_stage: list[Total]
    by_category: list[Total]
    overall: Total


def stage_of(day: datetime.date, stages: list[Stage]) -> Stage | None:
    """The first stage (by position) whose dates hold ``day``."""
    return next((stage for stage in stages if stage.start_date <= day <= stage.end_date), None)


def totals(claims: Iterable[ExpenseClaim], stages: Iterable[Stage]) -> Totals:
    """The totals of ``claims`` (from :func:`claims_of`) by territory (the programme's own
    last), by stage (those outside every stage last), by category, and overall."""
    stages = list(stages)
    territories: dict[str, Total] = {}
    by_stage: dict[int | None, Total] = {stage.pk: Total(str(stage)) for stage in stages}
    by_category = {category.value: Total(category.label.capitalize()) for category in Category}
    overall = Total("Ensemble")
    for claim in claims:
        territory = territory_of(claim)
        label = territory.name if territory is not None else PROGRAMME_LABEL
        territories.setdefault(label, Total(label)).add(claim)
        stage = stage_of(claim.spent_on, stages)
        key = stage.pk if stage is not None else None
        by_stage.setdefault(key, Total(NO_STAGE_LABEL)).add(claim)
        by_category[claim.category].add(claim)
        overall.add(claim)
    ordered = sorted(
        territories.values(), key=lambda total: (total.label == PROGRAMME_LABEL, total.label)
    )
    return Totals(
        by_territory=ordered,
        by_stage=[total for total in by_stage.values() if total.count],
        by_category=[total for total in by_category.values() if total.count],
        overall=overall,
    )


# The accountant's workbook ------------------------------------------------------------------------

CLAIM_COLUMNS = (
    Column("N°", 7),
    Column("Date de la dépense", 12),
    Column("Nom", 24),
    Column("Qualité", 22),
    Column("Territoire", 24),
    Column("Événement", 16),
    Column("Intitulé de l'événement", 30),
    Column("Date de l'événement", 14),
    Column("Étape", 24),
    Column("Nature", 13),
    Column("Kilomètres", 11),
    Column("Montant (€)", 12, decimals=2),
    Column("Détail", 30),
    Column("Justificatif joint", 11),
    Column("État", 12),
    Column("Hors des règles", 40, wrap=True),
    Column("Raison de l'accord malgré les règles", 30, wrap=True),
    Column("Raison de la décision", 30, wrap=True),
    Column("Décidée par", 20),
    Column("Décidée le", 16),
    Column("Saisie par", 20),
    Column("Saisie le", 16),
)
TOTAL_COLUMNS = (
    Column("Regroupement", 14, bold=True),
    Column("Libellé", 36),
    Column("Notes", 8),
    Column("En attente de décision (€)", 16, decimals=2),
    Column("Accordé (€)", 14, decimals=2),
    Column("dont remboursé (€)", 14, decimals=2),
    Column("Refusé (€)", 14, decimals=2),
)


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment).replace(tzinfo=None) if moment is not None else None


def event_title(claim: ExpenseClaim) -> str:
    if claim.visit is not None:
        return f"Écoute territoriale — {claim.visit.territory.name}"
    event = claim.event
    return event.title if event is not None else ""


def _claim_row(claim: ExpenseClaim, stages: list[Stage]) -> list:
    territory = territory_of(claim)
    stage = stage_of(claim.spent_on, stages)
    dates = event_dates(claim)
    return [
        claim.pk,
        claim.spent_on,
        claim.claimant_name,
        claim.get_claimant_kind_display(),
        territory.name if territory is not None else PROGRAMME_LABEL,
        claim.get_event_kind_display(),
        event_title(claim),
        dates[0] if dates is not None else None,
        str(stage) if stage is not None else NO_STAGE_LABEL,
        claim.get_category_display(),
        claim.kilometres,
        claim.amount,
        claim.description,
        "oui" if claim.has_receipt else "non",
        claim.get_status_display(),
        " ; ".join(claim.flag_list),
        claim.override_reason,
        claim.decision_reason,
        str(claim.decided_by) if claim.decided_by is not None else "",
        _local(claim.decided_at),
        str(claim.created_by) if claim.created_by is not None else "",
        _local(claim.created_at),
    ]


def _total_rows(summary: Totals) -> list[list]:
    rows = []
    for heading, group in (
        ("Territoire", summary.by_territory),
        ("Étape", summary.by_stage),
        ("Nature", summary.by_category),
        ("Ensemble", [summary.overall]),
    ):
        rows.extend(
            [heading, t.label, t.count, t.submitted, t.granted, t.paid, t.refused] for t in group
        )
    return rows


def expense_tables(claims: list[ExpenseClaim], stages: Iterable[Stage]) -> list[Table]:
    """The sheets « Notes de frais » (one row per claim, with its flags and the reason of its
    approval) and « Totaux » (by territory, stage, category, overall) of ``claims``, from
    :func:`claims_of`."""
    stages = list(stages)
    return [
        Table("Notes de frais", CLAIM_COLUMNS, [_claim_row(claim, stages) for claim in claims]),
        Table("Totaux", TOTAL_COLUMNS, _total_rows(totals(claims, stages))),
    ]
