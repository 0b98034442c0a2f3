"""A complete experiment, with something in every chapter of its dossier."""

import datetime
from decimal import Decimal

from essaim.evaluation.models import EntryKind, Verdict
from essaim.experiments.models import (
    Assessment,
    DecisionKind,
    Experiment,
    FundingKind,
    LegalBasis,
    Nature,
    ObjectType,
    Outcome,
    OutcomeLevel,
    OutcomeLink,
    Partner,
    PartnerRole,
    PurposeType,
    Stage,
    StepKind,
    StepStatus,
)
from essaim.governance.models import Attendance, BodyKind, LoggedDecision, MeetingAttendance
from essaim.roles.models import Role
from tests.evaluation.factories import (
    EvaluationQuestionFactory,
    HypothesisVerdictFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    JournalEntryFactory,
    MeasurementFactory,
)
from tests.experiments.factories import (
    BodyFactory,
    BodyMemberFactory,
    ExperimentFactory,
    FundingFactory,
    HypothesisFactory,
    MeetingFactory,
    RiskFactory,
    StepFactory,
    StopGoCriterionFactory,
)
from tests.organisations.factories import OrganisationFactory
from tests.territories.factories import TerritoryFactory

START = datetime.date(2024, 1, 15)


def day(offset: int) -> datetime.date:
    return START + datetime.timedelta(days=offset)


