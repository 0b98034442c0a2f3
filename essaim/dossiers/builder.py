"""Everything an experiment's dossier shows, gathered once for the PDF and the DOCX.

``build_dossier`` runs a fixed number of queries, whatever the number of hypotheses, steps,
meetings, indicators or measurements: every row is prefetched, and the documents read only the
``Dossier`` it returns.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from essaim.core.models import HistoryEntry
from essaim.evaluation.charts import Progress, indicator_chart, progress_of
from essaim.evaluation.models import (
    EvaluationQuestion,
    HypothesisVerdict,
    Indicator,
    IndicatorTarget,
    JournalEntry,
    Measurement,
    average_progress,
)
from essaim.experiments.models import (
    CriterionAssessment,
    Decision,
    Experiment,
    Funding,
    Hypothesis,
    LegalBasis,
    Partner,
    Risk,
    Step,
    StopGoCriterion,
)
from essaim.experiments.services import with_framing
from essaim.experiments.templatetags.framing import need_origin_labels
from essaim.experiments.views.method import theory_of_change
from essaim.governance.models import Attendance, Body, BodyMember, LoggedDecision, Meeting
from essaim.lib.svg_timeline import TimelineItem, render_timeline

HIGHLIGHTS_WHEN_NONE_MARKED = 5
# Narrower than on screen, so that the labels stay legible once the timeline fits an A4 page.
TIMELINE_WIDTH = 760
MEASUREMENTS_SHOWN = 12
HISTORY_VERBS = ("created", "stage", "decision")


@dataclass
class HypothesisSection:
    hypothesis: Hypothesis
    verdicts: list[HypothesisVerdict]  # newest first

    @property
    def latest(self) -> HypothesisVerdict | None:
        return self.verdicts[0] if self.verdicts else None


@dataclass
class MeetingRow:
    meeting: Meeting
    present: int
    excused: int
    absent: int


@dataclass
class BodySection:
    body: Body
    members: list[BodyMember]
    meetings: list[MeetingRow]  # oldest first


@dataclass
class IndicatorSection:
    indicator: Indicator
    measurements: list[Measurement]  # oldest first
    targets: list[IndicatorTarget]
    progress: Progress
    chart_svg: SafeString | str  # empty without any measurement

    @property
    def shown_measurements(self) -> list[Measurement]:
        """The latest measurements, oldest first: the chart shows them all."""
        return self.measurements[-MEASUREMENTS_SHOWN:]

    @property
    def hidden_count(self) -> int:
        return max(0, len(self.measurements) - MEASUREMENTS_SHOWN)


@dataclass
class DecisionSection:
    decision: Decision
    assessments: list[CriterionAssessment]


@dataclass
class Dossier:
    experiment: Experiment
    generated_on: date
    need_origins: str
    territories: list  # annotated with commune_count and population
    hypotheses: list[HypothesisSection]
    fundings: list[Funding]
    total_budget: Decimal
    secured_budget: Decimal
    partners: list[Partner]
    criteria: list[StopGoCriterion]
    risks: list[Risk]
    steps: list[Step]
    timeline_svg: SafeString | str
    theory_of_change: list[dict]
    bodies: list[BodySection]
    logged_decisions: list[LoggedDecision]  # oldest first
    highlights: list[JournalEntry]
    highlights_marked: bool  # False: the latest entries stand in for marked ones
    questions: list[EvaluationQuestion]
    indicators: list[IndicatorSection]
    decisions: list[DecisionSection]  # oldest first
    stage_history: list[HistoryEntry]  # oldest first
    framing_completeness: int
    sections: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title)

    @property
    def has_theory_of_change(self) -> bool:
        return any(column["outcomes"] for column in self.theory_of_change)

    @property
    def has_derogation(self) -> bool:
        return self.experiment.legal_basis != LegalBasis.NONE

    @property
    def meeting_count(self) -> int:
        return sum(len(section.meetings) for section in self.bodies)

    @property
    def measurement_count(self) -> int:
        return sum(len(section.measurements) for section in self.indicators)

    @property
    def latest_decision(self) -> Decision | None:
        return self.decisions[-1].decision if self.decisions else None

    @property
    def average_progress(self) -> int | None:
        return average_progress(section.progress.percent for section in self.indicators)

    @property
    def verdict_count(self) -> int:
        return sum(1 for section in self.hypotheses if section.latest)


def build_dossier(experiment: Experiment, *, today: date | None = None) -> Dossier:
    """The dossier of ``experiment``, fetched in a fixed number of queries."""
    today = today or timezone.localdate()
    experiment = _fetch(experiment.pk)
    territories = list(experiment.territories.all())
    fundings = list(experiment.fundings.all())
    steps = list(experiment.steps.all())
    highlights, marked = _highlights(experiment)
    dossier = Dossier(
        experiment=experiment,
        generated_on=today,
        need_origins=need_origin_labels(experiment.need_origins),
        territories=territories,
        hypotheses=[
            HypothesisSection(hypothesis, list(hypothesis.verdicts.all()))
            for hypothesis in experiment.hypotheses.all()
        ],
        fundings=fundings,
        total_budget=sum((funding.amount for funding in fundings), Decimal(0)),
        secured_budget=sum((funding.amount for funding in fundings if funding.secured), Decimal(0)),
        partners=list(experiment.partners.all()),
        criteria=list(experiment.stop_go_criteria.all()),
        risks=list(experiment.risks.all()),
        steps=steps,
        timeline_svg=_timeline(experiment, steps, today),
        theory_of_change=theory_of_change(experiment),
        bodies=[_body_section(body) for body in experiment.bodies.all()],
        logged_decisions=list(experiment.logged_decisions.all()),
        highlights=highlights,
        highlights_marked=marked,
        questions=list(experiment.evaluation_questions.all()),
        indicators=[_indicator_section(indicator) for indicator in experiment.indicators.all()],
        decisions=[
            DecisionSection(decision, list(decision.assessments.all()))
            for decision in experiment.decisions.all()
        ],
        stage_history=list(
            HistoryEntry.objects.of(experiment)
            .filter(verb__in=HISTORY_VERBS)
            .select_related("actor")
            .order_by("created_at", "pk")
        ),
        framing_completeness=experiment.framing_completeness(),
    )
    dossier.sections = _sections(dossier)
    return dossier


def _fetch(pk: int) -> Experiment:
    return (
        with_framing(Experiment.objects.filter(pk=pk))
        .prefetch_related(
            Prefetch(
                "hypotheses__verdicts",
                queryset=HypothesisVerdict.objects.prefetch_related(
                    Prefetch(
                        "measurements", queryset=Measurement.objects.select_related("indicator")
                    ),
                    "journal_entries",
                ),
            ),
            "steps",
            Prefetch(
                "bodies",
                queryset=Body.objects.prefetch_related(
                    Prefetch(
                        "members",
                        queryset=BodyMember.objects.select_related("person", "organisation"),
                    ),
                    Prefetch(
                        "meetings",
                        queryset=Meeting.objects.order_by("starts_at", "pk").prefetch_related(
                            "attendances"
                        ),
                    ),
                ),
            ),
            Prefetch(
                "logged_decisions",
                queryset=LoggedDecision.objects.select_related("body", "meeting__body").order_by(
                    "decided_on", "pk"
                ),
            ),
            "evaluation_questions",
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("question", "outcome").prefetch_related(
                    "targets",
                    Prefetch(
                        "measurements", queryset=Measurement.objects.order_by("measured_on", "pk")
                    ),
                ),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("meeting__body")
                .order_by("decided_on", "pk")
                .prefetch_related(
                    Prefetch(
                        "assessments",
                        queryset=CriterionAssessment.objects.select_related("criterion").order_by(
                            "criterion__review_date", "criterion__pk"
                        ),
                    )
                ),
            ),
        )
        .get()
    )


def _highlights(experiment: Experiment) -> tuple[list[JournalEntry], bool]:
    """The entries marked as highlights, oldest first; else the latest few."""
    entries = JournalEntry.objects.filter(experiment=experiment).select_related(
        "hypothesis", "step", "indicator"
    )
    marked = list(entries.filter(highlight=True).order_by("written_on", "pk"))
    if marked:
        return marked, True
    latest = list(entries.order_by("-written_on", "-pk")[:HIGHLIGHTS_WHEN_NONE_MARKED])
    return latest[::-1], False


def _timeline(experiment: Experiment, steps: list[Step], today: date) -> SafeString | str:
    items = [
        TimelineItem(
            label=step.title,
            start=step.start_date,
            end=None if step.is_milestone else step.end_date,
            status=step.status,
            kind=step.kind,
        )
        for step in steps
    ]
    title = f"Frise chronologique — {experiment.title}"
    # render_timeline escapes every label and the title.
    return mark_safe(render_timeline(items, title=title, today=today, width=TIMELINE_WIDTH))


def _body_section(body: Body) -> BodySection:
    meetings = []
    for meeting in body.meetings.all():
        statuses = [attendance.status for attendance in meeting.attendances.all()]
        meetings.append(
            MeetingRow(
                meeting=meeting,
                present=statuses.count(Attendance.PRESENT),
                excused=statuses.count(Attendance.EXCUSED),
                absent=statuses.count(Attendance.ABSENT),
            )
        )
    return BodySection(body=body, members=list(body.members.all()), meetings=meetings)


def _indicator_section(indicator: Indicator) -> IndicatorSection:
    measurements = list(indicator.measurements.all())
    targets = list(indicator.targets.all())
    return IndicatorSection(
        indicator=indicator,
        measurements=measurements,
        targets=targets,
        progress=progress_of(indicator, measurements),
        chart_svg=indicator_chart(indicator, measurements, targets) if measurements else "",
    )


def _sections(dossier: Dossier) -> list[tuple[str, str]]:
    """The chapters of the dossier, in order, for its table of contents."""
    sections = [
        ("synthese", "Synthèse"),
        ("cadrage", "Cadrage"),
        ("methode", "Méthode et calendrier"),
    ]
    if dossier.has_theory_of_change:
        sections.append(("theorie-du-changement", "Théorie du changement"))
    sections += [
        ("gouvernance", "Gouvernance"),
        ("apprentissages", "Enseignements"),
        ("evaluation", "Évaluation et indicateurs"),
        ("verdicts", "Verdicts sur les hypothèses"),
        ("risques", "Registre des risques"),
        ("decisions", "Décisions d'arrêt ou de poursuite"),
        ("historique", "Historique des étapes"),
    ]
    return sections
