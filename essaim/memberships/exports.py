"""The list of members as a spreadsheet: CSV as French spreadsheets open it (« ; », UTF-8 with
BOM, dd/mm/yyyy, decimal comma) and XLSX with real dates and amounts."""

from django.db.models import QuerySet
from django.utils import timezone

from essaim.lib.spreadsheets import Column, Table

COLUMNS = [
    Column("Année", 8),
    Column("Type d'adhésion", 28),
    Column("Adhérent", 32),
    Column("Structure", 32),
    Column("Prénom", 16),
    Column("Nom", 20),
    Column("E-mail", 30),
    Column("Adresse postale", 36),
    Column("Tranche", 30),
    Column("Montant (€)", 12, decimals=2),
    Column("Statut", 20),
    Column("Payée le", 12),
    Column("Moyen de paiement", 18),
    Column("Référence du paiement", 22),
    Column("N° de reçu", 12),
    Column("Relance envoyée le", 14),
    Column("Remarque", 36),
]


def export_rows(memberships: QuerySet) -> list[list]:
    rows = []
    for membership in memberships.select_related("membership_type", "organisation", "bracket"):
        reminded_at = membership.reminded_at
        rows.append(
            [
                membership.year,
                membership.membership_type.name,
                membership.member_name,
                membership.organisation.name if membership.organisation_id else "",
                membership.first_name,
                membership.last_name,
                membership.email,
                membership.postal_address,
                membership.bracket.label if membership.bracket_id else "",
                membership.amount,
                membership.get_status_display(),
                membership.paid_on,
                membership.get_payment_method_display(),
                membership.payment_reference,
                membership.receipt_number,
                timezone.localtime(reminded_at).date() if reminded_at else None,
                membership.note,
            ]
        )
    return rows


def memberships_table(rows: list[list]) -> Table:
    return Table("Adhésions", COLUMNS, rows)
