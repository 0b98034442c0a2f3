"""Readiness diagnoses: the grid of :mod:`essaim.scaling.readiness` answered on a date, kept
so that the next one shows the progress."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from essaim.experiments.models import Experiment
from essaim.roles.models import RoleHolder, RoleQuerySet
from essaim.scaling import readiness
from essaim.scaling.readiness import ANSWER_CHOICES, HIGHEST_ANSWER


class ReadinessDiagnosis(RoleHolder):
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="readiness_diagnoses"
    )
    assessed_on = models.DateField("date du diagnostic", default=timezone.localdate)
    note = models.TextField("commentaire d'ensemble", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="établi par",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)

    roles_from = "experiment"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "diagnostic de maturité"
        verbose_name_plural = "diagnostics de maturité"
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"Diagnostic du {self.assessed_on:%d/%m/%Y}"

    def answer_scores(self) -> dict[str, int | None]:
        """Question key → score, from the prefetched or loaded answers."""
        return {answer.question: answer.score for answer in self.answers.all()}

    def dimension_scores(self) -> list[readiness.DimensionScore]:
        return readiness.score_dimensions(self.answer_scores())

    def overall_score(self) -> int | None:
        return readiness.overall_score(self.dimension_scores())


class ReadinessAnswer(models.Model):
    diagnosis = models.ForeignKey(
        ReadinessDiagnosis, on_delete=models.CASCADE, related_name="answers"
    )
    # The key of a question of the grid (``readiness.QUESTIONS``), checked by the form.
    question = models.CharField("question", max_length=40)
    score = models.PositiveSmallIntegerField(
        "réponse", choices=ANSWER_CHOICES, null=True, blank=True
    )
    justification = models.TextField("justification", blank=True)

    class Meta:
        verbose_name = "réponse du diagnostic"
        verbose_name_plural = "réponses du diagnostic"
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis", "question"], name="one_readiness_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=HIGHEST_ANSWER),
                name="readiness_score_in_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} : {self.score}"
