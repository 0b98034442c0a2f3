"""The workflows of memberships: create a type or a membership, record a payment by hand (which
gives the receipt its number), renew for the next year, end a membership.

Each function owns its transaction, writes the change in the history, and raises
:class:`MembershipRefused` with a French message when the change is refused. What other areas
ask of memberships is :func:`valid_membership_for`.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.models import YearlySequence, record_history
from essaim.lib.french import euros
from essaim.memberships.models import (
    FeeBracket,
    Membership,
    MembershipRefused,
    MembershipType,
    PaymentMethod,
    Status,
)
from essaim.memberships.payments import run_payment_hooks
from essaim.roles.models import Role

RECEIPT_SEQUENCE = "receipt"  # the name of the receipts' YearlySequence

__all__ = [
    "MembershipRefused",
    "create_membership",
    "create_membership_type",
    "expire_membership",
    "next_receipt_number",
    "record_payment",
    "renew_membership",
    "save_membership_changes",
    "valid_membership_for",
]


def valid_membership_for(
    email: str, organisation=None, on: datetime.date | None = None
) -> Membership | None:
    """The paid membership, for the year of ``on`` (today by default), of the person whose
    address is ``email`` or of ``organisation``; ``None`` when there is none."""
    day = on or timezone.localdate()
    return (
        Membership.objects.valid_on(day)
        .of_email_or_organisation(email, organisation)
        .select_related("membership_type", "organisation")
        .order_by("pk")
        .first()
    )


# Types -----------------------------------------------------------------------------------------


def create_membership_type(*, membership_type: MembershipType, by: User) -> MembershipType:
    """Save a new type (its brackets are saved by the caller, in the same transaction) and make
    its creator its owner."""
    with transaction.atomic():
        membership_type.save()
        membership_type.grant(by, Role.OWNER, by=by)
        membership_type.log_action(by, "created", f"Type d'adhésion « {membership_type} » créé")
    return membership_type


# Memberships -----------------------------------------------------------------------------------


def create_membership(*, membership: Membership, by: User) -> Membership:
    """Save a new membership, pending until its payment is recorded. The amount left empty is
    the fee of its type or bracket."""
    if membership.amount is None:
        membership.amount = Membership.fee_for(membership.membership_type, membership.bracket)
    membership.status = Status.PENDING
    try:
        with transaction.atomic():
            membership.save()
            _log(
                membership,
                by,
                "created",
                f"Adhésion {membership.year} enregistrée, en attente "
                f"de paiement ({euros(membership.amount)})",
            )
    except IntegrityError:
        raise MembershipRefused(_duplicate_message(membership)) from None
    return membership


def record_payment(
    *,
    membership: Membership,
    paid_on: datetime.date,
    method: PaymentMethod | str,
    reference: str = "",
    amount: Decimal | None = None,
    by: User | None,
) -> Membership:
    """Record the payment of a pending membership, received on ``paid_on``: it becomes paid
    and gets the next receipt number of the year of payment. What waited for it elsewhere
    follows in the same transaction (``payments.py``: the registrations pending this
    *cotisation* are confirmed)."""
    if paid_on > timezone.localdate():
        raise MembershipRefused("La date du paiement ne peut pas être dans le futur.")
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update(of=("self",))
            .select_related("membership_type", "organisation", "bracket")
            .get(pk=membership.pk)
        )
        locked.mark_paid(
            paid_on=paid_on,
            method=PaymentMethod(method),
            reference=reference.strip(),
            amount=locked.amount if amount is None else amount,
            receipt_number=next_receipt_number(paid_on.year),
        )
        locked.save(
            update_fields=[
                "status",
                "paid_on",
                "payment_method",
                "payment_reference",
                "amount",
                "receipt_number",
                "updated_at",
            ]
        )
        _log(
            locked,
            by,
            "paid",
            f"Paiement de {euros(locked.amount)} reçu le {paid_on:%d/%m/%Y} par "
            f"{locked.get_payment_method_display()} : reçu n° {locked.receipt_number}",
        )
        run_payment_hooks(locked, by=by)
    return locked


def save_membership_changes(*, membership: Membership, changed: list[str], by: User) -> None:
    """Save the corrected details of a membership (``changed`` names the fields, as labelled)."""
    try:
        with transaction.atomic():
            membership.save()
            _log(membership, by, "updated", "Modifié : " + ", ".join(changed).lower())
    except IntegrityError:
        raise MembershipRefused(_duplicate_message(membership)) from None


def next_receipt_number(year: int) -> str:
    """« 2026-0042 »: the next number of ``year``, taken under the lock of the year's counter
    row (``YearlySequence``). Must run inside the transaction that saves the receipt, so that a
    rolled-back payment gives its number back."""
    return f"{year}-{YearlySequence.next_number(RECEIPT_SEQUENCE, year):04d}"


def renew_membership(*, membership: Membership, by: User) -> Membership:
    """The membership of the same member for the next year, pending, at today's fee."""
    renewal = membership.next_year()
    try:
        renewal.full_clean(exclude=["amount"])
    except ValidationError as error:
        raise MembershipRefused(" ".join(error.messages)) from None
    return create_membership(membership=renewal, by=by)


def expire_membership(*, membership: Membership, by: User | None) -> Membership:
    """End a membership by hand: a paid one whose year is over, or a pending one that will
    not be paid."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        was = locked.get_status_display()
        locked.mark_expired()
        locked.save(update_fields=["status", "updated_at"])
        _log(locked, by, "expired", f"Adhésion {locked.year} marquée expirée (elle était {was})")
    return locked


def brackets_in_use(brackets: list[FeeBracket]) -> set[int]:
    """The primary keys, among ``brackets``, of those some membership was counted in."""
    return set(Membership.objects.filter(bracket__in=brackets).values_list("bracket", flat=True))


def _duplicate_message(membership: Membership) -> str:
    who = "Cette structure" if membership.organisation_id else "Cette personne"
    return f"{who} a déjà une adhésion « {membership.membership_type} » pour {membership.year}."


def _log(membership: Membership, actor, verb: str, summary: str) -> None:
    record_history(membership, actor=actor, verb=verb, summary=summary)
