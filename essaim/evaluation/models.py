"""Evaluation and learning: evaluative questions, indicators and their measurements with
evidence, hypothesis verdicts, and the learning journal."""

from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Sum, When

from essaim.core.uploads import validate_evidence_file
from essaim.experiments.models import Experiment, Hypothesis, Outcome, Step


def evidence_path(instance, filename: str) -> str:
    return f"preuves/{instance.experiment_id_for_upload}/{filename}"


class EvaluationCriterion(models.TextChoices):
    RELEVANCE = "pertinence", "pertinence"
    COHERENCE = "coherence", "cohérence"
    EFFECTIVENESS = "efficacite", "efficacité"
    EFFICIENCY = "efficience", "efficience"
    IMPACT = "impact", "impact"
    SUSTAINABILITY = "durabilite", "durabilité"
    TRANSFERABILITY = "transferabilite", "transférabilité"


class EvaluationQuestion(models.Model):
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="evaluation_questions"
    )
    question = models.TextField("question évaluative")
    criterion = models.CharField(
        "critère", max_length=20, choices=EvaluationCriterion.choices, blank=True
    )
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "question évaluative"
        verbose_name_plural = "questions évaluatives"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.question


class IndicatorKind(models.TextChoices):
    QUANTITATIVE = "quantitatif", "quantitatif"
    QUALITATIVE = "qualitatif", "qualitatif"


class Direction(models.TextChoices):
    INCREASE = "hausse", "à la hausse"
    DECREASE = "baisse", "à la baisse"
    MAINTAIN = "maintien", "se maintenir"


class Frequency(models.TextChoices):
    WEEKLY = "hebdomadaire", "chaque semaine"
    MONTHLY = "mensuelle", "chaque mois"
    QUARTERLY = "trimestrielle", "chaque trimestre"
    HALF_YEARLY = "semestrielle", "chaque semestre"
    YEARLY = "annuelle", "chaque année"
    ONCE = "ponctuelle", "ponctuellement"


class IndicatorQuerySet(models.QuerySet):
    def with_standing(self) -> "IndicatorQuerySet":
        """Each indicator with ``current`` (:meth:`Indicator.current_value`, computed by the
        database: the sum of the values when cumulative, else the latest value),
        ``latest_level`` and ``latest_on`` (the level and the day of its latest measurement),
        without reading its measurements."""
        measurements = Measurement.objects.filter(indicator=OuterRef("pk")).order_by(
            "-measured_on", "-pk"
        )
        total = (
            measurements.order_by().values("indicator").annotate(total=Sum("value")).values("total")
        )
        latest = measurements.filter(value__isnull=False).values("value")[:1]
        value = models.DecimalField(max_digits=14, decimal_places=3)
        return self.annotate(
            current=Case(
                When(cumulative=True, then=Subquery(total, output_field=value)),
                default=Subquery(latest, output_field=value),
                output_field=value,
            ),
            latest_level=Subquery(measurements.values("level")[:1]),
            latest_on=Subquery(measurements.values("measured_on")[:1]),
        )


