"""Adding, changing and deleting the risks of the register: editors only."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Level, Risk, RiskStatus
from tests.conftest import client_for
from tests.experiments.factories import RiskFactory

pytestmark = pytest.mark.django_db

DATA = {
    "description": "Trop peu de conducteurs s'inscrivent",
    "likelihood": "3",
    "impact": "2",
    "mitigation": "Campagne d'inscription au marché",
    "owner": "Mairie",
    "accepted_as_right_to_error": "on",
    "status": RiskStatus.OPEN,
}


def add_url(experiment) -> str:
    return reverse("experiments:add_risk", args=[experiment.pk])


def edit_url(risk) -> str:
    return reverse("experiments:edit_risk", args=[risk.experiment_id, risk.pk])


def delete_url(risk) -> str:
    return reverse("experiments:delete_risk", args=[risk.experiment_id, risk.pk])


def test_it_shows_the_form_with_levels_as_radio_buttons(editor, experiment):
    response = client_for(editor).get(add_url(experiment))
    assert response.status_code == 200
    assert "Ajouter un risque" in response.text
    assert 'type="radio" name="likelihood" value="3"' in response.text
    assert "moyen</label>" in response.text  # « impact » is masculine
    assert "moyenne</label>" in response.text  # « probabilité » is feminine


def test_it_lets_an_editor_add_a_risk(editor, experiment):
    response = client_for(editor).post(add_url(experiment), DATA)
    assert response.status_code == 302
    assert response["Location"] == reverse("experiments:risks", args=[experiment.pk]) + "#registre"
    risk = Risk.objects.get()
    assert risk.experiment == experiment
    assert (risk.likelihood, risk.impact) == (Level.HIGH, Level.MEDIUM)
    assert risk.accepted_as_right_to_error
    entry = HistoryEntry.objects.of(experiment).get()
    assert entry.actor == editor
    assert entry.summary == "Risque « Trop peu de conducteurs s'inscrivent » ajouté"


def test_it_requires_the_likelihood_and_the_impact(editor, experiment):
    data = {key: value for key, value in DATA.items() if key not in ("likelihood", "impact")}
    response = client_for(editor).post(add_url(experiment), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"likelihood", "impact"}
    assert not Risk.objects.exists()


def test_it_lets_an_editor_change_a_risk(editor, experiment):
    risk = RiskFactory(experiment=experiment)
    response = client_for(editor).post(edit_url(risk), DATA | {"status": RiskStatus.CLOSED})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.status == RiskStatus.CLOSED
    assert risk.description == DATA["description"]


def test_it_lets_an_editor_delete_a_risk(editor, experiment):
    risk = RiskFactory(experiment=experiment)
    assert client_for(editor).post(delete_url(risk)).status_code == 302
    assert not Risk.objects.exists()
    assert HistoryEntry.objects.of(experiment).get().verb == "deleted"


@pytest.mark.parametrize("persona", ["contributor", "reader"])
def test_it_forbids_contributors_and_readers(request, experiment, persona):
    client = client_for(request.getfixturevalue(persona))
    risk = RiskFactory(experiment=experiment)
    assert client.get(add_url(experiment)).status_code == 403
    assert client.post(add_url(experiment), DATA).status_code == 403
    assert client.post(edit_url(risk), DATA).status_code == 403
    assert client.post(delete_url(risk)).status_code == 403
    assert Risk.objects.get() == risk


def test_it_hides_the_risks_from_outsiders(outsider, experiment):
    risk = RiskFactory(experiment=experiment)
    client = client_for(outsider)
    assert client.post(add_url(experiment), DATA).status_code == 404
    assert client.post(edit_url(risk), DATA).status_code == 404
    assert client.post(delete_url(risk)).status_code == 404


def test_it_does_not_change_a_risk_of_another_experiment(editor, experiment):
    risk = RiskFactory()
    url = reverse("experiments:edit_risk", args=[experiment.pk, risk.pk])
    assert client_for(editor).post(url, DATA).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(experiment):
    response = client_for(None).post(add_url(experiment), DATA)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not Risk.objects.exists()
