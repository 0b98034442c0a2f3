"""``/api/v1/experiments/{id}/hypotheses`` and ``…/steps``: read by members, written by editors,
every change kept in the history."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Hypothesis, Step
from tests.api.test_experiments_api import Api, experiment_with_roles
from tests.experiments.factories import ExperimentFactory, HypothesisFactory, StepFactory


@pytest.fixture
def experiment(owner, editor, contributor, reader):
    return experiment_with_roles(owner, editor, contributor, reader)


def history(experiment) -> list[tuple[str, str]]:
    return list(HistoryEntry.objects.of(experiment).values_list("verb", "summary"))


# Hypotheses ---------------------------------------------------------------------------------------


def test_an_editor_writes_hypotheses_through_their_whole_life(experiment, editor, reader):
    api = Api(editor)
    created = api.post(
        f"{experiment.pk}/hypotheses",
        {"statement": "Si l'arrêt est signalé, alors les trajets augmentent.", "position": 2},
    )
    assert created.status_code == 201
    body = created.json()
    assert body == {
        "id": body["id"],
        "statement": "Si l'arrêt est signalé, alors les trajets augmentent.",
        "rationale": "",
        "position": 2,
        "version": body["version"],
    }
    path = f"{experiment.pk}/hypotheses/{body['id']}"
    assert Api(reader).get(path).json() == body
    changed = api.patch(path, {"rationale": "Les enquêtes de 2019."})
    assert changed.status_code == 200
    assert changed.json()["rationale"] == "Les enquêtes de 2019."
    assert [item["id"] for item in Api(reader).get(f"{experiment.pk}/hypotheses").json()] == [
        body["id"]
    ]
    assert api.delete(path).status_code == 204
    assert not Hypothesis.objects.exists()
    assert history(experiment)[:3] == [
        (
            "deleted",
            "Hypothèse « Si l'arrêt est signalé, alors les trajets augmentent. » supprimée",
        ),
        (
            "updated",
            "Hypothèse « Si l'arrêt est signalé, alors les trajets augmentent. » modifiée",
        ),
        ("created", "Hypothèse « Si l'arrêt est signalé, alors les trajets augmentent. » ajoutée"),
    ]


def test_a_hypothesis_needs_a_statement(experiment, editor):
    api = Api(editor)
    missing = api.post(f"{experiment.pk}/hypotheses", {"rationale": "Rien"})
    assert missing.status_code == 422
    assert missing.json()["erreurs"] == [
        {"champ": "statement", "message": "Ce champ est obligatoire."}
    ]
    blank = api.post(f"{experiment.pk}/hypotheses", {"statement": "   "})
    assert blank.json() == {
        "detail": "Ce champ est obligatoire.",
        "erreurs": [{"champ": "statement", "message": "Ce champ est obligatoire."}],
    }
    negative = api.post(f"{experiment.pk}/hypotheses", {"statement": "Si…", "position": -1})
    assert negative.json()["erreurs"] == [
        {"champ": "position", "message": "La valeur doit être supérieure ou égale à 0."}
    ]
    assert not Hypothesis.objects.exists()


def test_hypotheses_are_read_by_members_and_written_by_editors(
    experiment, contributor, reader, outsider
):
    hypothesis = HypothesisFactory(experiment=experiment)
    path = f"{experiment.pk}/hypotheses/{hypothesis.pk}"
    assert Api(reader).get(path).status_code == 200
    for user in (contributor, reader):
        client = Api(user)
        assert client.post(f"{experiment.pk}/hypotheses", {"statement": "Si…"}).status_code == 403
        assert client.patch(path, {"statement": "Autre"}).status_code == 403
        assert client.delete(path).status_code == 403
    stranger = Api(outsider)
    assert stranger.get(f"{experiment.pk}/hypotheses").status_code == 404
    assert stranger.get(path).status_code == 404
    assert stranger.post(f"{experiment.pk}/hypotheses", {"statement": "Si…"}).status_code == 404
    assert stranger.delete(path).status_code == 404
    anonymous = Api()
    assert anonymous.get(path).status_code == 401
    assert anonymous.patch(path, {"statement": "Autre"}).status_code == 401
    assert Hypothesis.objects.get().statement == hypothesis.statement


def test_the_hypothesis_of_another_experiment_is_not_found(experiment, editor):
    elsewhere = HypothesisFactory(experiment=ExperimentFactory())
    path = f"{experiment.pk}/hypotheses/{elsewhere.pk}"
    assert Api(editor).get(path).status_code == 404
    assert Api(editor).patch(path, {"statement": "Détournée"}).status_code == 404
    assert Api(editor).delete(path).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.statement != "Détournée"


def test_the_hypotheses_list_takes_the_same_queries_for_3_or_30(experiment, reader):
    api = Api(reader)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"{experiment.pk}/hypotheses")
        return len(queries), len(response.json())

    HypothesisFactory.create_batch(3, experiment=experiment)
    few = count_queries()
    HypothesisFactory.create_batch(27, experiment=experiment)
    assert count_queries() == (few[0], 30)
    assert few[1] == 3


# Steps --------------------------------------------------------------------------------------------


def test_an_editor_plans_steps_and_milestones(experiment, editor, reader):
    api = Api(editor)
    created = api.post(
        f"{experiment.pk}/steps",
        {
            "title": "Signalétique des arrêts",
            "start_date": "2024-02-01",
            "end_date": "2024-03-31",
            "deliverables": "Vingt arrêts équipés",
        },
    )
    assert created.status_code == 201
    body = created.json()
    assert body | {"id": None, "version": None} == {
        "id": None,
        "version": None,
        "kind": "etape",
        "title": "Signalétique des arrêts",
        "description": "",
        "start_date": "2024-02-01",
        "end_date": "2024-03-31",
        "deliverables": "Vingt arrêts équipés",
        "status": "prevue",
        "is_milestone": False,
    }
    milestone = api.post(
        f"{experiment.pk}/steps",
        {"title": "Comité de bilan", "kind": "jalon", "start_date": "2024-06-15"},
    ).json()
    assert milestone["is_milestone"] is True
    path = f"{experiment.pk}/steps/{body['id']}"
    done = api.patch(path, {"status": "terminee"})
    assert done.json()["status"] == "terminee"
    listed = Api(reader).get(f"{experiment.pk}/steps").json()
    assert [step["title"] for step in listed] == ["Signalétique des arrêts", "Comité de bilan"]
    assert api.delete(f"{experiment.pk}/steps/{milestone['id']}").status_code == 204
    assert list(Step.objects.values_list("title", flat=True)) == ["Signalétique des arrêts"]
    assert [summary for _, summary in history(experiment)[:2]] == [
        "Étape « Comité de bilan » supprimée",
        "Étape « Signalétique des arrêts » modifiée",
    ]


def test_a_step_is_checked_in_french(experiment, editor):
    api = Api(editor)
    backwards = api.post(
        f"{experiment.pk}/steps",
        {"title": "Étape", "start_date": "2024-02-01", "end_date": "2024-01-01"},
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"] == "La fin ne peut pas précéder le début."
    no_start = api.post(f"{experiment.pk}/steps", {"title": "Étape"})
    assert no_start.json()["erreurs"] == [
        {"champ": "start_date", "message": "Ce champ est obligatoire."}
    ]
    status = api.post(
        f"{experiment.pk}/steps", {"title": "Étape", "start_date": "2024-02-01", "status": "finie"}
    )
    assert status.json()["erreurs"][0]["champ"] == "status"
    assert "Valeurs possibles" in status.json()["erreurs"][0]["message"]
    step = StepFactory(experiment=experiment)
    later = api.patch(f"{experiment.pk}/steps/{step.pk}", {"start_date": "2024-12-01"})
    assert later.status_code == 422
    step.refresh_from_db()
    assert step.start_date == datetime.date(2024, 2, 1)
    assert not Step.objects.exclude(pk=step.pk).exists()


def test_steps_are_read_by_members_and_written_by_editors(
    experiment, contributor, reader, outsider
):
    step = StepFactory(experiment=experiment)
    path = f"{experiment.pk}/steps/{step.pk}"
    payload = {"title": "Étape", "start_date": "2024-02-01"}
    assert Api(contributor).get(path).json()["title"] == step.title
    for user in (contributor, reader):
        assert Api(user).post(f"{experiment.pk}/steps", payload).status_code == 403
        assert Api(user).patch(path, {"title": "Autre"}).status_code == 403
        assert Api(user).delete(path).status_code == 403
    assert Api(outsider).get(path).status_code == 404
    assert Api(outsider).patch(path, {"title": "Autre"}).status_code == 404
    assert Api().post(f"{experiment.pk}/steps", payload).status_code == 401
    assert Api().delete(path).status_code == 401
    assert Step.objects.get().title == step.title


def test_the_steps_list_takes_the_same_queries_for_3_or_30(experiment, reader):
    api = Api(reader)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"{experiment.pk}/steps")
        return len(queries), len(response.json())

    StepFactory.create_batch(3, experiment=experiment)
    few = count_queries()
    StepFactory.create_batch(27, experiment=experiment)
    assert count_queries() == (few[0], 30)
