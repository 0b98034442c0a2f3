"""Across territories: the themes proposed by the analysis of every interview note (a background
task that tells its progress), and the synthesis the team writes from the grid of territories ×
themes with the quotes it selects."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from essaim.programmes.models.interviews import Quote, Theme
from essaim.programmes.models.programme import Programme


class ExtractionStatus(models.TextChoices):
    QUEUED = "attente", "en attente"
    RUNNING = "en_cours", "en cours"
    DONE = "terminee", "terminée"
    FAILED = "echec", "échec"


class ThemeExtraction(models.Model):
    """One run of the theme analysis over a programme's notes and quotes. Its proposals are kept
    as the analysis gave them (label, key phrases, supporting passages by key) until the team
    accepts, renames, merges or leaves each."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="theme_extractions"
    )
    status = models.CharField(
        "état", max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.QUEUED
    )
    done = models.PositiveIntegerField("étapes faites", default=0)
    total = models.PositiveIntegerField("étapes en tout", default=0)
    passage_count = models.PositiveIntegerField("passages analysés", default=0)
    proposals = models.JSONField("propositions", default=list, blank=True)
    error = models.TextField("erreur", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandée par",
    )
    created_at = models.DateTimeField("demandée le", default=timezone.now)
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)

    class Meta:
        verbose_name = "analyse des thèmes"
        verbose_name_plural = "analyses des thèmes"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ExtractionStatus.values),
                name="theme_extraction_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Analyse des thèmes du {self.created_at:%d/%m/%Y}"

    @property
    def percent(self) -> int:
        if self.status == ExtractionStatus.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_running(self) -> bool:
        return self.status in (ExtractionStatus.QUEUED, ExtractionStatus.RUNNING)


class Synthesis(models.Model):
    """The global synthesis of the listening (« une synthèse issue de l'écoute territoriale »):
    an introduction, a text per theme, the quotes the team selected, a conclusion."""

    programme = models.OneToOneField(Programme, on_delete=models.CASCADE, related_name="synthesis")
    title = models.CharField("titre", max_length=250, default="Synthèse de l'écoute territoriale")
    introduction = models.TextField("introduction", blank=True)
    conclusion = models.TextField("conclusion", blank=True)
    selected_quotes = models.ManyToManyField(
        Quote, blank=True, related_name="+", verbose_name="citations retenues"
    )
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "synthèse"
        verbose_name_plural = "synthèses"

    def __str__(self) -> str:
        return self.title


class SynthesisSection(models.Model):
    """What the synthesis says of one theme across the territories."""

    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="sections")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    text = models.TextField("texte", blank=True)

    class Meta:
        verbose_name = "partie de la synthèse"
        verbose_name_plural = "parties de la synthèse"
        ordering = ["theme__name"]
        constraints = [
            models.UniqueConstraint(fields=["synthesis", "theme"], name="synthesis_theme_unique")
        ]

    def __str__(self) -> str:
        return str(self.theme)
