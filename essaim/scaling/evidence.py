"""What the evaluation has proved, shown beside the « impact prouvé » questions of the
readiness diagnostic: the progress of the indicators towards their targets and the latest
verdict on each hypothesis. Two queries, whatever the number of measurements."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery

from essaim.evaluation.models import (
    HypothesisVerdict,
    Indicator,
    IndicatorKind,
    Verdict,
    average_progress,
    progress_between,
)
from essaim.experiments.models import Experiment
from essaim.lib import french

VERDICT_PLURALS = {
    Verdict.CONFIRMED.label: "confirmées",
    Verdict.REFUTED.label: "réfutées",
    Verdict.TO_REFINE.label: "à affiner",
}


@dataclass(frozen=True)
class IndicatorEvidence:
    name: str
    progress: int | None


@dataclass
class ImpactEvidence:
    indicators: list[IndicatorEvidence] = field(default_factory=list)
    hypotheses: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)  # Verdict label → count

    @property
    def mean_progress(self) -> int | None:
        return average_progress(item.progress for item in self.indicators)

    @property
    def confirmed(self) -> int:
        return self.verdicts.get(Verdict.CONFIRMED.label, 0)

    @property
    def without_verdict(self) -> int:
        return self.hypotheses - sum(self.verdicts.values())

    @property
    def other_verdicts(self) -> list[str]:
        """« 2 réfutées », « 1 à affiner »: the verdicts other than confirmed, counted."""
        return [
            french.counted(count, label, VERDICT_PLURALS.get(label))
            for label, count in self.verdicts.items()
            if label != Verdict.CONFIRMED.label
        ]


def impact_evidence(experiment: Experiment) -> ImpactEvidence:
    evidence = ImpactEvidence()
    standings = (
        Indicator.objects.with_standing()
        .filter(experiment=experiment, kind=IndicatorKind.QUANTITATIVE, target_value__isnull=False)
        .order_by("position", "pk")
        .values_list("name", "baseline_value", "target_value", "current")
    )
    evidence.indicators = [
        IndicatorEvidence(name, progress_between(baseline, target, current))
        for name, baseline, target, current in standings
    ]
    latest = HypothesisVerdict.objects.filter(hypothesis=OuterRef("pk")).order_by(
        "-decided_on", "-pk"
    )
    hypotheses = experiment.hypotheses.annotate(
        latest_verdict=Subquery(latest.values("verdict")[:1])
    ).values_list("latest_verdict", flat=True)
    for verdict in hypotheses:
        evidence.hypotheses += 1
        if verdict:
            label = Verdict(verdict).label
            evidence.verdicts[label] = evidence.verdicts.get(label, 0) + 1
    return evidence
