"""Moving an experiment to another stage from the stage control: editors only, through the
allowed transitions, back to the page the control was on."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Stage
from tests.conftest import client_for
from tests.experiments.factories import HypothesisFactory, StopGoCriterionFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:move_stage", args=[experiment.pk])


def decisions_url(experiment) -> str:
    return reverse("experiments:decisions", args=[experiment.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_it_moves_the_experiment_and_keeps_the_reason(editor, experiment):
    HypothesisFactory(experiment=experiment)
    StopGoCriterionFactory(experiment=experiment)
    response = client_for(editor).post(
        url(experiment), {"stage": Stage.RUNNING, "reason": " Comité du 12 mars "}
    )
    assert response.status_code == 302
    assert response["Location"] == decisions_url(experiment)
    experiment.refresh_from_db()
    assert experiment.stage == Stage.RUNNING
    entry = HistoryEntry.objects.of(experiment).get()
    assert entry.actor == editor
    assert entry.summary == "Étape : cadrage → en cours (Comité du 12 mars)"
    assert messages_of(response) == ["L'expérimentation est passée à l'étape « en cours »."]


def test_it_lists_what_is_missing_when_starting_too_early(editor, experiment):
    response = client_for(editor).post(url(experiment), {"stage": Stage.RUNNING})
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert messages_of(response) == [
        "Le cadrage doit être complété avant de démarrer : au moins une hypothèse testable, "
        "au moins un critère d'arrêt ou de poursuite."
    ]
    assert not HistoryEntry.objects.exists()


def test_it_refuses_a_move_the_stage_does_not_allow(editor, experiment):
    response = client_for(editor).post(url(experiment), {"stage": Stage.SCALING})
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert messages_of(response) == [
        "Une expérimentation à l'étape « cadrage » ne peut pas passer à l'étape "
        "« changement d'échelle »."
    ]


def test_it_refuses_an_unknown_stage(editor, experiment):
    response = client_for(editor).post(url(experiment), {"stage": "nulle-part"})
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    assert messages_of(response) == ["Choisissez une étape parmi celles proposées."]


def test_it_goes_back_to_the_page_it_came_from(editor, experiment):
    overview = reverse("experiments:detail", args=[experiment.pk])
    response = client_for(editor).post(url(experiment), {"stage": Stage.IDEA, "next": overview})
    assert response["Location"] == overview


def test_it_does_not_go_back_to_another_site(editor, experiment):
    response = client_for(editor).post(
        url(experiment), {"stage": Stage.IDEA, "next": "https://ailleurs.example.com/"}
    )
    assert response["Location"] == decisions_url(experiment)


@pytest.mark.parametrize("persona", ["contributor", "reader"])
def test_it_forbids_contributors_and_readers(request, experiment, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.post(url(experiment), {"stage": Stage.STOPPED}).status_code == 403
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


def test_it_hides_the_experiment_from_outsiders(outsider, experiment):
    assert client_for(outsider).post(url(experiment), {"stage": Stage.STOPPED}).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(experiment):
    response = client_for(None).post(url(experiment), {"stage": Stage.STOPPED})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


def test_it_answers_405_to_get(editor, experiment):
    assert client_for(editor).get(url(experiment)).status_code == 405
