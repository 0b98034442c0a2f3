"""Recording a stop/go decision against the criteria: editors only, once started."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import (
    Assessment,
    Decision,
    DecisionKind,
    Experiment,
    ExperimentError,
    Stage,
)
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    HypothesisFactory,
    MeetingFactory,
    StopGoCriterionFactory,
)

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:record_decision", args=[experiment.pk])


@pytest.fixture
def criteria(experiment, owner):
    """Two stop/go criteria, and the experiment under way."""
    HypothesisFactory(experiment=experiment)
    first = StopGoCriterionFactory(experiment=experiment)
    second = StopGoCriterionFactory(
        experiment=experiment, description="Conducteurs inscrits", threshold="au moins 40"
    )
    experiment.move_to(Stage.RUNNING, actor=owner)
    experiment.move_to(Stage.DECISION, actor=owner)
    HistoryEntry.objects.all().delete()
    return first, second


def data(**fields) -> dict:
    return {
        "kind": DecisionKind.PERENNISE,
        "decided_on": "2024-12-10",
        "moment": "finale",
        "rationale": "Les deux critères sont atteints ; la commune reprend le service.",
        **fields,
    }


def test_it_shows_one_assessment_per_criterion(editor, experiment, criteria):
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment, name="Comité de pilotage"))
    MeetingFactory()  # of another experiment
    response = client_for(editor).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    assert "Trajets mensuels — seuil : au moins 150 trajets par mois" in text
    assert "Conducteurs inscrits — seuil : au moins 40" in text
    for criterion in criteria:
        assert f'name="criterion_{criterion.pk}" value="atteint"' in text
        assert f'name="comment_{criterion.pk}"' in text
    assert "Pérenniser (étape suivante : pérennisation)" in text
    assert list(response.context["form"].fields["meeting"].queryset) == [meeting]
    assert f'value="{datetime.date.today().isoformat()}"' in text


def test_it_records_the_decision_and_moves_the_stage(editor, experiment, criteria):
    first, second = criteria
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))
    client = client_for(editor)
    response = client.post(
        url(experiment),
        data(
            meeting=meeting.pk,
            **{
                f"criterion_{first.pk}": Assessment.MET,
                f"comment_{first.pk}": "180 trajets par mois en moyenne",
                f"criterion_{second.pk}": "",
            },
        ),
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/decisions/#decision-{decision.pk}")
    assert decision.kind == DecisionKind.PERENNISE
    assert decision.decided_on == datetime.date(2024, 12, 10)
    assert not decision.at_gate
    assert decision.meeting == meeting
    assert (decision.stage_before, decision.stage_after) == (Stage.DECISION, Stage.PERENNISATION)
    assert decision.recorded_by == editor
    assessment = decision.assessments.get()
    assert (assessment.criterion, assessment.assessment, assessment.comment) == (
        first,
        Assessment.MET,
        "180 trajets par mois en moyenne",
    )
    experiment.refresh_from_db()
    assert experiment.stage == Stage.PERENNISATION
    assert [entry.verb for entry in HistoryEntry.objects.of(experiment)] == ["stage", "decision"]
    response = client.get(response["Location"])
    assert "Décision « pérenniser » enregistrée" in response.text


def test_it_records_a_decision_at_a_gate(editor, experiment, criteria):
    client_for(editor).post(url(experiment), data(kind=DecisionKind.CONTINUE, moment="etape"))
    decision = Decision.objects.get()
    assert decision.at_gate
    assert decision.meeting is None
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING


def test_it_requires_a_kind_and_a_rationale(editor, experiment, criteria):
    response = client_for(editor).post(url(experiment), data(kind="", rationale=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"kind", "rationale"}
    assert "Le formulaire contient des erreurs" in response.text
    assert not Decision.objects.exists()


def test_it_refuses_a_comment_without_assessment(editor, experiment, criteria):
    first, _second = criteria
    response = client_for(editor).post(
        url(experiment), data(**{f"comment_{first.pk}": "Pas encore mesuré"})
    )
    assert "Indiquez si le critère est atteint avant de le commenter." in response.text
    assert not Decision.objects.exists()


def test_it_refuses_a_blank_rationale(editor, experiment, criteria):
    response = client_for(editor).post(url(experiment), data(rationale="   "))
    assert response.status_code == 200
    assert response.context["form"].errors["rationale"]
    assert not Decision.objects.exists()


def test_it_reports_experiment_errors_on_the_form(monkeypatch, editor, experiment, criteria):
    def refuse(self, **kwargs):
        raise ExperimentError("Indiquez les raisons de la décision.")

    monkeypatch.setattr(Experiment, "record_decision", refuse)
    response = client_for(editor).post(url(experiment), data())
    assert response.status_code == 200
    assert "La décision n'a pas été enregistrée" in response.text
    assert "Indiquez les raisons de la décision." in response.text


def test_it_is_not_offered_before_the_start(editor, experiment):
    client = client_for(editor)
    for method in (client.get, client.post):
        response = method(url(experiment), data())
        assert response.status_code == 302
        assert response["Location"] == reverse("experiments:decisions", args=[experiment.pk])
    assert not Decision.objects.exists()
    response = client.get(reverse("experiments:decisions", args=[experiment.pk]))
    assert "faites-la d&#x27;abord passer" in response.text


@pytest.mark.parametrize("persona", ["contributor", "reader"])
def test_it_forbids_contributors_and_readers(request, experiment, criteria, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(url(experiment)).status_code == 403
    assert client.post(url(experiment), data()).status_code == 403
    assert not Decision.objects.exists()


def test_it_hides_the_form_from_outsiders(outsider, experiment, criteria):
    assert client_for(outsider).post(url(experiment), data()).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(experiment, criteria):
    response = client_for(None).post(url(experiment), data())
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_answers_405_to_put(editor, experiment, criteria):
    assert client_for(editor).put(url(experiment)).status_code == 405
