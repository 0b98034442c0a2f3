"""The children of a parent object (the hypotheses and steps of an experiment, the parts of a
session's programme) through one set of views, one way to order them, and the same form, the
same messages and the same history from the pages and from the API."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.core.ordering import move_among, next_position
from essaim.experiments.models import Hypothesis
from essaim.roles.models import Role
from tests.api.test_experiments_api import Api
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory, HypothesisFactory
from tests.trainings.factories import SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(editor):
    experiment = ExperimentFactory()
    experiment.grant(editor, Role.EDITOR)
    return experiment


def test_a_new_child_goes_after_the_last(training_session):
    speakers = training_session.speakers.all()
    assert next_position(speakers) == 1
    SpeakerFactory(session=training_session, position=4)
    assert next_position(speakers) == 5


def test_moving_a_child_numbers_them_all_again(training_session):
    first, second, third = (
        SpeakerFactory(session=training_session, position=position) for position in (1, 5, 9)
    )
    items = list(training_session.speakers.order_by("position"))
    assert move_among(items=items, item=third, offset=-1)
    assert list(training_session.speakers.order_by("position").values_list("pk", "position")) == [
        (first.pk, 1),
        (third.pk, 2),
        (second.pk, 3),
    ]
    items = list(training_session.speakers.order_by("position"))
    assert not move_among(items=items, item=first, offset=-1)


def test_the_api_refuses_what_the_page_refuses_with_the_same_message(experiment, editor):
    url = reverse("experiments:add_hypothesis", args=[experiment.pk])
    page = client_for(editor).post(url, {"statement": "   ", "rationale": "Une étude"})
    assert page.status_code == 200
    assert page.context["form"].errors == {"statement": ["Ce champ est obligatoire."]}

    api = Api(editor).post(f"{experiment.pk}/hypotheses", {"statement": "   "})
    assert api.status_code == 422
    assert api.json()["erreurs"] == [{"champ": "statement", "message": "Ce champ est obligatoire."}]
    assert not Hypothesis.objects.exists()


def test_a_child_changed_from_the_page_or_the_api_reads_the_same_in_the_history(experiment, editor):
    on_page, through_api = (
        HypothesisFactory(experiment=experiment, statement=text)
        for text in ("Si l'arrêt est signalé, alors…", "Si le car passe, alors…")
    )
    url = reverse("experiments:edit_hypothesis", args=[experiment.pk, on_page.pk])
    response = client_for(editor).post(url, {"statement": on_page.statement, "rationale": "Vu."})
    assert response.status_code == 302
    path = f"{experiment.pk}/hypotheses/{through_api.pk}"
    assert Api(editor).patch(path, {"rationale": "Vu."}).status_code == 200

    entries = HistoryEntry.objects.of(experiment).filter(verb="updated")
    assert sorted(entries.values_list("summary", flat=True)) == [
        "Hypothèse « Si l'arrêt est signalé, alors… » modifiée",
        "Hypothèse « Si le car passe, alors… » modifiée",
    ]


def test_a_child_changed_meanwhile_through_the_api_is_a_409(experiment, editor, owner):
    experiment.grant(owner, Role.OWNER)
    hypothesis = HypothesisFactory(experiment=experiment, rationale="Une enquête")
    path = f"{experiment.pk}/hypotheses/{hypothesis.pk}"
    version = Api(owner).get(path).json()["version"]
    assert Api(editor).patch(path, {"rationale": "Deux enquêtes"}).status_code == 200

    refused = Api(owner).patch(path, {"rationale": "Trois enquêtes", "version": version})
    assert refused.status_code == 409
    assert refused.json()["detail"] == (
        "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez : "
        "Sur quoi elle repose — Deux enquêtes (vous aviez Une enquête)"
    )
    merged = Api(owner).patch(path, {"statement": "Si…, alors…", "version": version})
    assert merged.status_code == 200
    hypothesis.refresh_from_db()
    assert (hypothesis.statement, hypothesis.rationale) == ("Si…, alors…", "Deux enquêtes")
