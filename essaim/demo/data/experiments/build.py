"""Builds one demo case in the database, one small function per kind of object.

Each function updates what exists and creates what is missing, so that loading the demo twice
duplicates nothing. The stage path (moves and stop/go decisions) goes through the experiment's
own methods, so that its history is the real one; it is followed once, when the experiment is
created.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.models import HistoryEntry
from essaim.demo.data.experiments.spec import CaseSpec, Decide, IndicatorSpec, Move
from essaim.demo.data.organisations import TERRITORIES
from essaim.evaluation.models import (
    EvaluationQuestion,
    HypothesisVerdict,
    Indicator,
    IndicatorTarget,
    JournalEntry,
    JournalEvidence,
    Measurement,
)
from essaim.experiments import services
from essaim.experiments.models import (
    Experiment,
    Funding,
    Hypothesis,
    Outcome,
    OutcomeLink,
    Partner,
    Risk,
    Stage,
    Step,
    StopGoCriterion,
)
from essaim.governance.models import Body, BodyMember, Meeting, MeetingAttendance
from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Role
from essaim.territories.models import Territory
from essaim.themes.models import Theme

TERRITORY_KINDS = {spec.name: spec.kind for spec in TERRITORIES}


@dataclass
class Built:
    """The objects of one case, by the keys its spec gives them."""

    experiment: Experiment
    hypotheses: dict[str, Hypothesis] = field(default_factory=dict)
    criteria: dict[str, StopGoCriterion] = field(default_factory=dict)
    steps: dict[str, Step] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    questions: dict[str, EvaluationQuestion] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    journal: dict[str, JournalEntry] = field(default_factory=dict)


def build_case(spec: CaseSpec, *, owner: User) -> Experiment:
    experiment, created = save_experiment(spec, owner)
    built = Built(experiment)
    save_hypotheses(spec, built)
    save_fundings(spec, built)
    save_partners(spec, built)
    save_criteria(spec, built)
    save_risks(spec, built)
    save_steps(spec, built)
    save_theory_of_change(spec, built)
    save_governance(spec, built)
    save_questions(spec, built)
    save_indicators(spec, built, owner)
    save_journal(spec, built, owner)
    save_verdicts(spec, built, owner)
    if created:
        follow_path(spec, built, owner)
    return experiment


# Lookups of the organisations step ------------------------------------------------------------


def organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(name=name).first() if name else None


def person(full_name: str) -> Person | None:
    if not full_name:
        return None
    first_name, last_name = full_name.split(" ", 1)
    return Person.objects.filter(first_name=first_name, last_name=last_name).first()


def territory(name: str) -> Territory:
    return Territory.objects.filter(name=name, kind=TERRITORY_KINDS[name]).earliest("pk")


def decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


# The experiment and its framing -----------------------------------------------------------------


def save_experiment(spec: CaseSpec, owner: User) -> tuple[Experiment, bool]:
    experiment = Experiment.objects.filter(title=spec.title).first()
    created = experiment is None
    theme = Theme.objects.get(slug=spec.theme)
    if created:
        experiment = services.create_experiment(by=owner, title=spec.title, theme=theme)
    experiment.theme = theme
    experiment.summary = spec.summary
    experiment.carrier = organisation(spec.carrier)
    experiment.illustrative = True
    for name, value in spec.framing.items():
        setattr(experiment, name, value)
    experiment.save(
        update_fields=["theme", "summary", "carrier", "illustrative", *spec.framing, "updated_at"]
    )
    experiment.territories.set(territory(name) for name in spec.territories)
    if experiment.role_of(owner) != Role.OWNER:
        experiment.grant(owner, Role.OWNER, by=owner)
    return experiment, created


def save_hypotheses(spec: CaseSpec, built: Built) -> None:
    for position, item in enumerate(spec.hypotheses, start=1):
        built.hypotheses[item.key], _ = Hypothesis.objects.update_or_create(
            experiment=built.experiment,
            position=position,
            defaults={"statement": item.statement, "rationale": item.rationale},
        )


def save_fundings(spec: CaseSpec, built: Built) -> None:
    for item in spec.fundings:
        funder = organisation(item.funder)
        Funding.objects.update_or_create(
            experiment=built.experiment,
            funder=funder,
            funder_name="" if funder else item.funder,
            kind=item.kind,
            defaults={"amount": Decimal(item.amount), "secured": item.secured, "note": item.note},
        )


def save_partners(spec: CaseSpec, built: Built) -> None:
    for item in spec.partners:
        Partner.objects.update_or_create(
            experiment=built.experiment,
            organisation=organisation(item.organisation),
            role=item.role,
            defaults={"contribution": item.contribution},
        )


def save_criteria(spec: CaseSpec, built: Built) -> None:
    for item in spec.criteria:
        built.criteria[item.key], _ = StopGoCriterion.objects.update_or_create(
            experiment=built.experiment,
            description=item.description,
            defaults={"threshold": item.threshold, "review_date": item.review_date},
        )


def save_risks(spec: CaseSpec, built: Built) -> None:
    for item in spec.risks:
        Risk.objects.update_or_create(
            experiment=built.experiment,
            description=item.description,
            defaults={
                "likelihood": item.likelihood,
                "impact": item.impact,
                "mitigation": item.mitigation,
                "owner": item.owner,
                "accepted_as_right_to_error": item.right_to_error,
                "status": item.status,
            },
        )


# Method -----------------------------------------------------------------------------------------


def save_steps(spec: CaseSpec, built: Built) -> None:
    for item in spec.steps:
        built.steps[item.key], _ = Step.objects.update_or_create(
            experiment=built.experiment,
            title=item.title,
            defaults={
                "kind": item.kind,
                "description": item.description,
                "start_date": item.start,
                "end_date": item.end,
                "deliverables": item.deliverables,
                "status": item.status,
            },
        )


def save_theory_of_change(spec: CaseSpec, built: Built) -> None:
    for item in spec.outcomes:
        built.outcomes[item.key], _ = Outcome.objects.update_or_create(
            experiment=built.experiment,
            title=item.title,
            defaults={"level": item.level, "description": item.description},
        )
    for link in spec.links:
        OutcomeLink.objects.update_or_create(
            source=built.outcomes[link.source],
            target=built.outcomes[link.target],
            defaults={"rationale": link.rationale, "assumptions": link.assumptions},
        )


# Governance -------------------------------------------------------------------------------------


def save_governance(spec: CaseSpec, built: Built) -> None:
    for body_spec in spec.bodies:
        body, _ = built.experiment.bodies.update_or_create(
            name=body_spec.name,
            defaults={"kind": body_spec.kind, "mandate": body_spec.mandate},
        )
        built.bodies[body_spec.key] = body
        members = {
            item.key: BodyMember.objects.update_or_create(
                body=body,
                person=person(item.person),
                organisation=organisation(item.organisation),
                name=item.name,
                defaults={
                    "role_in_body": item.role_in_body,
                    "start_date": item.start,
                    "end_date": item.end,
                },
            )[0]
            for item in body_spec.members
        }
        for item in body_spec.meetings:
            starts_at = timezone.make_aware(item.starts_at)
            meeting, _ = Meeting.objects.update_or_create(
                body=body,
                starts_at=starts_at,
                defaults={
                    "ends_at": starts_at + timedelta(hours=item.hours),
                    "place": item.place,
                    "agenda": item.agenda,
                    "minutes": item.minutes,
                },
            )
            built.meetings[item.key] = meeting
            for key, member in members.items():
                if was_member_on(member, starts_at.date()):
                    MeetingAttendance.objects.update_or_create(
                        meeting=meeting, member=member, defaults={"status": item.status_of(key)}
                    )
    for item in spec.logged_decisions:
        built.experiment.logged_decisions.update_or_create(
            subject=item.subject,
            decided_on=item.decided_on,
            defaults={
                "body": built.bodies[item.body],
                "meeting": built.meetings.get(item.meeting),
                "options_considered": item.options,
                "decision": item.decision,
                "rationale": item.rationale,
            },
        )


def was_member_on(member: BodyMember, day) -> bool:
    started = member.start_date is None or member.start_date <= day
    return started and (member.end_date is None or day <= member.end_date)


# Evaluation -------------------------------------------------------------------------------------


def save_questions(spec: CaseSpec, built: Built) -> None:
    for position, item in enumerate(spec.questions, start=1):
        built.questions[item.key], _ = EvaluationQuestion.objects.update_or_create(
            experiment=built.experiment,
            position=position,
            defaults={"question": item.question, "criterion": item.criterion},
        )


def save_indicators(spec: CaseSpec, built: Built, owner: User) -> None:
    for position, item in enumerate(spec.indicators, start=1):
        indicator, _ = Indicator.objects.update_or_create(
            experiment=built.experiment,
            name=item.name,
            defaults=indicator_fields(item, built) | {"position": position},
        )
        built.indicators[item.key] = indicator
        for due_on, value in item.targets:
            IndicatorTarget.objects.update_or_create(
                indicator=indicator, due_on=due_on, defaults={"value": decimal(value)}
            )
        save_measurements(indicator, item, owner)


def indicator_fields(item: IndicatorSpec, built: Built) -> dict:
    return {
        "kind": item.kind,
        "unit": item.unit,
        "baseline_value": decimal(item.baseline),
        "baseline_date": item.baseline_date,
        "baseline_source": item.baseline_source,
        "target_value": decimal(item.target),
        "target_date": item.target_date,
        "direction": item.direction,
        "cumulative": item.cumulative,
        "scale": list(item.scale),
        "means_of_verification": item.verification,
        "collection_method": item.collection,
        "frequency": item.frequency,
        "owner": item.owner,
        "question": built.questions.get(item.question),
        "outcome": built.outcomes.get(item.outcome),
    }


def save_measurements(indicator: Indicator, item: IndicatorSpec, owner: User) -> None:
    """Update the measurements already there, then add the missing ones in one query."""
    existing = {m.measured_on: m for m in indicator.measurements.all()}
    missing = []
    for measurement in item.measurements:
        fields = {
            "value": decimal(measurement.value),
            "level": measurement.level,
            "comment": measurement.comment,
        }
        current = existing.get(measurement.measured_on)
        if current is None:
            missing.append(
                Measurement(
                    indicator=indicator,
                    measured_on=measurement.measured_on,
                    recorded_by=owner,
                    **fields,
                )
            )
        elif any(getattr(current, name) != value for name, value in fields.items()):
            Measurement.objects.filter(pk=current.pk).update(**fields)
    Measurement.objects.bulk_create(missing)


def save_journal(spec: CaseSpec, built: Built, owner: User) -> None:
    for item in spec.journal:
        entry, _ = JournalEntry.objects.update_or_create(
            experiment=built.experiment,
            title=item.title,
            defaults={
                "written_on": item.written_on,
                "kind": item.kind,
                "what_happened": item.happened,
                "what_learned": item.learned,
                "what_changes": item.changes,
                "hypothesis": built.hypotheses.get(item.hypothesis),
                "step": built.steps.get(item.step),
                "indicator": built.indicators.get(item.indicator),
                "highlight": item.highlight,
                "author": owner,
            },
        )
        built.journal[item.key] = entry
        if (
            item.evidence
            and not entry.evidence.filter(description=item.evidence.description).exists()
        ):
            evidence = JournalEvidence(entry=entry, description=item.evidence.description)
            evidence.file.save(
                item.evidence.filename, ContentFile(item.evidence.content.encode()), save=True
            )


def save_verdicts(spec: CaseSpec, built: Built, owner: User) -> None:
    for item in spec.verdicts:
        verdict, _ = HypothesisVerdict.objects.update_or_create(
            hypothesis=built.hypotheses[item.hypothesis],
            decided_on=item.decided_on,
            defaults={"verdict": item.verdict, "rationale": item.rationale, "recorded_by": owner},
        )
        verdict.measurements.set(
            Measurement.objects.get(indicator=built.indicators[key], measured_on=day)
            for key, day in item.measurements
        )
        verdict.journal_entries.set(built.journal[key] for key in item.journal)


# Stages and decisions ---------------------------------------------------------------------------


def follow_path(spec: CaseSpec, built: Built, owner: User) -> None:
    """Walk the stage path, then date each history entry on the day its event happened rather
    than on the day the demo was loaded."""
    experiment = built.experiment
    history = HistoryEntry.objects.of(experiment)
    last = history.order_by("-pk").values_list("pk", flat=True).first() or 0
    day = stage_day(spec, Stage.IDEA)
    history.filter(pk__lte=last).update(created_at=at_ten(day))
    for event in spec.path:
        if isinstance(event, Move):
            experiment.move_to(event.stage, actor=owner, reason=event.reason)
            day = max(day, stage_day(spec, event.stage))
        elif isinstance(event, Decide):
            experiment.record_decision(
                kind=event.kind,
                decided_on=event.decided_on,
                rationale=event.rationale,
                actor=owner,
                at_gate=event.at_gate,
                meeting=built.meetings.get(event.meeting),
                assessments={
                    built.criteria[key].pk: assessment
                    for key, assessment in event.assessments.items()
                },
            )
            day = max(day, event.decided_on)
        history.filter(pk__gt=last).update(created_at=at_ten(day))
        last = history.order_by("-pk").values_list("pk", flat=True).first() or last


def stage_day(spec: CaseSpec, stage: str) -> date:
    """The day a demo case reached ``stage``, from the dates of its framing: the idea four
    months before the start, the framing three, the evaluation at the end, the decision two
    weeks after it."""
    start = spec.framing["start_date"]
    end = spec.framing.get("end_date") or start
    return {
        Stage.IDEA: start - timedelta(days=120),
        Stage.FRAMING: start - timedelta(days=90),
        Stage.RUNNING: start,
        Stage.EVALUATION: end,
        Stage.DECISION: end + timedelta(days=15),
    }.get(stage, end)


def at_ten(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))
