"""The scaling pillar's demo data, read as plain data (no database): real communes of the shipped
referential, histories of statuses that the network's rules allow, complete readiness
diagnoses, values the models accept, and each case tied to a demo experiment by its title."""

from decimal import Decimal
from itertools import pairwise

import pytest

from essaim.demo.data.experiments import CASES as EXPERIMENT_CASES
from essaim.demo.data.scaling import CASES
from essaim.demo.data.scaling.spec import NetworkCaseSpec, ReplicaSpec
from essaim.scaling import readiness
from essaim.scaling.models import (
    RUNNING_STATUSES,
    Aggregation,
    AgreementKind,
    CharterKind,
    KitItemKind,
    ReplicationStatus,
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
    allowed_statuses,
)
from essaim.territories.snapshot import read_referential, shipped_snapshot

CENTRALES = "Centrales villageoises : de la construction d'un modèle à son essaimage"
PUBLISHED = {
    CENTRALES: True,
    "Rezo Pouce, l'autostop organisé en Chartreuse": True,
    "Bricobus : un dispositif solidaire d'accompagnement à l'auto-réhabilitation": True,
    "Terres de Sources : le changement d'échelle d'un label local qui protège l'eau": False,
}
FIRST_YEAR, LAST_YEAR = 2010, 2026

CASE_IDS = [case.experiment_title.split(",")[0].split(" :")[0] for case in CASES]
REPLICAS = [(case, replica) for case in CASES for replica in case.replicas]
REPLICA_IDS = [replica.name for _, replica in REPLICAS]


@pytest.fixture(scope="module")
def communes():
    """The communes of the shipped referential, by INSEE code."""
    referential = read_referential(shipped_snapshot())
    return {commune.code: commune for commune in referential.communes}


def test_there_are_four_cases_one_per_demo_experiment():
    assert len(CASES) == 4
    assert all(isinstance(case, NetworkCaseSpec) for case in CASES)
    titles = [case.experiment_title for case in CASES]
    experiment_titles = {case.title for case in EXPERIMENT_CASES}
    assert len(set(titles)) == 4
    assert set(titles) <= experiment_titles
    assert set(titles) == set(PUBLISHED)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_each_case_says_what_is_public_and_what_is_illustrative(case):
    assert "Public" in case.sources
    assert "Illustratif" in case.sources


# The kit -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_kit_has_a_core_parts_to_adapt_and_prerequisites(case):
    kit = case.kit
    assert kit.title and kit.summary and kit.origin and kit.contact_name
    assert kit.charter_kind in CharterKind.values
    assert bool(kit.charter_name) == bool(kit.charter_kind)
    assert kit.fee_amount is None or kit.fee_amount >= 0
    assert kit.published is PUBLISHED[case.experiment_title]
    kinds = [item.kind for item in kit.items]
    assert set(kinds) <= set(KitItemKind.values)
    assert 4 <= kinds.count(KitItemKind.CORE) <= 6
    assert 3 <= kinds.count(KitItemKind.ADAPTABLE) <= 5
    assert 3 <= kinds.count(KitItemKind.PREREQUISITE) <= 5
    assert all(item.title and item.description for item in kit.items)
    assert all(item.guidance for item in kit.items if item.kind == KitItemKind.ADAPTABLE)
    assert len({item.title for item in kit.items}) == len(kit.items)


# The strategy ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_strategy_uses_the_models_choices(case):
    strategy = case.strategy
    assert strategy.situation in Situation.values
    assert strategy.scale_types
    assert set(strategy.scale_types) <= set(ScaleType.values)
    assert len(set(strategy.scale_types)) == len(strategy.scale_types)
    assert strategy.strategy in StrategyKind.values
    assert strategy.route in Route.values
    for share in (strategy.grant_share_now, strategy.grant_share_target):
        assert share is None or 0 <= share <= 100
    assert strategy.target_year is None or FIRST_YEAR <= strategy.target_year <= 2035


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_plan_has_steps_on_both_tracks(case):
    steps = case.strategy.steps
    assert 4 <= len(steps) <= 8
    assert {step.track for step in steps} == set(Track.values)
    for step in steps:
        assert step.state in StepState.values
        assert step.title
        if step.starts_on and step.ends_on:
            assert step.ends_on >= step.starts_on


