"""Stopping an experiment: a page that asks for confirmation and a reason, kept in the history
and shown on the experiment; editors only."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Stage
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:stop", args=[experiment.pk])


def test_it_asks_for_confirmation_and_a_reason(editor, experiment):
    response = client_for(editor).get(url(experiment))
    assert response.status_code == 200
    assert "Arrêter l'expérimentation ?" in response.text
    assert 'name="reason"' in response.text
    assert "L'arrêt est définitif" in response.text


def test_the_stage_control_does_not_stop_in_one_click(editor, experiment):
    response = client_for(editor).post(
        reverse("experiments:move_stage", args=[experiment.pk]), {"stage": Stage.STOPPED}
    )
    assert response.status_code == 302
    assert response["Location"] == url(experiment)
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert not HistoryEntry.objects.exists()


def test_it_refuses_to_stop_without_a_reason(editor, experiment):
    response = client_for(editor).post(url(experiment), {"reason": "  "})
    assert response.status_code == 200
    assert "Indiquez la raison de l&#x27;arrêt." in response.text
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert not HistoryEntry.objects.exists()


def test_it_stops_and_shows_the_reason_on_the_experiment(editor, reader, experiment):
    response = client_for(editor).post(
        url(experiment), {"reason": "La commune a retiré son soutien."}
    )
    decisions = reverse("experiments:decisions", args=[experiment.pk])
    assert response.status_code == 302
    assert response["Location"] == decisions
    experiment.refresh_from_db()
    assert experiment.stage == Stage.STOPPED
    entry = HistoryEntry.objects.of(experiment).get()
    assert (entry.verb, entry.actor) == ("stage", editor)
    assert entry.summary == "Étape : cadrage → arrêtée (La commune a retiré son soutien.)"
    assert entry.changes["raison"] == "La commune a retiré son soutien."
    for page in (decisions, reverse("experiments:detail", args=[experiment.pk])):
        text = client_for(reader).get(page).text
        assert "<blockquote>La commune a retiré son soutien.</blockquote>" in text
        assert f"par {editor}, pour cette raison" in text


def test_a_stopped_experiment_cannot_be_stopped_again(editor, experiment):
    experiment.move_to(Stage.STOPPED, actor=editor, reason="Fin des crédits")
    response = client_for(editor).post(url(experiment), {"reason": "Encore"})
    assert response.status_code == 302
    assert HistoryEntry.objects.of(experiment).count() == 1


@pytest.mark.parametrize("persona", ["contributor", "reader"])
def test_it_forbids_contributors_and_readers(request, experiment, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(url(experiment)).status_code == 403
    assert client.post(url(experiment), {"reason": "Non"}).status_code == 403
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


def test_it_hides_the_experiment_from_outsiders(outsider, experiment):
    assert client_for(outsider).post(url(experiment), {"reason": "Non"}).status_code == 404
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


def test_it_sends_anonymous_users_to_the_login_page(experiment):
    response = client_for(None).post(url(experiment), {"reason": "Non"})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
