"""The stages of an experiment move only through the allowed transitions, decisions move them
to the stage they lead to, and every change is kept in the history (who, when, what)."""

import datetime

import pytest
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.experiments.models import (
    DECIDING_STAGES,
    STAGE_AFTER_DECISION,
    TRANSITIONS,
    Assessment,
    Decision,
    DecisionKind,
    ExperimentError,
    Stage,
)
from tests.experiments.factories import (
    ExperimentFactory,
    HypothesisFactory,
    StopGoCriterionFactory,
)

pytestmark = pytest.mark.django_db

PAIRS = [(current, target) for current in Stage for target in Stage]
ALLOWED = [(current, target) for current, target in PAIRS if target in TRANSITIONS[current]]
REFUSED = [(current, target) for current, target in PAIRS if target not in TRANSITIONS[current]]


def pair_id(pair) -> str:
    return f"{pair[0].value}-{pair[1].value}"


def ready(stage: Stage):
    """An experiment at ``stage`` whose framing is complete enough to start."""
    experiment = ExperimentFactory(framed=True, stage=stage)
    HypothesisFactory(experiment=experiment)
    StopGoCriterionFactory(experiment=experiment)
    return experiment


def test_every_stage_has_its_transitions():
    assert set(TRANSITIONS) == set(Stage)
    assert TRANSITIONS[Stage.STOPPED] == frozenset()
    assert all(stage not in TRANSITIONS[stage] for stage in Stage)


@pytest.mark.parametrize(("current", "target"), ALLOWED, ids=map(pair_id, ALLOWED))
def test_it_allows_each_transition_and_keeps_it_in_the_history(owner, current, target):
    experiment = ready(current)
    assert experiment.can_move_to(target)
    assert target in experiment.allowed_stages()
    before = timezone.now()
    experiment.move_to(target, actor=owner, reason="comité de pilotage du 12 mars")
    experiment.refresh_from_db()
    assert experiment.stage == target
    entry = HistoryEntry.objects.of(experiment).get()
    assert entry.actor == owner
    assert entry.created_at >= before
    assert entry.verb == "stage"
    assert entry.summary == (
        f"Étape : {current.label} → {target.label} (comité de pilotage du 12 mars)"
    )
    assert entry.changes == {
        "stage": {"avant": current.value, "après": target.value},
        "raison": "comité de pilotage du 12 mars",
    }


@pytest.mark.parametrize(("current", "target"), REFUSED, ids=map(pair_id, REFUSED))
def test_it_refuses_every_other_transition_and_leaves_the_stage(owner, current, target):
    experiment = ready(current)
    assert not experiment.can_move_to(target)
    with pytest.raises(ExperimentError) as error:
        experiment.move_to(target, actor=owner)
    assert error.value.message == (
        f"Une expérimentation à l'étape « {current.label} » ne peut pas passer "
        f"à l'étape « {target.label} »."
    )
    assert experiment.stage == current
    experiment.refresh_from_db()
    assert experiment.stage == current
    assert not HistoryEntry.objects.exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_it_refuses_to_stop_without_a_reason(owner, reason):
    experiment = ready(Stage.RUNNING)
    with pytest.raises(ExperimentError) as error:
        experiment.move_to(Stage.STOPPED, actor=owner, reason=reason)
    assert error.value.message == (
        "Indiquez la raison de l'arrêt : elle reste dans l'historique et sur l'expérimentation."
    )
    assert error.value.field == "reason"
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING
    assert experiment.stop_entry() is None
    assert not HistoryEntry.objects.exists()


def test_a_stopped_experiment_keeps_its_reason(owner):
    experiment = ready(Stage.RUNNING)
    experiment.move_to(Stage.STOPPED, actor=owner, reason=" Le transporteur s'est retiré ")
    entry = experiment.stop_entry()
    assert entry.actor == owner
    assert entry.changes["raison"] == "Le transporteur s'est retiré"
    assert entry.summary == "Étape : en cours → arrêtée (Le transporteur s'est retiré)"


def test_it_refuses_to_start_while_the_framing_is_incomplete(owner):
    experiment = ExperimentFactory(framed=True)
    with pytest.raises(ExperimentError) as error:
        experiment.move_to(Stage.RUNNING, actor=owner)
    assert error.value.message == (
        "Le cadrage doit être complété avant de démarrer : au moins une hypothèse testable, "
        "au moins un critère d'arrêt ou de poursuite."
    )
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert not HistoryEntry.objects.exists()


def test_it_lists_everything_missing_before_the_start(owner):
    experiment = ExperimentFactory(stage=Stage.FRAMING)
    with pytest.raises(ExperimentError) as error:
        experiment.move_to(Stage.RUNNING, actor=owner)
    for missing in (
        "au moins une hypothèse testable",
        "la date de début",
        "la méthode d'évaluation",
        "au moins un critère d'arrêt ou de poursuite",
    ):
        assert missing in error.value.message