def make_rich_experiment(owner, *, rows: int = 3) -> Experiment:
    """An experiment that has run for a year and reached a decision; ``rows`` sets how many
    hypotheses, steps, members, meetings, entries, indicators and measurements it has."""
    carrier = OrganisationFactory(name="Communauté de communes du Crestois et du Pays de Saillans")
    experiment = ExperimentFactory(
        title="Autostop organisé en vallée de la Drôme",
        summary=(
            "Des arrêts signalés et une application légère pour que les habitants sans voiture "
            "rejoignent la gare et les services du bourg-centre."
        ),
        framed=True,
        carrier=carrier,
        need_origins=["transition_ecologique", "besoin_non_satisfait"],
        need_origin_detail="Fermeture de la ligne de car du mercredi en 2023.",
        purpose_type=PurposeType.TEST_SOLUTION,
        object_type=ObjectType.SERVICE,
        nature=Nature.EXPERIMENTATION,
        target_public="Jeunes de 16 à 25 ans et personnes âgées sans voiture.",
        success_conditions="Au moins 40 conducteurs inscrits et un arrêt par commune.",
        possible_failures="Trop peu de conducteurs s'arrêtent.",
        reversibility="Les panneaux se démontent ; l'application est louée au mois.",
        failure_lessons="Savoir si la signalétique suffit sans animation.",
        public_actors="La Région finance ; les communes posent les panneaux.",
        legal_basis=LegalBasis.LOCAL_DEROGATION,
        legal_reference="Délibération du conseil communautaire n° 2023-118 du 14 décembre 2023",
        illustrative=True,
    )
    experiment.grant(owner, Role.OWNER)
    experiment.territories.add(
        TerritoryFactory(name="Vallée de la Drôme", communes=["26289", "26108"])
    )
    hypotheses = [
        HypothesisFactory(
            experiment=experiment,
            statement=f"Si les arrêts sont signalés, alors les trajets augmentent (H{n}).",
            rationale="Expérience de Rezo Pouce dans d'autres territoires.",
            position=n,
        )
        for n in range(1, rows + 1)
    ]
    FundingFactory(
        experiment=experiment,
        funder_name="Région Auvergne-Rhône-Alpes",
        amount=Decimal("24000"),
        secured=True,
    )
    FundingFactory(
        experiment=experiment,
        funder=carrier,
        funder_name="",
        kind=FundingKind.OWN,
        amount=Decimal("8500.50"),
    )
    Partner.objects.create(
        experiment=experiment,
        organisation=carrier,
        role=PartnerRole.CARRIER,
        contribution="Pilotage et animation",
    )
    Partner.objects.create(
        experiment=experiment,
        organisation=OrganisationFactory(name="Rezo Pouce"),
        role=PartnerRole.OPERATOR,
        contribution="Application et kit de panneaux",
    )
    criteria = [
        StopGoCriterionFactory(
            experiment=experiment,
            description="Trajets mensuels",
            threshold="au moins 150 trajets par mois",
            review_date=day(300),
        ),
        StopGoCriterionFactory(
            experiment=experiment,
            description="Conducteurs inscrits",
            threshold="au moins 40",
            review_date=day(300),
        ),
    ]
    for n in range(rows):
        RiskFactory(
            experiment=experiment,
            description=f"Risque {n} : trop peu de conducteurs",
            mitigation="Campagne d'inscription au marché",
            owner="Chargée de mission",
            accepted_as_right_to_error=n % 2 == 0,
        )
    kinds = [StepKind.PHASE, StepKind.STEP, StepKind.MILESTONE]
    statuses = [StepStatus.DONE, StepStatus.IN_PROGRESS, StepStatus.PLANNED, StepStatus.LATE]
    steps = []
    for n in range(rows):
        kind = kinds[n % 3]
        steps.append(
            StepFactory(
                experiment=experiment,
                kind=kind,
                title=f"Étape {n + 1} : pose des panneaux",
                start_date=day(20 * n),
                end_date=None if kind == StepKind.MILESTONE else day(20 * n + 60),
                status=statuses[n % 4],
                deliverables="Carte des arrêts",
            )
        )
    activity = Outcome.objects.create(
        experiment=experiment, level=OutcomeLevel.ACTIVITY, title="Poser des arrêts signalés"
    )
    effect = Outcome.objects.create(
        experiment=experiment, level=OutcomeLevel.SHORT_TERM, title="Les conducteurs s'arrêtent"
    )
    impact = Outcome.objects.create(
        experiment=experiment, level=OutcomeLevel.IMPACT, title="Moins d'isolement"
    )
    OutcomeLink.objects.create(
        source=activity,
        target=effect,
        rationale="Un arrêt visible rassure.",
        assumptions="Les panneaux sont bien placés.",
    )
    OutcomeLink.objects.create(
        source=effect, target=impact, rationale="Se déplacer, c'est voir du monde."
    )
    steering = BodyFactory(
        experiment=experiment,
        kind=BodyKind.STEERING,
        name="Comité de pilotage",
        mandate="Décide de la poursuite.",
    )
    BodyFactory(experiment=experiment, kind=BodyKind.TECHNICAL, name="Comité technique")
    members = [
        BodyMemberFactory(body=steering, name=f"Élu {n}", organisation=carrier, start_date=START)
        for n in range(rows)
    ]
    meetings = []
    for n in range(rows):
        starts = datetime.datetime.combine(day(30 * n), datetime.time(14), tzinfo=datetime.UTC)
        meeting = MeetingFactory(
            body=steering,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            agenda=f"Bilan n° {n + 1}",
            minutes="Les élus notent la hausse.",
        )
        meetings.append(meeting)
        for member in members:
            MeetingAttendance.objects.create(
                meeting=meeting, member=member, status=Attendance.PRESENT
            )
        LoggedDecision.objects.create(
            owner=experiment,
            meeting=meeting,
            body=steering,
            decided_on=day(30 * n),
            subject=f"Arrêt supplémentaire n° {n + 1}",
            options_considered="Attendre ; ajouter un arrêt",
            decision="Ajouter un arrêt à la gare.",
            rationale="Demande des lycéens.",
        )
    question = EvaluationQuestionFactory(
        experiment=experiment, question="Le service répond-il au besoin de mobilité ?"
    )
    trips = IndicatorFactory(
        experiment=experiment,
        question=question,
        outcome=effect,
        name="Trajets mensuels",
        unit="trajets",
        baseline_value=Decimal(20),
        target_value=Decimal(150),
        position=0,
    )
    IndicatorTargetFactory(indicator=trips, due_on=day(180), value=Decimal(80))
    mood = IndicatorFactory(
        experiment=experiment, name="Satisfaction des usagers", qualitative=True, position=1
    )
    indicators = [trips, mood] + [
        IndicatorFactory(
            experiment=experiment,
            name=f"Conducteurs inscrits {n}",
            unit="personnes",
            cumulative=True,
            position=2 + n,
        )
        for n in range(rows)
    ]
    measurements = []
    for n in range(max(rows, 12)):
        measurements.append(
            MeasurementFactory(
                indicator=trips,
                measured_on=day(30 * n),
                value=Decimal(20 + 11 * n),
                comment="Comptage des carnets",
            )
        )
        MeasurementFactory(
            indicator=mood, measured_on=day(30 * n), value=None, level=min(3, n // 3)
        )
    for indicator in indicators[2:]:
        for n in range(rows):
            MeasurementFactory(indicator=indicator, measured_on=day(30 * n), value=Decimal(4 + n))
    entries = [
        JournalEntryFactory(
            experiment=experiment,
            written_on=day(15 * n),
            kind=[
                EntryKind.OBSERVATION,
                EntryKind.SURPRISE,
                EntryKind.FAILURE,
                EntryKind.ADAPTATION,
            ][n % 4],
            title=f"Enseignement {n + 1}",
            what_changes="Nous déplaçons l'arrêt.",
            hypothesis=hypotheses[0],
            step=steps[0],
            indicator=trips,
            highlight=n % 2 == 0,
        )
        for n in range(rows)
    ]
    for n, hypothesis in enumerate(hypotheses):
        verdict = HypothesisVerdictFactory(
            hypothesis=hypothesis,
            verdict=[Verdict.CONFIRMED, Verdict.REFUTED, Verdict.TO_REFINE][n % 3],
            decided_on=day(320),
        )
        verdict.measurements.add(measurements[-1])
        verdict.journal_entries.add(entries[0])
    experiment.move_to(Stage.RUNNING, actor=owner)
    experiment.record_decision(
        kind=DecisionKind.CONTINUE,
        decided_on=day(330),
        rationale="Les trajets dépassent la cible intermédiaire ; la satisfaction progresse.",
        actor=owner,
        meeting=meetings[-1],
        assessments={
            criteria[0].pk: (Assessment.MET, "162 trajets en novembre"),
            criteria[1].pk: (Assessment.PARTLY_MET, "31 conducteurs"),
        },
    )
    return experiment