class Indicator(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="indicators")
    question = models.ForeignKey(
        EvaluationQuestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="question évaluative",
    )
    outcome = models.ForeignKey(
        Outcome,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="maillon de la théorie du changement",
    )
    name = models.CharField("intitulé", max_length=200)
    kind = models.CharField(
        "nature", max_length=12, choices=IndicatorKind.choices, default=IndicatorKind.QUANTITATIVE
    )
    unit = models.CharField("unité", max_length=50, blank=True)
    baseline_value = models.DecimalField(
        "valeur de départ", max_digits=14, decimal_places=3, null=True, blank=True
    )
    baseline_date = models.DateField("date de la valeur de départ", null=True, blank=True)
    baseline_source = models.CharField("source de la valeur de départ", max_length=300, blank=True)
    target_value = models.DecimalField(
        "valeur cible", max_digits=14, decimal_places=3, null=True, blank=True
    )
    target_date = models.DateField("échéance de la cible", null=True, blank=True)
    direction = models.CharField(
        "sens de l'amélioration",
        max_length=10,
        choices=Direction.choices,
        default=Direction.INCREASE,
    )
    cumulative = models.BooleanField(
        "cumulatif", default=False, help_text="Les mesures s'additionnent au fil du temps."
    )
    scale = models.JSONField(
        "échelle qualitative",
        default=list,
        blank=True,
        help_text="Les niveaux, du plus faible au plus fort.",
    )
    means_of_verification = models.TextField("moyens de vérification", blank=True)
    collection_method = models.TextField("méthode de collecte", blank=True)
    frequency = models.CharField(
        "fréquence", max_length=15, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    owner = models.CharField("responsable de la collecte", max_length=200, blank=True)
    position = models.PositiveIntegerField("ordre", default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "indicateur"
        verbose_name_plural = "indicateurs"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "name"], name="indicator_name_once"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_quantitative(self) -> bool:
        return self.kind == IndicatorKind.QUANTITATIVE

    def scale_label(self, level: int | None) -> str:
        """The word of the qualitative scale for ``level``; empty if it has none."""
        scale = self.scale or []
        if level is None or not 0 <= level < len(scale):
            return ""
        return scale[level]

    def current_value(self, measurements: list["Measurement"]) -> Decimal | None:
        """The value to compare with the target: the sum when cumulative, else the latest.
        ``measurements`` are this indicator's, oldest first."""
        values = [m.value for m in measurements if m.value is not None]
        if not values:
            return None
        return sum(values, Decimal(0)) if self.cumulative else values[-1]

    def progress(self, measurements: list["Measurement"]) -> int | None:
        """Progress from baseline to target, in percent (0–100), or ``None`` if unknown."""
        if not self.is_quantitative or self.target_value is None:
            return None
        return self.progress_towards(self.current_value(measurements))

    def progress_towards(self, current: Decimal | None) -> int | None:
        """The progress (as :meth:`progress`) when the current value is ``current``: for the
        indicators read :meth:`~IndicatorQuerySet.with_standing`."""
        if not self.is_quantitative:
            return None
        return progress_between(self.baseline_value, self.target_value, current)


def progress_between(
    baseline: Decimal | None, target: Decimal | None, current: Decimal | None
) -> int | None:
    """How far ``current`` has gone from ``baseline`` (0 when unknown) to ``target``, in
    percent (0–100); ``None`` without a target or a current value."""
    if target is None or current is None:
        return None
    start = baseline or Decimal(0)
    span = target - start
    if span == 0:
        return 100 if current == target else 0
    share = (current - start) / span
    return max(0, min(100, round(share * 100)))


def average_progress(percents: Iterable[int | None]) -> int | None:
    """The mean of the progresses that are known, rounded; ``None`` if none is."""
    known = [percent for percent in percents if percent is not None]
    return round(sum(known) / len(known)) if known else None


class IndicatorTarget(models.Model):
    """An intermediate target: the value expected at a date."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    due_on = models.DateField("échéance")
    value = models.DecimalField("valeur attendue", max_digits=14, decimal_places=3)

    class Meta:
        verbose_name = "cible intermédiaire"
        verbose_name_plural = "cibles intermédiaires"
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "due_on"], name="indicator_target_once")
        ]

    def __str__(self) -> str:
        return f"{self.value} au {self.due_on:%d/%m/%Y}"


class MeasurementBatch(models.Model):
    """The measurements one spreadsheet brought in, imported together and undone together."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="measurement_batches"
    )
    filename = models.CharField("fichier", max_length=255)
    count = models.PositiveIntegerField("mesures importées")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="importé par",
    )
    imported_at = models.DateTimeField("importé le", auto_now_add=True)

    class Meta:
        verbose_name = "import de mesures"
        verbose_name_plural = "imports de mesures"
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"« {self.filename} » ({self.count} mesures)"


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField("date")
    value = models.DecimalField("valeur", max_digits=14, decimal_places=3, null=True, blank=True)
    level = models.PositiveSmallIntegerField("niveau (échelle qualitative)", null=True, blank=True)
    comment = models.TextField("commentaire", blank=True)
    evidence = models.FileField(
        "justificatif",
        upload_to=evidence_path,
        blank=True,
        validators=[validate_evidence_file],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField("saisie le", auto_now_add=True)
    batch = models.ForeignKey(
        MeasurementBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name="import",
    )

    class Meta:
        verbose_name = "mesure"
        verbose_name_plural = "mesures"
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_measurement_per_day"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | Q(level__isnull=False),
                name="measurement_has_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} au {self.measured_on:%d/%m/%Y}"

    @property
    def experiment_id_for_upload(self) -> int:
        return self.indicator.experiment_id

    def level_label(self) -> str:
        return self.indicator.scale_label(self.level)


class Verdict(models.TextChoices):
    CONFIRMED = "confirmee", "confirmée"
    REFUTED = "refutee", "réfutée"
    TO_REFINE = "a_affiner", "à affiner"


class HypothesisVerdict(models.Model):
    hypothesis = models.ForeignKey(Hypothesis, on_delete=models.CASCADE, related_name="verdicts")
    verdict = models.CharField("verdict", max_length=12, choices=Verdict.choices)
    decided_on = models.DateField("date")
    rationale = models.TextField("ce qui le fonde")
    measurements = models.ManyToManyField(
        Measurement, blank=True, related_name="verdicts", verbose_name="mesures à l'appui"
    )
    journal_entries = models.ManyToManyField(
        "JournalEntry", blank=True, related_name="verdicts", verbose_name="entrées du journal"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "verdict sur une hypothèse"
        verbose_name_plural = "verdicts sur les hypothèses"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.hypothesis} : {self.get_verdict_display()}"


class EntryKind(models.TextChoices):
    OBSERVATION = "observation", "observation"
    SURPRISE = "surprise", "surprise"
    FAILURE = "echec", "échec"
    ADAPTATION = "adaptation", "adaptation"


class JournalEntry(models.Model):
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="journal_entries"
    )
    written_on = models.DateField("date")
    kind = models.CharField("type", max_length=12, choices=EntryKind.choices)
    title = models.CharField("titre", max_length=200)
    what_happened = models.TextField("ce qui s'est passé")
    what_learned = models.TextField("ce que nous avons appris", blank=True)
    what_changes = models.TextField("ce que cela change", blank=True)
    hypothesis = models.ForeignKey(
        Hypothesis,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name="hypothèse concernée",
    )
    step = models.ForeignKey(
        Step,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name="étape concernée",
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name="indicateur concerné",
    )
    highlight = models.BooleanField(
        "enseignement marquant", default=False, help_text="Repris dans le dossier."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("écrite le", auto_now_add=True)

    class Meta:
        verbose_name = "entrée du journal d'apprentissage"
        verbose_name_plural = "journal d'apprentissage"
        ordering = ["-written_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class JournalEvidence(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("fichier", upload_to=evidence_path, validators=[validate_evidence_file])
    description = models.CharField("description", max_length=200, blank=True)

    class Meta:
        verbose_name = "pièce du journal"
        verbose_name_plural = "pièces du journal"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description or self.file.name

    @property
    def experiment_id_for_upload(self) -> int:
        return self.entry.experiment_id