def test_it_starts_once_the_framing_is_complete(owner):
    experiment = ready(Stage.FRAMING)
    experiment.move_to(Stage.RUNNING, actor=owner)
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING


# Decisions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", sorted(set(Stage) - DECIDING_STAGES))
def test_it_refuses_a_decision_before_the_start_or_after_the_stop(owner, stage):
    experiment = ready(stage)
    assert not experiment.can_record_decision()
    with pytest.raises(ExperimentError) as error:
        experiment.record_decision(
            kind=DecisionKind.CONTINUE,
            decided_on=datetime.date(2024, 6, 1),
            rationale="Les trajets progressent.",
            actor=owner,
        )
    assert f"à l'étape « {stage.label} »" in error.value.message
    experiment.refresh_from_db()
    assert experiment.stage == stage
    assert not Decision.objects.exists()
    assert not HistoryEntry.objects.exists()


def test_decision_kinds_lead_to_these_stages():
    assert STAGE_AFTER_DECISION == {
        DecisionKind.STOP: Stage.STOPPED,
        DecisionKind.ADJUST: Stage.RUNNING,
        DecisionKind.CONTINUE: Stage.RUNNING,
        DecisionKind.GENERALISE: Stage.SCALING,
        DecisionKind.MAINTAIN_SOME: Stage.PERENNISATION,
        DecisionKind.EXTEND: Stage.SCALING,
        DecisionKind.PERENNISE: Stage.PERENNISATION,
        DecisionKind.SCALE: Stage.SCALING,
    }


@pytest.mark.parametrize("kind", list(DecisionKind))
def test_it_records_each_kind_of_decision_and_moves_to_its_stage(editor, kind):
    experiment = ready(Stage.DECISION)
    target = STAGE_AFTER_DECISION[kind]
    decision = experiment.record_decision(
        kind=kind,
        decided_on=datetime.date(2024, 12, 10),
        rationale="Au vu des critères atteints.",
        actor=editor,
        at_gate=False,
    )
    experiment.refresh_from_db()
    assert experiment.stage == target
    decision.refresh_from_db()
    assert (decision.kind, decision.stage_before, decision.stage_after) == (
        kind,
        Stage.DECISION,
        target,
    )
    assert decision.recorded_by == editor
    assert not decision.at_gate
    decision_entry, stage_entry = HistoryEntry.objects.of(experiment).order_by("pk")
    assert (decision_entry.verb, decision_entry.actor) == ("decision", editor)
    assert decision_entry.summary == f"Décision : {kind.label}"
    assert (stage_entry.verb, stage_entry.actor) == ("stage", editor)
    assert stage_entry.summary == (f"Étape : décision → {target.label} (décision : {kind.label})")
    assert stage_entry.changes == {
        "stage": {"avant": "decision", "après": target.value},
        "raison": "Au vu des critères atteints.",
    }


def test_a_decision_to_continue_a_running_experiment_keeps_its_stage(editor):
    experiment = ready(Stage.RUNNING)
    experiment.record_decision(
        kind=DecisionKind.CONTINUE,
        decided_on=datetime.date(2024, 6, 1),
        rationale="Les trajets progressent.",
        actor=editor,
    )
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING
    assert [entry.verb for entry in HistoryEntry.objects.of(experiment)] == ["decision"]


def test_it_keeps_the_assessment_of_each_criterion(editor):
    experiment = ready(Stage.EVALUATION)
    criterion = experiment.stop_go_criteria.get()
    other = StopGoCriterionFactory(experiment=experiment, description="Conducteurs inscrits")
    foreign = StopGoCriterionFactory()
    decision = experiment.record_decision(
        kind=DecisionKind.ADJUST,
        decided_on=datetime.date(2024, 6, 1),
        rationale="Deux critères sur trois.",
        actor=editor,
        assessments={
            criterion.pk: (Assessment.MET, "180 trajets en mai"),
            other.pk: (Assessment.PARTLY_MET, ""),
            foreign.pk: (Assessment.NOT_MET, "ignoré : autre expérimentation"),
        },
    )
    assessments = {a.criterion_id: (a.assessment, a.comment) for a in decision.assessments.all()}
    assert assessments == {
        criterion.pk: (Assessment.MET, "180 trajets en mai"),
        other.pk: (Assessment.PARTLY_MET, ""),
    }


def test_it_refuses_a_decision_without_rationale(editor):
    experiment = ready(Stage.RUNNING)
    with pytest.raises(ExperimentError) as error:
        experiment.record_decision(
            kind=DecisionKind.STOP,
            decided_on=datetime.date(2024, 6, 1),
            rationale="  ",
            actor=editor,
        )
    assert error.value.message == "Indiquez les raisons de la décision."
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING
    assert not Decision.objects.exists()
