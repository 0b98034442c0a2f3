"""Generate a large set of experiments in a scratch database, then measure the pages people use.

    .venv/bin/python bench/experiments.py [--experiments 10000] [--measurements 200000]
                                          [--repeat 20] [--keep]

The dataset (10,000 experiments spread over users and territories, every framing field filled,
with hypotheses, stop/go criteria, fundings, partners, risks, steps, indicators and 200,000
measurements in all) is inserted with ``bulk_create`` in batches. One "rich" experiment gets
everything a real one has (governance, decisions, journal, theory of change, verdicts, long
series of measurements). Then, through Django's test client, logged in as a development officer
who is a member of a fifth of the experiments, the script reports the median server time and
the number of queries of the list page (first page and a filtered page), the rich experiment's
page and indicators page, and its dossier as PDF.

SQLite in a temporary directory by default; ``DATABASE_URL`` for PostgreSQL (the database is
emptied first, and again at the end unless ``--keep``).
"""

import random
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal

import harness

harness.configure("experiments")

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from floors import (  # noqa: E402
    indicator_floor,
    indicators_floor,
    list_floor,
    territory_floor,
)

from essaim.accounts.models import User  # noqa: E402
from essaim.core.models import HistoryEntry  # noqa: E402
from essaim.evaluation.models import (  # noqa: E402
    EntryKind,
    EvaluationQuestion,
    HypothesisVerdict,
    Indicator,
    IndicatorKind,
    IndicatorTarget,
    JournalEntry,
    Measurement,
    Verdict,
)
from essaim.experiments.models import (  # noqa: E402
    STAGE_AFTER_DECISION,
    Decision,
    DecisionKind,
    Experiment,
    Funding,
    FundingKind,
    Hypothesis,
    Nature,
    NeedOrigin,
    ObjectType,
    Outcome,
    OutcomeLevel,
    OutcomeLink,
    Partner,
    PartnerRole,
    PurposeType,
    Risk,
    Stage,
    Step,
    StepKind,
    StepStatus,
    StopGoCriterion,
)
from essaim.governance.models import (  # noqa: E402
    Attendance,
    Body,
    BodyKind,
    BodyMember,
    LoggedDecision,
    Meeting,
    MeetingAttendance,
)
from essaim.organisations.models import Organisation, OrganisationKind  # noqa: E402
from essaim.roles.models import ObjectRole, Role  # noqa: E402
from essaim.territories.models import Territory, TerritoryKind  # noqa: E402
from essaim.themes.models import Theme  # noqa: E402

BATCH = 2000
USERS = 50
TERRITORIES = 200
ORGANISATIONS = 100
# The officer is a member of one experiment in MEMBER_EVERY.
MEMBER_EVERY = 5
STARTED = [Stage.RUNNING, Stage.EVALUATION, Stage.DECISION, Stage.PERENNISATION, Stage.SCALING]
# A fixed "today", so that the dataset is the same whatever the day it is generated.
TODAY = date(2026, 6, 1)

timings: list[tuple[str, int, float]] = []


def timed(label: str):
    """Decorate a generator step: report how many rows it inserted and how long it took."""

    def decorate(function: Callable[..., int]) -> Callable[..., int]:
        def run(*args, **kwargs) -> int:
            started = time.perf_counter()
            rows = function(*args, **kwargs)
            timings.append((label, rows, time.perf_counter() - started))
            return rows

        return run

    return decorate


def insert(model, objects: Iterable) -> list:
    return model.objects.bulk_create(list(objects), batch_size=BATCH)


def months_after(start: date, months: int) -> date:
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, min(start.day, 28))


# The dataset -------------------------------------------------------------------------------------


