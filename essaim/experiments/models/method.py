"""The method: steps and milestones on a timeline, and the optional theory of change."""

from django.db import models
from django.db.models import F, Q

from essaim.experiments.models.framing import Experiment


class StepKind(models.TextChoices):
    PHASE = "phase", "phase"
    STEP = "etape", "étape"
    MILESTONE = "jalon", "jalon"


class StepStatus(models.TextChoices):
    PLANNED = "prevue", "prévue"
    IN_PROGRESS = "en_cours", "en cours"
    DONE = "terminee", "terminée"
    LATE = "en_retard", "en retard"
    CANCELLED = "abandonnee", "abandonnée"


class Step(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField("type", max_length=10, choices=StepKind.choices, default=StepKind.STEP)
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    start_date = models.DateField("début")
    end_date = models.DateField(
        "fin", null=True, blank=True, help_text="Laissez vide pour un jalon (une seule date)."
    )
    deliverables = models.TextField("livrables", blank=True)
    status = models.CharField(
        "statut", max_length=12, choices=StepStatus.choices, default=StepStatus.PLANNED
    )

    class Meta:
        verbose_name = "étape"
        verbose_name_plural = "étapes et jalons"
        ordering = ["start_date", "end_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="step_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_milestone(self) -> bool:
        return self.kind == StepKind.MILESTONE or self.end_date is None


class OutcomeLevel(models.TextChoices):
    """The chain of a theory of change, from what is done to what changes."""

    ACTIVITY = "activite", "activité"
    OUTPUT = "realisation", "réalisation"
    SHORT_TERM = "effet_court_terme", "effet à court terme"
    MEDIUM_TERM = "effet_moyen_terme", "effet à moyen terme"
    IMPACT = "impact", "impact"


OUTCOME_LEVEL_ORDER = {level: index for index, level in enumerate(OutcomeLevel)}


class Outcome(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="outcomes")
    level = models.CharField("niveau", max_length=20, choices=OutcomeLevel.choices)
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "maillon de la théorie du changement"
        verbose_name_plural = "théorie du changement"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class OutcomeLink(models.Model):
    """“This leads to that”: one arrow of the theory of change, with why and on what it rests."""

    source = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="links_out", verbose_name="de"
    )
    target = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="links_in", verbose_name="vers"
    )
    rationale = models.TextField("pourquoi l'un mène à l'autre", blank=True)
    assumptions = models.TextField("hypothèses sous-jacentes", blank=True)

    class Meta:
        verbose_name = "lien de la théorie du changement"
        verbose_name_plural = "liens de la théorie du changement"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="outcome_link_once"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="outcome_link_not_loop"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"
