"""Stop/go decisions: at a gate or at the end, against the stop/go criteria."""

from django.conf import settings
from django.db import models

from essaim.experiments.models.framing import Experiment, StopGoCriterion
from essaim.experiments.models.stages import DecisionKind, Stage
from essaim.governance.models import Meeting


class Decision(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField("décision", max_length=30, choices=DecisionKind.choices)
    decided_on = models.DateField("date de la décision")
    at_gate = models.BooleanField(
        "à une étape de décision",
        default=True,
        help_text="Décochez pour la décision finale de l'expérimentation.",
    )
    rationale = models.TextField("justification")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stop_go_decisions",
        verbose_name="réunion où elle a été prise",
    )
    stage_before = models.CharField("étape avant", max_length=30, choices=Stage.choices)
    stage_after = models.CharField("étape après", max_length=30, choices=Stage.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField("enregistrée le", auto_now_add=True)

    class Meta:
        verbose_name = "décision d'arrêt ou de poursuite"
        verbose_name_plural = "décisions d'arrêt ou de poursuite"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.decided_on:%d/%m/%Y})"


class Assessment(models.TextChoices):
    MET = "atteint", "atteint"
    PARTLY_MET = "partiellement", "partiellement atteint"
    NOT_MET = "non_atteint", "non atteint"


class CriterionAssessment(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(
        StopGoCriterion, on_delete=models.CASCADE, related_name="assessments"
    )
    assessment = models.CharField("appréciation", max_length=20, choices=Assessment.choices)
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "appréciation d'un critère"
        verbose_name_plural = "appréciations des critères"
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "criterion"], name="criterion_assessed_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion} : {self.get_assessment_display()}"
