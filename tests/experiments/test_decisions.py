"""The decisions tab: the stage and its moves, the stop/go criteria, the decisions."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from essaim.experiments.models import Assessment, DecisionKind, Stage
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    HypothesisFactory,
    MeetingFactory,
    StopGoCriterionFactory,
)

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:decisions", args=[experiment.pk])


def start(experiment, editor):
    HypothesisFactory(experiment=experiment)
    criterion = StopGoCriterionFactory(
        experiment=experiment, review_date=datetime.date(2024, 6, 30)
    )
    experiment.move_to(Stage.RUNNING, actor=editor)
    return criterion


def decide(experiment, editor, kind=DecisionKind.CONTINUE, on=datetime.date(2024, 6, 1), **kw):
    return experiment.record_decision(
        kind=kind, decided_on=on, rationale="Les trajets progressent.", actor=editor, **kw
    )


def test_it_shows_the_lifecycle_with_the_current_stage(reader, experiment):
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    assert 'aria-current="step">Cadrage</li>' in text
    assert text.count('aria-current="step"') == 1
    positions = [text.index(f">{escape(stage.label.capitalize())}</li>") for stage in Stage]
    assert positions == sorted(positions)


def test_it_lists_what_is_missing_before_the_start(editor, experiment):
    response = client_for(editor).get(url(experiment))
    assert "Avant de démarrer l&#x27;expérimentation" not in response.text
    assert "Avant de démarrer l'expérimentation, il reste à définir" in response.text
    assert "<li>au moins une hypothèse testable</li>" in response.text


def test_it_offers_the_allowed_stages_to_editors(editor, experiment):
    response = client_for(editor).get(url(experiment))
    text = response.text
    assert reverse("experiments:move_stage", args=[experiment.pk]) in text
    offered = [stage for stage in Stage if f'name="stage" value="{stage.value}"' in text]
    # Stopping is final: it is a link to a page that asks for confirmation and a reason.
    assert offered == [Stage.IDEA, Stage.RUNNING]
    assert reverse("experiments:stop", args=[experiment.pk]) in text
    assert f'name="next" value="{url(experiment)}"' in text


@pytest.mark.parametrize("persona", ["reader", "contributor"])
def test_it_offers_no_move_to_contributors_or_readers(request, experiment, persona):
    response = client_for(request.getfixturevalue(persona)).get(url(experiment))
    assert 'name="stage"' not in response.text
    assert reverse("experiments:record_decision", args=[experiment.pk]) not in response.text


def test_it_says_a_stopped_experiment_stays_stopped_and_why(editor, experiment):
    experiment.move_to(Stage.STOPPED, actor=editor, reason="Financement retiré par la région")
    response = client_for(editor).get(url(experiment))
    assert "c'est une étape définitive" in response.text
    assert f"par {editor}, pour cette raison" in response.text
    assert "<blockquote>Financement retiré par la région</blockquote>" in response.text
    assert 'name="stage"' not in response.text
    assert "aucune nouvelle décision ne peut être enregistrée" in response.text


def test_it_explains_why_no_decision_may_be_recorded_yet(editor, experiment):
    response = client_for(editor).get(url(experiment))
    assert reverse("experiments:record_decision", args=[experiment.pk]) not in response.text
    assert (
        "Elle est à l&#x27;étape « cadrage » : faites-la d&#x27;abord passer à l&#x27;étape "
        "« en cours »." in response.text
    )


def test_it_shows_the_criteria_and_the_decisions(editor, reader, experiment):
    criterion = start(experiment, editor)
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment, name="Comité de pilotage"))
    decide(
        experiment,
        editor,
        kind=DecisionKind.ADJUST,
        meeting=meeting,
        assessments={criterion.pk: (Assessment.PARTLY_MET, "120 trajets en mai")},
    )
    response = client_for(reader).get(url(experiment))
    text = response.text
    assert "au moins 150 trajets par mois" in text
    assert "30 juin 2024" in text
    assert "Ajuster" in text
    assert "Les trajets progressent." in text
    assert "Comité de pilotage du 12 mars 2024" in text
    assert "Partiellement atteint" in text
    assert "120 trajets en mai" in text
    assert "Étape de décision" in text
    assert f"par {editor}" in text
    assert response.context["criteria"][0].latest[0].assessment == Assessment.PARTLY_MET


def test_it_shows_the_stage_before_and_after_a_decision(editor, reader, experiment):
    start(experiment, editor)
    experiment.move_to(Stage.DECISION, actor=editor)
    decide(experiment, editor, kind=DecisionKind.PERENNISE, at_gate=False)
    text = client_for(reader).get(url(experiment)).text
    assert "Décision finale" in text
    assert (
        '<span class="badge badge--stage badge--decision">décision</span> → '
        '<span class="badge badge--stage badge--perennisation">pérennisation</span>' in text
    )


def test_it_offers_to_record_a_decision_once_started(editor, experiment):
    start(experiment, editor)
    response = client_for(editor).get(url(experiment))
    assert reverse("experiments:record_decision", args=[experiment.pk]) in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_it_reads_the_page_in_a_constant_number_of_queries(
    django_assert_num_queries, editor, experiment, count
):
    start(experiment, editor)
    criteria = [StopGoCriterionFactory(experiment=experiment) for _ in range(count)]
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))
    for index in range(count):
        decide(
            experiment,
            editor,
            on=datetime.date(2024, 1, 1) + datetime.timedelta(days=index),
            meeting=meeting,
            assessments={c.pk: (Assessment.MET, "") for c in criteria},
        )
    client = client_for(editor)
    # session, user, experiment with the editor's role, criteria, decisions with their
    # meetings, bodies and authors, their assessments with their criteria
    with django_assert_num_queries(6):
        assert client.get(url(experiment)).status_code == 200


def test_it_answers_405_to_post(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405