class Dataset:
    def __init__(self, experiments: int, measurements: int) -> None:
        self.size = experiments
        self.measurement_total = measurements
        self.random = random.Random(2024)
        self.experiments: list[Experiment] = []
        self.indicators: list[Indicator] = []

    def generate(self) -> None:
        with transaction.atomic():
            self.add_people()
            self.add_places()
            self.add_experiments()
            self.add_memberships()
            self.add_framing()
            self.add_steps()
            self.add_indicators()
            self.add_measurements()
            self.add_decisions_and_history()
            self.enrich(self.rich)

    def reload(self) -> None:
        """Find again, in a database kept by ``--keep``, what the pages are measured on."""
        self.officer = User.objects.get(email="chargee@example.org")
        self.rich = Experiment.objects.order_by("pk").first()
        self.territories = list(Territory.objects.order_by("pk")[:TERRITORIES])

    @timed("utilisateurs")
    def add_people(self) -> int:
        self.officer = User.objects.create_user(
            email="chargee@example.org",
            password="banc-d-essai",
            full_name="Chargée de développement local",
        )
        carriers = insert(
            User,
            (
                User(email=f"porteur{n}@example.org", full_name=f"Porteur {n}", password="!")
                for n in range(USERS - 1)
            ),
        )
        self.users = [self.officer, *carriers]
        return USERS

    @timed("territoires et organisations")
    def add_places(self) -> int:
        kinds = [TerritoryKind.EPCI, TerritoryKind.PAYS, TerritoryKind.PNR, TerritoryKind.OTHER]
        self.territories = insert(
            Territory,
            (
                Territory(name=f"Territoire {n:03d}", kind=kinds[n % 4], created_by=self.officer)
                for n in range(TERRITORIES)
            ),
        )
        self.organisations = insert(
            Organisation,
            (
                Organisation(
                    name=f"Structure porteuse {n:03d}",
                    kind=OrganisationKind.ASSOCIATION,
                    territory=self.territories[n],
                    created_by=self.officer,
                )
                for n in range(ORGANISATIONS)
            ),
        )
        return TERRITORIES + ORGANISATIONS

    @timed("expérimentations")
    def add_experiments(self) -> int:
        themes, stages = list(Theme.objects.active()), list(Stage)
        rows = []
        for n in range(self.size):
            start = date(2018, 1, 1) + timedelta(days=self.random.randrange(0, 8 * 365))
            rows.append(
                Experiment(
                    title=f"Expérimentation {n:05d} — {themes[n % len(themes)].label}",
                    summary="Une solution locale testée avec les habitants.",
                    theme=themes[n % len(themes)],
                    stage=stages[n % len(stages)],
                    carrier=self.organisations[n % ORGANISATIONS],
                    need="Les habitants sans voiture ne rejoignent pas les services.",
                    need_origins=[NeedOrigin.SOCIAL, NeedOrigin.UNMET_NEED],
                    need_origin_detail="Constat partagé par les élus.",
                    purposes="Rapprocher les services des habitants.",
                    purpose_type=PurposeType.TEST_SOLUTION,
                    object_type=ObjectType.SERVICE,
                    nature=Nature.EXPERIMENTATION,
                    target_public="Habitants des communes rurales.",
                    start_date=start,
                    end_date=months_after(start, 24),
                    success_conditions="Des communes volontaires ; une animation régulière.",
                    evaluation_method="Suivi mensuel des indicateurs ; enquête annuelle.",
                    possible_failures="Une fréquentation trop faible.",
                    reversibility="Tout peut être arrêté à chaque point d'étape.",
                    failure_lessons="Où et pour qui la solution ne prend pas.",
                    public_actors="Les communes relaient ; l'intercommunalité cofinance.",
                    created_by=self.users[n % USERS],
                )
            )
        self.experiments = insert(Experiment, rows)
        self.rich = self.experiments[0]
        through = Experiment.territories.through
        links = []
        for n, experiment in enumerate(self.experiments):
            for offset in range(1 + n % 3):
                territory = self.territories[(n * 7 + offset * 13) % TERRITORIES]
                links.append(through(experiment_id=experiment.pk, territory_id=territory.pk))
        insert(through, links)
        return len(self.experiments) + len(links)

    @timed("rôles")
    def add_memberships(self) -> int:
        content_type = ContentType.objects.get_for_model(Experiment)
        roles = []
        member_roles = [Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR, Role.READER]
        for n, experiment in enumerate(self.experiments):
            owner = self.users[1 + n % (USERS - 1)]
            if n % MEMBER_EVERY == 0:
                role = member_roles[(n // MEMBER_EVERY) % 4] if n else Role.OWNER
                roles.append(
                    ObjectRole(
                        user=self.officer,
                        role=role,
                        object_id=experiment.pk,
                        content_type=content_type,
                    )
                )
                if role == Role.OWNER:
                    continue
            roles.append(
                ObjectRole(
                    user=owner, role=Role.OWNER, object_id=experiment.pk, content_type=content_type
                )
            )
        return len(insert(ObjectRole, roles))

    @timed("hypothèses, critères, financements, partenaires, risques")
    def add_framing(self) -> int:
        rows = 0
        rows += len(
            insert(
                Hypothesis,
                (
                    Hypothesis(
                        experiment=experiment,
                        position=position,
                        statement=f"Si l'on essaie la piste {position}, alors l'usage augmente.",
                    )
                    for experiment in self.experiments
                    for position in (1, 2, 3)
                ),
            )
        )
        rows += len(
            insert(
                StopGoCriterion,
                (
                    StopGoCriterion(
                        experiment=experiment,
                        description=description,
                        threshold=threshold,
                        review_date=months_after(experiment.start_date, months),
                    )
                    for experiment in self.experiments
                    for description, threshold, months in (
                        ("Fréquentation", "au moins 100 personnes par mois", 12),
                        ("Engagement des partenaires", "au moins deux cofinanceurs", 24),
                    )
                ),
            )
        )
        rows += len(
            insert(
                Funding,
                (
                    Funding(
                        experiment=experiment,
                        funder=self.organisations[(n + offset) % ORGANISATIONS],
                        kind=kind,
                        amount=Decimal(5000 + 1000 * (n % 20)),
                        secured=offset == 0,
                    )
                    for n, experiment in enumerate(self.experiments)
                    for offset, kind in enumerate((FundingKind.OWN, FundingKind.PUBLIC))
                ),
            )
        )
        rows += len(
            insert(
                Partner,
                (
                    Partner(
                        experiment=experiment,
                        organisation=self.organisations[n % ORGANISATIONS],
                        role=PartnerRole.CARRIER,
                        contribution="Porte et anime.",
                    )
                    for n, experiment in enumerate(self.experiments)
                ),
            )
        )
        rows += len(
            insert(
                Risk,
                (
                    Risk(
                        experiment=experiment,
                        description=description,
                        likelihood=likelihood,
                        impact=impact,
                        accepted_as_right_to_error=likelihood == 3,
                    )
                    for experiment in self.experiments
                    for description, likelihood, impact in (
                        ("Fréquentation trop faible", 2, 3),
                        ("Usure de l'équipe", 3, 1),
                    )
                ),
            )
        )
        return rows

    @timed("étapes")
    def add_steps(self) -> int:
        rows = []
        for experiment in self.experiments:
            start = experiment.start_date
            for index, (title, kind, months) in enumerate(
                (
                    ("Cadrage", StepKind.PHASE, 3),
                    ("Lancement", StepKind.MILESTONE, 0),
                    ("Mise en œuvre", StepKind.PHASE, 18),
                    ("Point d'étape", StepKind.MILESTONE, 0),
                    ("Évaluation finale", StepKind.STEP, 3),
                )
            ):
                begins = months_after(start, index * 6)
                ends = months_after(begins, months) if months else None
                status = StepStatus.DONE if (ends or begins) < TODAY else StepStatus.PLANNED
                rows.append(
                    Step(
                        experiment=experiment,
                        title=title,
                        kind=kind,
                        start_date=begins,
                        end_date=ends,
                        status=status,
                    )
                )
        return len(insert(Step, rows))

    @timed("indicateurs et cibles")
    def add_indicators(self) -> int:
        rows = []
        for experiment in self.experiments:
            for name, unit, target in (
                ("Personnes accueillies par mois", "personnes", 120),
                ("Partenaires engagés", "partenaires", 10),
                ("Satisfaction des usagers", "", None),
            ):
                rows.append(
                    Indicator(
                        experiment=experiment,
                        name=name,
                        kind=IndicatorKind.QUANTITATIVE if target else IndicatorKind.QUALITATIVE,
                        unit=unit,
                        baseline_value=Decimal(0) if target else None,
                        baseline_date=experiment.start_date,
                        target_value=Decimal(target) if target else None,
                        target_date=experiment.end_date,
                        scale=[] if target else ["faible", "moyenne", "bonne", "très bonne"],
                    )
                )
        self.indicators = insert(Indicator, rows)
        targets = insert(
            IndicatorTarget,
            (
                IndicatorTarget(
                    indicator=indicator,
                    due_on=months_after(indicator.baseline_date, 12),
                    value=indicator.target_value / 2,
                )
                for indicator in self.indicators
                if indicator.target_value is not None
            ),
        )
        return len(self.indicators) + len(targets)

    @timed("mesures")
    def add_measurements(self) -> int:
        """The measurements, spread over the indicators; the rich experiment's indicators get
        four years of monthly values."""
        rich = [
            indicator for indicator in self.indicators if indicator.experiment_id == self.rich.pk
        ]
        others = [
            indicator for indicator in self.indicators if indicator.experiment_id != self.rich.pk
        ]
        counts = {indicator.pk: 48 for indicator in rich}
        remaining = max(self.measurement_total - sum(counts.values()), 0)
        share, extra = divmod(remaining, len(others))
        for index, indicator in enumerate(others):
            counts[indicator.pk] = share + (1 if index < extra else 0)
        inserted = 0
        batch: list[Measurement] = []
        for indicator in rich + others:
            qualitative = indicator.kind == IndicatorKind.QUALITATIVE
            for month in range(counts[indicator.pk]):
                batch.append(
                    Measurement(
                        indicator=indicator,
                        measured_on=months_after(indicator.baseline_date, month + 1),
                        value=None if qualitative else Decimal(self.random.randrange(0, 150)),
                        level=self.random.randrange(0, 4) if qualitative else None,
                        recorded_by=self.officer,
                    )
                )
            if len(batch) >= BATCH * 5:
                inserted += len(insert(Measurement, batch))
                batch = []
        inserted += len(insert(Measurement, batch))
        return inserted

    @timed("décisions et historique")
    def add_decisions_and_history(self) -> int:
        decisions = []
        kinds = {stage: kind for kind, stage in STAGE_AFTER_DECISION.items()}
        for experiment in self.experiments:
            if experiment.stage in STARTED or experiment.stage == Stage.STOPPED:
                kind = kinds.get(Stage(experiment.stage), DecisionKind.CONTINUE)
                decisions.append(
                    Decision(
                        experiment=experiment,
                        kind=kind,
                        decided_on=months_after(experiment.start_date, 12),
                        rationale="Les critères sont examinés en comité de pilotage.",
                        stage_before=Stage.RUNNING,
                        stage_after=experiment.stage,
                        recorded_by=self.officer,
                    )
                )
        insert(Decision, decisions)
        content_type = ContentType.objects.get_for_model(Experiment)
        now = timezone.now()
        history = insert(
            HistoryEntry,
            (
                HistoryEntry(
                    content_type=content_type,
                    object_id=experiment.pk,
                    actor_id=experiment.created_by_id,
                    verb=verb,
                    summary=summary,
                    created_at=now,
                )
                for experiment in self.experiments
                for verb, summary in (
                    ("created", f"Expérimentation « {experiment.title} » créée"),
                    ("stage", "Étape : idée → cadrage"),
                )
            ),
        )
        return len(decisions) + len(history)

    @timed("expérimentation détaillée")
    def enrich(self, experiment: Experiment) -> int:
        """Everything a real experiment has, in realistic quantities."""
        Experiment.objects.filter(pk=experiment.pk).update(
            title="Autostop organisé — expérimentation détaillée",
            stage=Stage.EVALUATION,
            theme="mobilite",
        )
        hypotheses = list(experiment.hypotheses.all())
        steps = list(experiment.steps.all())
        indicators = list(experiment.indicators.all())
        questions = insert(
            EvaluationQuestion,
            (
                EvaluationQuestion(
                    experiment=experiment, question=f"Question évaluative {n}", position=n
                )
                for n in range(1, 5)
            ),
        )
        levels = list(OutcomeLevel)
        outcomes = insert(
            Outcome,
            (
                Outcome(experiment=experiment, level=levels[n % 5], title=f"Maillon {n}")
                for n in range(12)
            ),
        )
        links = insert(
            OutcomeLink,
            (
                OutcomeLink(source=outcomes[n], target=outcomes[n + 1], rationale="Parce que.")
                for n in range(11)
            ),
        )
        Indicator.objects.filter(pk__in=[i.pk for i in indicators]).update(
            question=questions[0], outcome=outcomes[5]
        )
        extra_indicators = insert(
            Indicator,
            (
                Indicator(
                    experiment=experiment,
                    name=f"Indicateur complémentaire {n}",
                    unit="unités",
                    baseline_value=Decimal(0),
                    baseline_date=experiment.start_date,
                    target_value=Decimal(100),
                    target_date=experiment.end_date,
                    question=questions[n % 4],
                    outcome=outcomes[n % 12],
                )
                for n in range(5)
            ),
        )
        measurements = insert(
            Measurement,
            (
                Measurement(
                    indicator=indicator,
                    measured_on=months_after(experiment.start_date, month + 1),
                    value=Decimal(month * 2),
                    comment="Relevé mensuel." if month % 6 == 0 else "",
                    recorded_by=self.officer,
                )
                for indicator in extra_indicators
                for month in range(48)
            ),
        )
        owner_type = ContentType.objects.get_for_model(Experiment)
        bodies = insert(
            Body,
            (
                Body(owner_type=owner_type, owner_id=experiment.pk, kind=kind, name=name)
                for kind, name in (
                    (BodyKind.STEERING, "Comité de pilotage"),
                    (BodyKind.TECHNICAL, "Comité technique"),
                )
            ),
        )
        members = insert(
            BodyMember,
            (
                BodyMember(body=body, name=f"Membre {n}", organisation=self.organisations[n])
                for body in bodies
                for n in range(8)
            ),
        )
        meetings = insert(
            Meeting,
            (
                Meeting(
                    body=bodies[n % 2],
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=2),
                    agenda="1. Indicateurs\n2. Décisions",
                    minutes="Compte rendu de la réunion.",
                )
                for n in range(16)
                for starts_at in [
                    timezone.make_aware(
                        datetime.combine(months_after(experiment.start_date, n * 2), clock(14))
                    )
                ]
            ),
        )
        attendances = insert(
            MeetingAttendance,
            (
                MeetingAttendance(meeting=meeting, member=member, status=Attendance.PRESENT)
                for meeting in meetings
                for member in members
                if member.body_id == meeting.body_id
            ),
        )
        logged = insert(
            LoggedDecision,
            (
                LoggedDecision(
                    owner_type=owner_type,
                    owner_id=experiment.pk,
                    meeting=meeting,
                    body_id=meeting.body_id,
                    decided_on=meeting.starts_at.date(),
                    subject=f"Décision {n}",
                    options_considered="A ; B ; C",
                    decision="B",
                    rationale="B coûte moins et se réverse facilement.",
                )
                for n, meeting in enumerate(meetings)
            ),
        )
        kinds = list(EntryKind)
        journal = insert(
            JournalEntry,
            (
                JournalEntry(
                    experiment=experiment,
                    written_on=months_after(experiment.start_date, n),
                    kind=kinds[n % 4],
                    title=f"Enseignement {n}",
                    what_happened="Ce qui s'est passé.",
                    what_learned="Ce que nous avons appris.",
                    what_changes="Ce que cela change.",
                    hypothesis=hypotheses[n % 3],
                    step=steps[n % len(steps)],
                    indicator=indicators[n % len(indicators)],
                    highlight=n % 5 == 0,
                    author=self.officer,
                )
                for n in range(40)
            ),
        )
        verdicts = insert(
            HypothesisVerdict,
            (
                HypothesisVerdict(
                    hypothesis=hypothesis,
                    verdict=list(Verdict)[n],
                    decided_on=TODAY,
                    rationale="Les mesures et le journal le montrent.",
                    recorded_by=self.officer,
                )
                for n, hypothesis in enumerate(hypotheses)
            ),
        )
        for verdict in verdicts:
            verdict.measurements.set(measurements[:3])
            verdict.journal_entries.set(journal[:2])
        return (
            len(questions)
            + len(outcomes)
            + len(links)
            + len(extra_indicators)
            + len(measurements)
            + len(bodies)
            + len(members)
            + len(meetings)
            + len(attendances)
            + len(logged)
            + len(journal)
            + len(verdicts)
        )


# The pages ----------------------------------------------------------------------


def pages(dataset: Dataset, *, dossier: bool) -> list[harness.Page]:
    rich, officer = dataset.rich.pk, dataset.officer
    territory = dataset.territories[0]
    indicator = dataset.rich.indicators.order_by("position", "pk").first()
    listing = reverse("experiments:list")
    result = [
        harness.Page("liste, première page", listing, list_floor(officer)),
        harness.Page(
            "liste filtrée (étape et thème)",
            listing + "?stage=en_cours&theme=mobilite",
            list_floor(
                officer,
                where="AND e.stage = %s AND e.theme_id = %s",
                params=[Stage.RUNNING, "mobilite"],
            ),
        ),
        harness.Page(
            "liste filtrée (territoire)",
            listing + f"?territory={territory.pk}",
            list_floor(
                officer,
                where="AND e.id IN (SELECT experiment_id FROM experiments_experiment_territories"
                " WHERE territory_id = %s)",
                params=[territory.pk],
            ),
        ),
        harness.Page("liste, page 40", listing + "?page=40", list_floor(officer, offset=975)),
        harness.Page(
            "expérimentation (vue d'ensemble)",
            reverse("experiments:detail", args=[rich]),
            indicators_floor(rich, with_experiment=True),
        ),
        harness.Page(
            "évaluation (indicateurs)",
            reverse("evaluation:indicators", args=[rich]),
            indicators_floor(rich, with_experiment=False),
        ),
        harness.Page(
            "page d'un indicateur (48 mesures)",
            reverse("evaluation:indicator", args=[rich, indicator.pk]),
            indicator_floor(indicator.pk),
        ),
        harness.Page(
            "page d'un territoire",
            reverse("territories:detail", args=[territory.pk]),
            territory_floor(territory, officer),
        ),
    ]
    if dossier:
        try:
            result.append(harness.Page("dossier PDF", reverse("dossiers:pdf", args=[rich])))
        except NoReverseMatch:
            print("(adresse dossiers:pdf absente : dossier non mesuré)")
    return result


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--experiments", type=int, default=10_000)
    parser.add_argument("--measurements", type=int, default=200_000)
    parser.add_argument(
        "--dossier", action="store_true", help="mesurer aussi le dossier PDF (plusieurs secondes)"
    )
    options = parser.parse_args()

    with harness.scratch_database(keep=options.keep, reuse=options.reuse):
        dataset = Dataset(options.experiments, options.measurements)
        if options.reuse:
            dataset.reload()
        else:
            started = time.perf_counter()
            dataset.generate()
            harness.analyze()
            total = time.perf_counter() - started
            print(f"\nGénération ({harness.engine()}) : {total:.1f} s")
            for label, rows, seconds in timings:
                count = f"{rows:,}".replace(",", " ")
                print(f"  {label:<58} {count:>9} lignes  {seconds:6.1f} s")
        visible = Experiment.objects.visible_to(dataset.officer).count()
        print(
            f"  la chargée de développement voit {visible} expérimentations "
            f"sur {options.experiments}"
        )

        client = Client(SERVER_NAME="localhost")
        client.force_login(dataset.officer)
        measured = harness.chosen(pages(dataset, dossier=options.dossier), options.only)
        if options.profile:
            harness.profile(client, measured, options.profile)
        results = harness.measure(client, measured, repeat=options.repeat)
    harness.report(
        results,
        title=f"Expérimentations ({options.experiments}, {options.repeat} mesures par page)",
        json_path=options.json,
    )


if __name__ == "__main__":
    main()
