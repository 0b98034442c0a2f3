"""Memberships of a resource centre: the annual *cotisation* of a person or an organisation.

A membership type sets who may join (a person or an organisation) and the fee, flat or by
bracket (for example by the population of a commune); a membership is one year of one member,
pending until its payment is recorded by hand, then paid, and expired once its year is over."""

import calendar
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.core.history import Tracked
from essaim.lib.errors import DomainError
from essaim.lib.french import euros
from essaim.roles.models import RoleHolder, RoleQuerySet


class MembershipRefused(DomainError):
    """A change of a membership that is refused; the message is French and said as is."""


MONTHS = [
    (1, "janvier"), (2, "février"), (3, "mars"), (4, "avril"), (5, "mai"), (6, "juin"),
    (7, "juillet"), (8, "août"), (9, "septembre"), (10, "octobre"), (11, "novembre"),
    (12, "décembre"),
]  # fmt: skip


class MemberKind(models.TextChoices):
    PERSON = "person", "individuelle"
    ORGANISATION = "organisation", "structure"


class MembershipType(Tracked, RoleHolder):
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
    active = models.BooleanField(
        "proposée",
        default=True,
        help_text="Les types proposés figurent sur le bulletin d'adhésion à télécharger.",
    )
    payment_instructions = models.TextField(
        "comment régler",
        blank=True,
        help_text="Imprimé sur le bulletin et rappelé dans les relances : par exemple « par "
        "virement (IBAN FR76 …), par chèque à l'ordre de Cap Rural ou par mandat administratif ».",
    )
    send_to = models.TextField(
        "à qui renvoyer le bulletin",
        blank=True,
        help_text="Le nom et l'adresse postale où envoyer le bulletin rempli.",
    )
    contact_email = models.EmailField(
        "e-mail de contact",
        blank=True,
        help_text="Imprimé sur le bulletin ; les adhérents qui répondent à une relance "
        "écrivent à cette adresse.",
    )
    reminder_day = models.PositiveSmallIntegerField(
        "relance à partir du (jour)",
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
    )
    reminder_month = models.PositiveSmallIntegerField(
        "relance à partir du (mois)", default=1, choices=MONTHS
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "type d'adhésion"
        verbose_name_plural = "types d'adhésion"
        ordering = ["member_kind", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fee__isnull=True) | Q(fee__gte=0), name="a_fee_is_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(reminder_month__gte=1, reminder_month__lte=12)
                & Q(reminder_day__gte=1, reminder_day__lte=31),
                name="the_reminder_day_is_a_day_of_the_year",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        """The members of this type: the page every role on it may see."""
        return f"{reverse('memberships:list')}?type={self.pk}"

    def clean(self) -> None:
        last_day = calendar.monthrange(2001, self.reminder_month)[1]  # a year with no 29 February
        if self.reminder_day and self.reminder_month and self.reminder_day > last_day:
            message = (
                f"Ce mois compte {last_day} jours : choisissez un jour qui existe chaque année."
            )
            raise ValidationError({"reminder_day": message})

    def reminder_date(self, year: int) -> datetime.date:
        """The day of ``year`` from which last year's members are reminded to renew."""
        last_day = calendar.monthrange(year, self.reminder_month)[1]
        return datetime.date(year, self.reminder_month, min(self.reminder_day, last_day))


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
        verbose_name_plural = "tranches de cotisation"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(fee__gte=0), name="a_bracket_fee_is_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.label} : {euros(self.fee)}"


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

    def managed_by(self, user):
        """The memberships of the types on which ``user`` holds a role (every type for staff)."""
        return self.filter(membership_type__in=MembershipType.objects.visible_to(user))

    def search(self, query: str):
        """Every word typed appears in the member's name, e-mail, structure or receipt."""
        rows = self
        for word in query.split():
            rows = rows.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(organisation__short_name__icontains=word)
                | Q(receipt_number__icontains=word)
            )
        return rows

    def counts(self) -> dict:
        """How many are paid, pending and expired, and the fees received (paid or expired after
        being paid), in one query."""
        received = Q(paid_on__isnull=False) & ~Q(status=Status.PENDING)
        return self.order_by().aggregate(
            total=models.Count("pk"),
            paid=models.Count("pk", filter=Q(status=Status.PAID)),
            pending=models.Count("pk", filter=Q(status=Status.PENDING)),
            expired=models.Count("pk", filter=Q(status=Status.EXPIRED)),
            received=models.functions.Coalesce(
                models.Sum("amount", filter=received),
                Decimal(0),
                output_field=models.DecimalField(max_digits=12, decimal_places=2),
            ),
        )


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
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="a_membership_amount_is_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.member_name} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("memberships:detail", args=[self.pk])

    @property
    def member_name(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def clean(self) -> None:
        kind = self.membership_type.member_kind if self.membership_type_id else None
        errors: dict[str, str] = {}
        if kind == MemberKind.ORGANISATION and not self.organisation_id:
            errors["organisation"] = "Choisissez la structure adhérente."
        if kind == MemberKind.PERSON:
            if self.organisation_id:
                errors["organisation"] = (
                    "Une adhésion individuelle ne se rattache pas à une structure : laissez ce "
                    "champ vide, ou choisissez un type d'adhésion pour les structures."
                )
            if not self.last_name:
                errors["last_name"] = "Indiquez le nom de l'adhérent."
            if not self.email:
                errors["email"] = "Indiquez l'adresse e-mail de l'adhérent."
        if (
            self.bracket_id
            and self.membership_type_id
            and self.bracket.membership_type_id != self.membership_type_id
        ):
            errors["bracket"] = "Cette tranche n'est pas celle de ce type d'adhésion."
        if self.status == Status.PAID and not self.paid_on:
            errors["paid_on"] = "Indiquez la date du paiement."
        if errors:
            raise ValidationError(errors)

    @property
    def is_pending(self) -> bool:
        return self.status == Status.PENDING

    @property
    def is_paid(self) -> bool:
        return self.status == Status.PAID

    @property
    def has_receipt(self) -> bool:
        """A receipt exists once the payment is recorded, and stays after the year expires."""
        return bool(self.receipt_number)

    def mark_paid(
        self,
        *,
        paid_on: datetime.date,
        method: str,
        reference: str,
        amount: Decimal,
        receipt_number: str,
    ) -> None:
        """Record the payment received (not saved): only a pending membership can be paid."""
        if self.status != Status.PENDING:
            raise MembershipRefused(
                f"Cette adhésion est « {self.get_status_display()} » : son paiement ne peut plus "
                "être enregistré."
            )
        self.status = Status.PAID
        self.paid_on = paid_on
        self.payment_method = method
        self.payment_reference = reference
        self.amount = amount
        self.receipt_number = receipt_number

    def mark_expired(self) -> None:
        """End the membership (not saved): a paid one whose year is over, or a pending one that
        will not be paid."""
        if self.status == Status.EXPIRED:
            raise MembershipRefused("Cette adhésion est déjà expirée.")
        self.status = Status.EXPIRED

    def next_year(self) -> "Membership":
        """The membership of the same member for the following year, pending, at the fee the
        type asks now (not saved)."""
        return Membership(
            membership_type=self.membership_type,
            year=self.year + 1,
            organisation=self.organisation,
            first_name=self.first_name,
            last_name=self.last_name,
            email=self.email,
            postal_address=self.postal_address,
            bracket=self.bracket,
            amount=Membership.fee_for(self.membership_type, self.bracket),
        )

    @staticmethod
    def fee_for(membership_type: MembershipType, bracket: FeeBracket | None) -> Decimal:
        if bracket is not None:
            return bracket.fee
        return membership_type.fee or Decimal(0)