# The readiness diagnoses -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_diagnosis_answers_the_whole_grid(case):
    assert len(case.diagnoses) == 2
    for diagnosis in case.diagnoses:
        assert diagnosis.note
        assert set(diagnosis.answers) == set(readiness.QUESTIONS)
        for key, (score, justification) in diagnosis.answers.items():
            assert score is None or score in range(readiness.HIGHEST_ANSWER + 1), key
            assert justification.strip(), key


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_later_diagnosis_is_a_year_or_so_later_and_better(case):
    earlier, later = case.diagnoses
    assert 300 <= (later.assessed_on - earlier.assessed_on).days <= 500

    def scores(diagnosis):
        answers = {key: score for key, (score, _) in diagnosis.answers.items()}
        return readiness.score_dimensions(answers)

    before, after = scores(earlier), scores(later)
    assert readiness.overall_score(after) > readiness.overall_score(before)
    improved = [
        new.dimension.key
        for old, new in zip(before, after, strict=True)
        if old.score is not None and new.score is not None and new.score > old.score
    ]
    assert len(improved) >= 3


# The network -------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_shared_indicators_are_distinct_and_use_known_aggregations(case):
    keys = [indicator.key for indicator in case.shared_indicators]
    assert len(keys) >= 2
    assert len(set(keys)) == len(keys)
    for indicator in case.shared_indicators:
        assert indicator.name and indicator.unit
        assert indicator.aggregation in Aggregation.values


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_the_replicas_of_a_case_have_distinct_names(case):
    names = [replica.name for replica in case.replicas]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(("case", "replica"), REPLICAS, ids=REPLICA_IDS)
def test_each_replica_stands_in_a_real_commune(case, replica: ReplicaSpec, communes):
    assert replica.commune_insee in communes
    assert replica.carrier_name


@pytest.mark.parametrize(("case", "replica"), REPLICAS, ids=REPLICA_IDS)
def test_each_history_follows_the_network_rules(case, replica: ReplicaSpec):
    history = replica.history
    assert history[0].status == ReplicationStatus.CONTACT
    for before, after in pairwise(history):
        assert after.status in allowed_statuses(before.status), (before, after)
        assert after.on > before.on, (before, after)
    assert all(FIRST_YEAR <= step.on.year <= LAST_YEAR for step in history)


@pytest.mark.parametrize(("case", "replica"), REPLICAS, ids=REPLICA_IDS)
def test_each_agreement_kind_is_known_and_signed_when_the_history_says_so(
    case, replica: ReplicaSpec
):
    assert replica.agreement_kind in ["", *AgreementKind.values]
    statuses = {step.status for step in replica.history}
    if ReplicationStatus.AGREEMENT in statuses:
        assert replica.agreement_kind


@pytest.mark.parametrize(("case", "replica"), REPLICAS, ids=REPLICA_IDS)
def test_figures_belong_to_shared_indicators_and_to_running_years(case, replica: ReplicaSpec):
    if not replica.figures:
        return
    keys = {indicator.key for indicator in case.shared_indicators}
    assert set(replica.figures) <= keys
    started = [step.on for step in replica.history if step.status in RUNNING_STATUSES]
    assert started, "a replica that never launched has no figures"
    for values in replica.figures.values():
        assert values
        for year, value in values.items():
            assert started[0].year <= year <= LAST_YEAR
            assert isinstance(value, Decimal)
            assert value >= 0
            assert -value.as_tuple().exponent <= 2  # two decimal places at most


def test_the_centrales_villageoises_are_a_full_network(communes):
    (case,) = [case for case in CASES if case.experiment_title == CENTRALES]
    assert len(case.replicas) >= 30
    departements = {communes[replica.commune_insee].departement for replica in case.replicas}
    assert len(departements) >= 8
    last = [replica.history[-1].status for replica in case.replicas]
    assert last.count(ReplicationStatus.ACTIVE) > len(last) / 2
    assert set(last) == set(ReplicationStatus.values)
    assert sum(1 for replica in case.replicas if replica.figures) >= 20


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_network_shows_more_than_one_status(case):
    assert len({replica.history[-1].status for replica in case.replicas}) >= 3
    assert any(
        step.status in RUNNING_STATUSES for replica in case.replicas for step in replica.history
    )
