"""Expenses: what the organisers cover (« les déplacements, repas et hébergements des binômes
d'experts », « les frais de déplacement et les repas des représentants des territoires »), and
the claims of each person for each event, with their receipts, checked against those rules."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.attachments.registry import attachable
from essaim.programmes.models.programme import GroupMember, Programme
from essaim.programmes.models.territories import TerritoryContact
from essaim.programmes.models.visits import Visit
from essaim.programmes.models.workshops import Seminar, Workshop
from essaim.roles.models import RoleHolder, RoleQuerySet


class Claimant(models.TextChoices):
    EXPERT = "expert", "expert du binôme"
    REPRESENTATIVE = "representant", "représentant d'un territoire"


class EventKind(models.TextChoices):
    VISIT = "visite", "écoute territoriale"
    WORKSHOP = "atelier", "atelier inter-territoires"
    SEMINAR = "seminaire", "séminaire"


class Category(models.TextChoices):
    TRAVEL = "deplacement", "déplacement"
    MEAL = "repas", "repas"
    LODGING = "hebergement", "hébergement"


class ExpenseRules(models.Model):
    """The programme's rules: rates, caps, and who is covered for what."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="expense_rules"
    )
    mileage_rate = models.DecimalField(
        "indemnité kilométrique (€ par km)",
        max_digits=5,
        decimal_places=3,
        default=Decimal("0.32"),
    )
    meal_cap = models.DecimalField(
        "plafond d'un repas (€)", max_digits=7, decimal_places=2, default=Decimal("17.50")
    )
    lodging_cap = models.DecimalField(
        "plafond d'une nuit (€)", max_digits=7, decimal_places=2, default=Decimal("90.00")
    )

    class Meta:
        verbose_name = "règles de prise en charge"
        verbose_name_plural = "règles de prise en charge"

    def __str__(self) -> str:
        return f"Règles de prise en charge — {self.programme}"


class Coverage(models.Model):
    """One line of the rules: ``claimant`` is covered for ``category`` at ``event``."""

    rules = models.ForeignKey(ExpenseRules, on_delete=models.CASCADE, related_name="coverages")
    claimant = models.CharField("qui", max_length=12, choices=Claimant.choices)
    event = models.CharField("pour", max_length=10, choices=EventKind.choices)
    category = models.CharField("quoi", max_length=12, choices=Category.choices)

    class Meta:
        verbose_name = "prise en charge"
        verbose_name_plural = "prises en charge"
        ordering = ["claimant", "event", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["rules", "claimant", "event", "category"], name="coverage_unique"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_claimant_display()} : {self.get_category_display()} "
            f"({self.get_event_display()})"
        )


class ClaimStatus(models.TextChoices):
    SUBMITTED = "soumise", "soumise"
    APPROVED = "approuvee", "approuvée"
    REFUSED = "refusee", "refusée"
    PAID = "remboursee", "remboursée"


@attachable
class ExpenseClaim(RoleHolder):
    """An expense of one person for one event, with its receipt (an attachment). A claim
    outside the rules is flagged; approving it asks for the reason."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="expense_claims"
    )
    claimant_kind = models.CharField("qui", max_length=12, choices=Claimant.choices)
    expert = models.ForeignKey(
        GroupMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expense_claims",
        verbose_name="expert",
    )
    contact = models.ForeignKey(
        TerritoryContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expense_claims",
        verbose_name="représentant",
    )
    claimant_name = models.CharField("nom", max_length=200)
    event_kind = models.CharField("événement", max_length=10, choices=EventKind.choices)
    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="expense_claims"
    )
    workshop = models.ForeignKey(
        Workshop, on_delete=models.PROTECT, null=True, blank=True, related_name="expense_claims"
    )
    seminar = models.ForeignKey(
        Seminar, on_delete=models.PROTECT, null=True, blank=True, related_name="expense_claims"
    )
    category = models.CharField("nature", max_length=12, choices=Category.choices)
    spent_on = models.DateField("date de la dépense")
    kilometres = models.PositiveIntegerField("kilomètres", null=True, blank=True)
    amount = models.DecimalField("montant (€)", max_digits=9, decimal_places=2)
    description = models.CharField("détail", max_length=300, blank=True)
    status = models.CharField(
        "état", max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    # Why the claim does not follow the rules, as checked when it was last saved (« » if it does).
    flags = models.TextField("hors des règles", blank=True)
    override_reason = models.TextField("raison de l'accord malgré les règles", blank=True)
    decision_reason = models.TextField("raison de la décision", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidée par",
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="saisie par",
    )
    created_at = models.DateTimeField("saisie le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    roles_from = "programme"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "note de frais"
        verbose_name_plural = "notes de frais"
        ordering = ["-spent_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ClaimStatus.values), name="expense_claim_status_known"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="expense_claim_category_known"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="expense_claim_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=(
                    Q(event_kind=EventKind.VISIT, visit__isnull=False)
                    | Q(event_kind=EventKind.WORKSHOP, workshop__isnull=False)
                    | Q(event_kind=EventKind.SEMINAR, seminar__isnull=False)
                ),
                name="expense_claim_has_its_event",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"{self.claimant_name} — {self.get_category_display()} du {self.spent_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:expense", args=[self.programme_id, self.pk])

    @property
    def event(self) -> Visit | Workshop | Seminar | None:
        return self.visit or self.workshop or self.seminar

    @property
    def flag_list(self) -> list[str]:
        return [line for line in self.flags.splitlines() if line.strip()]
