"""The chosen strategy of scaling and the perennisation plan of an experiment, with their steps."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from essaim.experiments.models import Experiment
from essaim.roles.models import RoleHolder, RoleQuerySet


class Situation(models.TextChoices):
    WIDEN_PUBLIC = "elargir_public", "élargir le public"
    EXTEND_TERRITORY = "etendre_territoire", "étendre le territoire"
    REPLICATE = "essaimer", "essaimer dans d'autres territoires"


class ScaleType(models.TextChoices):
    OUT = "out", "horizontal (scale out) : plus de personnes, plus de territoires"
    UP = "up", "institutionnel (scale up) : institutions et politiques publiques"
    DEEP = "deep", "en profondeur (scale deep) : cultures et pratiques"


class StrategyKind(models.TextChoices):
    DIVERSIFICATION = "diversification", "diversification"
    LOOSE_NETWORK = "reseau_souple", "duplication en réseau souple"
    FRANCHISE = "franchise", "duplication en franchise sociale (contrat signé)"
    BRANCHES = "succursales", "duplication en succursales centralisées"
    KNOW_HOW = "transfert", "transfert de savoir-faire à d'autres acteurs"
    COOPERATION = "cooperation", "coopération"
    MERGER = "fusion", "fusion"


class Route(models.TextChoices):
    INFLUENCE = "influencer", "influencer et conseiller"
    NETWORK = "reseau", "construire un réseau de diffusion"
    PARTNERSHIPS = "partenariats", "nouer des partenariats stratégiques"
    GROWTH = "croissance", "développer l'organisation"


class ScalingStrategy(RoleHolder):
    """One per experiment: how it will grow, and how it will last."""

    experiment = models.OneToOneField(
        Experiment, on_delete=models.CASCADE, related_name="scaling_strategy"
    )
    situation = models.CharField("situation", max_length=20, choices=Situation.choices, blank=True)
    scale_types = models.JSONField("types de changement d'échelle", default=list, blank=True)
    strategy = models.CharField(
        "stratégie", max_length=20, choices=StrategyKind.choices, blank=True
    )
    route = models.CharField("voie", max_length=20, choices=Route.choices, blank=True)
    rationale = models.TextField("pourquoi ce choix", blank=True)
    target_territories = models.ManyToManyField(
        "territories.Territory",
        related_name="+",
        blank=True,
        verbose_name="territoires visés",
    )
    target_places = models.TextField(
        "autres territoires visés",
        blank=True,
        help_text="Ceux qui ne sont pas dans le référentiel : « les parcs naturels de la région ».",
    )
    target_publics = models.TextField("publics visés", blank=True)
    resources = models.TextField("ressources nécessaires", blank=True)
    # The perennisation plan.
    economic_model = models.TextField("modèle économique", blank=True)
    funding_transition = models.TextField("des subventions aux financements durables", blank=True)
    grant_share_now = models.PositiveSmallIntegerField(
        "part des subventions aujourd'hui (%)", null=True, blank=True
    )
    grant_share_target = models.PositiveSmallIntegerField(
        "part des subventions visée (%)", null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField("année visée", null=True, blank=True)
    institutional_anchoring = models.TextField("ancrage institutionnel", blank=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    roles_from = "experiment"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "stratégie de changement d'échelle"
        verbose_name_plural = "stratégies de changement d'échelle"
        constraints = [
            models.CheckConstraint(
                condition=Q(grant_share_now__isnull=True) | Q(grant_share_now__lte=100),
                name="grant_share_now_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(grant_share_target__isnull=True) | Q(grant_share_target__lte=100),
                name="grant_share_target_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"Stratégie — {self.experiment}"

    def scale_type_labels(self) -> list[str]:
        return [ScaleType(value).label for value in self.scale_types if value in ScaleType.values]


class Track(models.TextChoices):
    SCALING = "echelle", "changement d'échelle"
    PERENNISATION = "perennisation", "pérennisation"


class StepState(models.TextChoices):
    PLANNED = "prevue", "prévue"
    UNDERWAY = "en_cours", "en cours"
    DONE = "faite", "faite"


class ScalingStep(models.Model):
    """A step of the strategy or a milestone of the perennisation plan: its calendar."""

    strategy = models.ForeignKey(ScalingStrategy, on_delete=models.CASCADE, related_name="steps")
    track = models.CharField("volet", max_length=20, choices=Track.choices, default=Track.SCALING)
    title = models.CharField("étape", max_length=200)
    starts_on = models.DateField("début", null=True, blank=True)
    ends_on = models.DateField("fin", null=True, blank=True)
    resources = models.TextField("moyens", blank=True)
    state = models.CharField(
        "état", max_length=20, choices=StepState.choices, default=StepState.PLANNED
    )
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "étape du plan"
        verbose_name_plural = "étapes du plan"
        ordering = [F("starts_on").asc(nulls_last=True), "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="scaling_step_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(track__in=Track.values), name="scaling_step_track_known"
            ),
            models.CheckConstraint(
                condition=Q(state__in=StepState.values), name="scaling_step_state_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title
