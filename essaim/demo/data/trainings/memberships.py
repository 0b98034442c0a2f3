"""Cap Rural's membership types and the illustrative members of the demo: individual members
and three fictional structures, for the years of the members-only sessions (2021, 2023) and
for this year (paid or still pending). Amounts and brackets are examples, not Cap Rural's."""

import datetime
from decimal import Decimal

from django.db import transaction

from essaim.accounts.models import User
from essaim.demo.data.trainings.announcements import CONTACT_EMAIL
from essaim.demo.data.trainings.people import PARTICIPANTS, STRUCTURES
from essaim.memberships.models import (
    FeeBracket,
    MemberKind,
    Membership,
    MembershipType,
    PaymentMethod,
    Status,
)
from essaim.memberships.services import next_receipt_number
from essaim.organisations.models import Organisation, OrganisationKind
from essaim.roles.models import Role

INDIVIDUAL = "Adhésion individuelle"
STRUCTURE = "Adhésion structure"
BRACKETS = [
    ("Association ou structure de moins de 5 salariés", Decimal("60.00")),
    ("Structure de 5 à 20 salariés", Decimal("150.00")),
    ("Collectivité ou structure de plus de 20 salariés", Decimal("300.00")),
]
EXAMPLE_AMOUNTS = "Exemple de démonstration : ces montants ne sont pas les tarifs de Cap Rural."
# The years of the structures' memberships, and this year's: "paid" or "pending".
STRUCTURE_YEARS = {
    "Tiers-lieu La Fabrique du Val (exemple)": ((2021, 2023), "paid"),
    "Foyer rural des Trois Rivières (exemple)": ((2021, 2023), "paid"),
    "Réseau des acteurs du Plateau (exemple)": ((2023,), "pending"),
}
METHODS = [PaymentMethod.TRANSFER, PaymentMethod.CHEQUE, PaymentMethod.MANDATE]


def structure_years() -> dict[str, tuple[int, ...]]:
    """The past years each structure paid for."""
    return {name: years for name, (years, _) in STRUCTURE_YEARS.items()}


def save_memberships(*, owner: User, cap_rural: Organisation, today: datetime.date) -> int:
    individual, structure = save_types(owner=owner, cap_rural=cap_rural)
    count = 0
    for number, participant in enumerate(PARTICIPANTS):
        years = [(year, Status.EXPIRED) for year in participant.member_years]
        if participant.member_now:
            status = Status.PAID if participant.member_now == "paid" else Status.PENDING
            years.append((today.year, status))
        for year, status in years:
            _save(
                individual,
                year,
                status,
                number,
                today,
                lookup={"email": participant.email, "organisation": None},
                first_name=participant.first_name,
                last_name=participant.last_name,
                amount=individual.fee,
            )
            count += 1
    brackets = list(structure.brackets.order_by("position"))
    for number, (name, (past_years, now)) in enumerate(STRUCTURE_YEARS.items()):
        organisation = save_structure(name, owner=owner)
        contact = next(p for p in PARTICIPANTS if p.organisation == name)
        bracket = brackets[STRUCTURES[name]]
        years = [(year, Status.EXPIRED) for year in past_years]
        years.append((today.year, Status.PAID if now == "paid" else Status.PENDING))
        for year, status in years:
            _save(
                structure,
                year,
                status,
                number,
                today,
                lookup={"organisation": organisation},
                first_name=contact.first_name,
                last_name=contact.last_name,
                email=contact.email,
                bracket=bracket,
                amount=bracket.fee,
            )
            count += 1
    return count


def save_types(*, owner: User, cap_rural: Organisation) -> tuple[MembershipType, MembershipType]:
    individual, _ = MembershipType.objects.update_or_create(
        name=INDIVIDUAL,
        organiser=cap_rural,
        defaults={
            "member_kind": MemberKind.PERSON,
            "fee": Decimal("30.00"),
            "description": "Cotisation annuelle d'une personne. " + EXAMPLE_AMOUNTS,
            "contact_email": CONTACT_EMAIL,
        },
    )
    structure, _ = MembershipType.objects.update_or_create(
        name=STRUCTURE,
        organiser=cap_rural,
        defaults={
            "member_kind": MemberKind.ORGANISATION,
            "fee": None,
            "description": "Cotisation annuelle d'une structure, selon sa taille. "
            + EXAMPLE_AMOUNTS,
            "contact_email": CONTACT_EMAIL,
        },
    )
    for position, (label, fee) in enumerate(BRACKETS, start=1):
        FeeBracket.objects.update_or_create(
            membership_type=structure, position=position, defaults={"label": label, "fee": fee}
        )
    for membership_type in (individual, structure):
        if membership_type.role_of(owner) != Role.OWNER:
            membership_type.grant(owner, Role.OWNER)
    return individual, structure


def save_structure(name: str, *, owner: User) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=name,
        defaults={
            "kind": OrganisationKind.ASSOCIATION,
            "description": "Structure fictive de démonstration.",
            "created_by": owner,
        },
    )
    if organisation.role_of(owner) is None:
        organisation.grant(owner, Role.OWNER)
    return organisation


def _save(
    membership_type: MembershipType,
    year: int,
    status: str,
    number: int,
    today: datetime.date,
    *,
    lookup: dict,
    **fields,
) -> Membership:
    """One membership year: paid in the first weeks of its year (never after today), by one of
    the usual means; pending ones have no payment yet."""
    paid = status != Status.PENDING
    paid_on = min(datetime.date(year, 1, 15) + datetime.timedelta(days=3 * number), today)
    membership, _ = Membership.objects.update_or_create(
        membership_type=membership_type,
        year=year,
        **lookup,
        defaults={
            **fields,
            "status": status,
            "paid_on": paid_on if paid else None,
            "payment_method": METHODS[number % len(METHODS)] if paid else "",
            "illustrative": True,
        },
    )
    if paid and not membership.receipt_number:
        # Numbered as a payment recorded by hand is, so that its receipt can be printed.
        with transaction.atomic():
            membership.receipt_number = next_receipt_number(paid_on.year)
            membership.save(update_fields=["receipt_number"])
    return membership
