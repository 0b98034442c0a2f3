"""Evaluative questions, added, changed and deleted through the generic child pages."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import EvaluationCriterion, EvaluationQuestion
from tests.conftest import client_for
from tests.evaluation.factories import EvaluationQuestionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db


def add_url(experiment) -> str:
    return reverse("evaluation:add_question", args=[experiment.pk])


def test_it_adds_a_question(editor, experiment):
    response = client_for(editor).post(
        add_url(experiment),
        {
            "question": "Le service atteint-il les habitants sans voiture ?",
            "criterion": EvaluationCriterion.EFFECTIVENESS,
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("evaluation:indicators", args=[experiment.pk]) + "#questions"
    question = EvaluationQuestion.objects.get(experiment=experiment)
    assert question.criterion == EvaluationCriterion.EFFECTIVENESS
    assert HistoryEntry.objects.filter(
        verb="created",
        summary="Question évaluative « Le service atteint-il les habitants sans voiture ? » "
        "ajoutée",
    ).exists()


def test_it_requires_the_question(editor, experiment):
    response = client_for(editor).post(add_url(experiment), {"question": "", "criterion": ""})
    assert response.status_code == 200
    assert not EvaluationQuestion.objects.exists()


def test_it_keeps_the_indicators_of_a_deleted_question(editor, experiment):
    question = EvaluationQuestionFactory(experiment=experiment)
    indicator = IndicatorFactory(experiment=experiment, question=question)
    url = reverse("evaluation:delete_question", args=[experiment.pk, question.pk])
    assert client_for(editor).post(url).status_code == 302
    indicator.refresh_from_db()
    assert indicator.question is None


def test_it_forbids_contributors(contributor, experiment):
    response = client_for(contributor).post(add_url(experiment), {"question": "Pourquoi ?"})
    assert response.status_code == 403


def test_it_hides_the_form_from_outsiders(outsider, experiment):
    assert client_for(outsider).get(add_url(experiment)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(experiment):
    response = client_for(None).get(add_url(experiment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
