"""Factories for evaluation objects: questions, indicators, targets, measurements, verdicts,
journal entries and their evidence."""

import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile

from essaim.evaluation.models import (
    EntryKind,
    EvaluationCriterion,
    EvaluationQuestion,
    HypothesisVerdict,
    Indicator,
    IndicatorKind,
    IndicatorTarget,
    JournalEntry,
    JournalEvidence,
    Measurement,
    Verdict,
)
from tests.experiments.factories import ExperimentFactory, HypothesisFactory


class EvaluationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationQuestion

    experiment = factory.SubFactory(ExperimentFactory)
    question = factory.Sequence(
        lambda n: f"Dans quelle mesure le dispositif répond-il au besoin de mobilité ? ({n})"
    )
    criterion = EvaluationCriterion.EFFECTIVENESS


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A quantitative indicator; ``IndicatorFactory(qualitative=True)`` gives one on a scale."""

    class Meta:
        model = Indicator

    experiment = factory.SubFactory(ExperimentFactory)
    name = factory.Sequence(lambda n: f"Trajets réalisés {n}")
    kind = IndicatorKind.QUANTITATIVE
    unit = "trajets"
    baseline_value = Decimal("0")
    baseline_date = datetime.date(2024, 1, 15)
    target_value = Decimal("20")
    target_date = datetime.date(2024, 12, 31)

    class Params:
        qualitative = factory.Trait(
            kind=IndicatorKind.QUALITATIVE,
            unit="",
            baseline_value=None,
            baseline_date=None,
            target_value=None,
            target_date=None,
            scale=["faible", "moyenne", "forte", "très forte"],
        )


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    due_on = factory.Sequence(lambda n: datetime.date(2024, 6, 30) + datetime.timedelta(days=n))
    value = Decimal("10")


class MeasurementFactory(factory.django.DjangoModelFactory):
    """A measurement with a value; pass ``level=…, value=None`` for a qualitative indicator."""

    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2024, 2, 1) + datetime.timedelta(days=n))
    value = Decimal("4")
    comment = ""

    class Params:
        with_evidence = factory.Trait(
            evidence=factory.django.FileField(
                filename="comptage.pdf", data=b"%PDF-1.4 comptage des trajets"
            )
        )


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalEntry

    experiment = factory.SubFactory(ExperimentFactory)
    written_on = datetime.date(2024, 3, 5)
    kind = EntryKind.OBSERVATION
    title = factory.Sequence(lambda n: f"Observation {n}")
    what_happened = "Les conducteurs s'arrêtent plus volontiers aux arrêts signalés."
    what_learned = "La signalétique compte plus que l'application."


class JournalEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalEvidence

    entry = factory.SubFactory(JournalEntryFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 photo", name="photo-arret.pdf"))
    description = "Photo de l'arrêt signalé"


class HypothesisVerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HypothesisVerdict

    hypothesis = factory.SubFactory(HypothesisFactory)
    verdict = Verdict.CONFIRMED
    decided_on = datetime.date(2024, 9, 30)
    rationale = "Les trajets ont doublé après la pose des panneaux."
