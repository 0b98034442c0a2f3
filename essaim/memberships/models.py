"""Memberships of a resource centre: the annual *cotisation* of a person or an organisation.

A membership type sets who may join (a person or an organisation) and the fee, flat or by
bracket (for example by the population of a commune); a membership is one year of one member,
pending until its payment is recorded by hand, then paid, and expired once its year is over."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from essaim.roles.models import RoleHolder, RoleQuerySet


class MemberKind(models.TextChoices):
    PERSON = "person", "individuelle"
    ORGANISATION = "organisation", "structure"


class MembershipType(RoleHolder):
    """A kind of membership, managed by those who hold a role on it (the resource centre)."""

    name = models.CharField("intitulé", max_length=200)
    member_kind = models.CharField("adhésion", max_length=14, choices=MemberKind.choices)
    organiser = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_types",
        verbose_name="structure qui reçoit les cotisations",
    )
    fee = models.DecimalField(
        "cotisation annuelle (€)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Vide quand la cotisation dépend d'une tranche.",
    )
    description = models.TextField("présentation", blank=True)
    active = models.BooleanField("proposée", default=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "type d'adhésion"
        verbose_name_plural = "types d'adhésion"
        ordering = ["member_kind", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class FeeBracket(models.Model):
    """A bracket of the fee, for example « communes de moins de 1 000 habitants »."""

    membership_type = models.ForeignKey(
        MembershipType, on_delete=models.CASCADE, related_name="brackets"
    )
    label = models.CharField("tranche", max_length=200)
    fee = models.DecimalField("cotisation (€)", max_digits=8, decimal_places=2)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "tranche de cotisation"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.label} : {self.fee} €"


class Status(models.TextChoices):
    PENDING = "pending", "en attente de paiement"
    PAID = "paid", "à jour"
    EXPIRED = "expired", "expirée"


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", "virement"
    CHEQUE = "cheque", "chèque"
    CASH = "cash", "espèces"
    CARD = "card", "carte bancaire"
    MANDATE = "mandate", "mandat administratif"


class MembershipQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None):
        """Paid memberships of the year of ``day``."""
        day = day or timezone.localdate()
        return self.filter(status=Status.PAID, year=day.year)

    def of_email_or_organisation(self, email: str, organisation=None):
        condition = Q(email__iexact=email.strip())
        if organisation is not None:
            condition |= Q(organisation=organisation)
        return self.filter(condition)


class Membership(models.Model):
    """One year of membership of one member: a person (by e-mail) or an organisation."""

    membership_type = models.ForeignKey(
        MembershipType, on_delete=models.PROTECT, related_name="memberships", verbose_name="type"
    )
    year = models.PositiveSmallIntegerField("année")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="structure adhérente",
    )
    first_name = models.CharField("prénom", max_length=100, blank=True)
    last_name = models.CharField("nom", max_length=100, blank=True)
    email = models.EmailField(
        "adresse e-mail",
        blank=True,
        help_text="Celle de l'adhérent, ou du contact de la structure.",
    )
    postal_address = models.TextField("adresse postale", blank=True)
    bracket = models.ForeignKey(
        FeeBracket, on_delete=models.PROTECT, null=True, blank=True, verbose_name="tranche"
    )
    amount = models.DecimalField("montant (€)", max_digits=8, decimal_places=2)
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    paid_on = models.DateField("payée le", null=True, blank=True)
    payment_method = models.CharField(
        "moyen de paiement", max_length=10, choices=PaymentMethod.choices, blank=True
    )
    payment_reference = models.CharField("référence du paiement", max_length=100, blank=True)
    receipt_number = models.CharField("numéro de reçu", max_length=30, blank=True)
    reminded_at = models.DateTimeField("relance envoyée le", null=True, blank=True)
    note = models.TextField("remarque", blank=True)
    illustrative = models.BooleanField("exemple illustratif", default=False)
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "adhésion"
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership_type", "year", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_membership_per_organisation_and_year",
                violation_error_message=(
                    "Cette structure a déjà une adhésion de ce type pour cette année."
                ),
            ),
            models.UniqueConstraint(
                "membership_type",
                "year",
                models.functions.Lower("email"),
                condition=Q(organisation__isnull=True),
                name="one_membership_per_person_and_year",
                violation_error_message=(
                    "Cette personne a déjà une adhésion de ce type pour cette année."
                ),
            ),
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=~Q(receipt_number=""),
                name="unique_receipt_number",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(paid_on__isnull=False),
                name="a_paid_membership_has_a_payment_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_name} — {self.year}"

    @property
    def member_name(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def clean(self) -> None:
        kind = self.membership_type.member_kind if self.membership_type_id else None
        if kind == MemberKind.ORGANISATION and not self.organisation_id:
            raise ValidationError({"organisation": "Choisissez la structure adhérente."})
        if kind == MemberKind.PERSON and not (self.last_name and self.email):
            raise ValidationError({"email": "Indiquez le nom et l'adresse e-mail de l'adhérent."})
        if self.status == Status.PAID and not self.paid_on:
            raise ValidationError({"paid_on": "Indiquez la date du paiement."})

    @staticmethod
    def fee_for(membership_type: MembershipType, bracket: FeeBracket | None) -> Decimal:
        if bracket is not None:
            return bracket.fee
        return membership_type.fee or Decimal(0)
