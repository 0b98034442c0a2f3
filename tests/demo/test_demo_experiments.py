"""The demo experiments: the cases of the source documents, at different stages, illustrative,
owned by the demo administrator, and complete enough to show every page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.demo.data.experiments import CASES
from essaim.demo.loader import load_demo_data
from essaim.demo.owner import demo_owner
from essaim.evaluation.models import (
    EntryKind,
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
from essaim.experiments.models import (
    CriterionAssessment,
    Decision,
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
from essaim.experiments.tabs import TABS
from essaim.governance.models import Body, BodyMember, LoggedDecision, Meeting, MeetingAttendance
from essaim.roles.models import Role
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

REZO_POUCE = "Rezo Pouce, l'autostop organisé en Chartreuse"

COUNTED = [
    Experiment,
    Hypothesis,
    Funding,
    Partner,
    StopGoCriterion,
    Risk,
    Step,
    Outcome,
    OutcomeLink,
    Body,
    BodyMember,
    Meeting,
    MeetingAttendance,
    LoggedDecision,
    Decision,
    CriterionAssessment,
    EvaluationQuestion,
    Indicator,
    IndicatorTarget,
    Measurement,
    HypothesisVerdict,
    JournalEntry,
    JournalEvidence,
    HistoryEntry,
]


def load() -> None:
    load_demo_data(report=lambda line: None)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_it_loads_the_experiments_once_whatever_the_number_of_runs(demo):
    first = counts()
    load()
    assert counts() == first
    assert first["Experiment"] == len(CASES) == 8
    assert first["Measurement"] > 200


def test_it_puts_the_cases_at_different_stages(demo):
    stages = dict(Experiment.objects.values_list("title", "stage"))
    assert len(set(stages.values())) >= 5
    assert stages[REZO_POUCE] == Stage.PERENNISATION
    assert stages["Saillans, laboratoire de démocratie participative"] == Stage.STOPPED
    assert stages["ECORAVIE : construire le vivre ensemble dans l'habitat partagé"] == (
        Stage.FRAMING
    )


def test_every_demo_experiment_is_illustrative_and_owned_by_the_demo_owner(demo):
    owner = demo_owner()
    for experiment in Experiment.objects.all():
        assert experiment.illustrative, experiment.title
        assert experiment.role_of(owner) == Role.OWNER, experiment.title
        assert experiment.created_by == owner


def test_the_cases_stand_on_their_territories_with_their_carriers(demo):
    carriers = dict(Experiment.objects.values_list("title", "carrier__name"))
    assert carriers[REZO_POUCE] == "Parc naturel régional de Chartreuse"
    assert carriers[
        "Terres de Sources : le changement d'échelle d'un label local qui protège l'eau"
    ] == ("Eau du Bassin Rennais Collectivité")
    territories = {
        experiment.title: {territory.name for territory in experiment.territories.all()}
        for experiment in Experiment.objects.prefetch_related("territories")
    }
    assert all(territories.values())
    assert territories["Saillans, laboratoire de démocratie participative"] == {"Saillans"}
    saillans = Experiment.objects.get(title__startswith="Saillans").territories.get()
    assert list(saillans.communes.values_list("insee_code", flat=True)) == ["26289"]


def test_rezo_pouce_has_every_kind_of_object(demo):
    rezo = Experiment.objects.get(title=REZO_POUCE)
    assert rezo.framing_completeness() == 100
    for related in (
        rezo.hypotheses,
        rezo.fundings,
        rezo.partners,
        rezo.stop_go_criteria,
        rezo.risks,
        rezo.steps,
        rezo.outcomes,
        rezo.bodies,
        rezo.logged_decisions,
        rezo.decisions,
        rezo.evaluation_questions,
        rezo.indicators,
        rezo.journal_entries,
    ):
        assert related.exists(), related.model.__name__
    assert OutcomeLink.objects.filter(source__experiment=rezo).count() >= 10
    assert not rezo.indicators.filter(question__isnull=True).exists()
    assert rezo.indicators.filter(outcome__isnull=False).count() == 5
    assert rezo.risks.filter(accepted_as_right_to_error=True).exists()
    assert {step.kind for step in rezo.steps.all()} == {"phase", "etape", "jalon"}
    assert MeetingAttendance.objects.filter(meeting__body__experiment=rezo).exclude(
        status="present"
    )
    assert Meeting.objects.filter(body__experiment=rezo).exclude(minutes="").count() >= 5
    assert CriterionAssessment.objects.filter(decision__experiment=rezo).count() == 4
    assert rezo.decisions.filter(at_gate=False).exists()
    assert rezo.logged_decisions.filter(meeting__isnull=False).count() >= 5

    qualitative = rezo.indicators.get(kind=IndicatorKind.QUALITATIVE)
    assert qualitative.scale and qualitative.measurements.filter(level__isnull=False).exists()
    trips = rezo.indicators.get(name="Trajets déclarés par mois")
    assert trips.measurements.count() == 24
    assert trips.targets.count() == 4
    registrations = rezo.indicators.get(cumulative=True)
    measurements = list(registrations.measurements.all())
    assert registrations.current_value(measurements) == 376

    assert set(rezo.journal_entries.values_list("kind", flat=True)) == set(EntryKind.values)
    assert rezo.journal_entries.filter(highlight=True).exists()
    assert JournalEvidence.objects.filter(entry__experiment=rezo).exists()
    verdicts = HypothesisVerdict.objects.filter(hypothesis__experiment=rezo)
    assert set(verdicts.values_list("verdict", flat=True)) == set(Verdict.values)
    assert all(verdict.measurements.exists() for verdict in verdicts)


def test_the_history_of_an_experiment_with_decisions_keeps_its_stage_changes(demo):
    rezo = Experiment.objects.get(title=REZO_POUCE)
    entries = list(HistoryEntry.objects.of(rezo).order_by("created_at", "pk"))
    moves = [
        (entry.changes["stage"]["avant"], entry.changes["stage"]["après"])
        for entry in entries
        if entry.verb == "stage"
    ]
    assert moves == [
        (Stage.IDEA, Stage.FRAMING),
        (Stage.FRAMING, Stage.RUNNING),
        (Stage.RUNNING, Stage.EVALUATION),
        (Stage.EVALUATION, Stage.DECISION),
        (Stage.DECISION, Stage.PERENNISATION),
    ]
    decisions = [entry.summary for entry in entries if entry.verb == "decision"]
    assert decisions == ["Décision : ajuster", "Décision : pérenniser"]
    assert all(entry.actor == demo_owner() for entry in entries)
    assert [decision.stage_after for decision in rezo.decisions.order_by("decided_on")] == [
        Stage.RUNNING,
        Stage.PERENNISATION,
    ]


def test_the_history_is_dated_when_its_events_happened_not_when_the_demo_was_loaded(demo):
    rezo = Experiment.objects.get(title=REZO_POUCE)
    entries = list(HistoryEntry.objects.of(rezo).order_by("pk"))
    days = [timezone.localdate(entry.created_at) for entry in entries]
    assert days == sorted(days)
    assert days[0] == datetime.date(2018, 9, 17)  # four months before the start
    by_summary = dict(zip((entry.summary for entry in entries), days, strict=True))
    assert by_summary["Décision : pérenniser"] == datetime.date(2021, 2, 25)
    for experiment in Experiment.objects.all():
        assert (
            not HistoryEntry.objects.of(experiment)
            .filter(created_at__gt=timezone.now() - datetime.timedelta(days=1))
            .exists()
        ), experiment.title


def test_no_measurement_is_dated_in_the_future(demo):
    assert not Measurement.objects.filter(measured_on__gt=datetime.date.today()).exists()


def test_every_page_of_every_demo_experiment_renders_for_the_demo_owner(demo):
    client = client_for(demo_owner())
    assert client.get(reverse("experiments:list")).status_code == 200
    failures = []
    for experiment in Experiment.objects.all():
        for tab in TABS:
            url = reverse(tab.url_name, args=[experiment.pk])
            response = client.get(url)
            if response.status_code != 200:
                failures.append((url, response.status_code))
            elif "Exemple illustratif" not in response.text:
                failures.append((url, "sans bandeau « Exemple illustratif »"))
    assert failures == []


@pytest.mark.parametrize(
    ("url_name", "start"), [("dossiers:pdf", b"%PDF"), ("dossiers:docx", b"PK")]
)
def test_the_complete_case_gives_a_full_dossier(demo, url_name, start):
    rezo = Experiment.objects.get(title=REZO_POUCE)
    response = client_for(demo_owner()).get(reverse(url_name, args=[rezo.pk]))
    assert response.status_code == 200
    assert response.content.startswith(start)
