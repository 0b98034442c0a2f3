"""The questions of a questionnaire go through the shared child pages with their own words:
the same history entries and messages as ever."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.surveys.models import Moment
from essaim.surveys.services import create_default_surveys
from tests.conftest import client_for
from tests.surveys.factories import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(training_session):
    create_default_surveys(session=training_session)
    return training_session.surveys.get(moment=Moment.COLD)


def history(session) -> list[str]:
    return list(HistoryEntry.objects.of(session).values_list("summary", flat=True))


def test_a_question_added_changed_moved_and_deleted_is_told_and_noted(survey, editor):
    client = client_for(editor)
    session = survey.session
    add = reverse("surveys:add_question", args=[session.pk, survey.pk])
    sent = {"label": "Que retenez-vous ?", "kind": "text"}
    added = client.post(add, sent, follow=True)
    assert "Question « Que retenez-vous ? » ajoutée." in page_text(added)
    question = survey.questions.get(label="Que retenez-vous ?")
    assert question.position == 5
    assert history(session)[0] == f"Question « Que retenez-vous ? » ajoutée à « {survey.title} »"

    edit = reverse("surveys:edit_question", args=[session.pk, question.pk])
    changed = client.post(edit, {**sent, "label": "Qu'en retenez-vous ?"}, follow=True)
    assert "Question « Qu'en retenez-vous ? » enregistrée." in page_text(changed)
    assert history(session)[0] == (
        f"Question « Qu'en retenez-vous ? » de « {survey.title} » modifiée"
    )

    move = reverse("surveys:move_question", args=[session.pk, question.pk])
    moved = client.post(move, {"sens": "monter"})
    edit_survey = reverse("surveys:edit_survey", args=[session.pk, survey.pk])
    assert moved["Location"] == f"{edit_survey}#question-{question.pk}"
    assert (
        history(session)[0] == f"Question « Qu'en retenez-vous ? » montée dans « {survey.title} »"
    )
    stuck = client.post(move, {"sens": "descendre"})
    assert stuck.status_code == 302
    assert history(session)[0] == (
        f"Question « Qu'en retenez-vous ? » descendue dans « {survey.title} »"
    )
    noted = len(history(session))
    past_the_end = client.post(move, {"sens": "descendre"}, follow=True)
    assert "Cette question ne peut pas aller plus loin." in page_text(past_the_end)
    assert len(history(session)) == noted

    delete = reverse("surveys:delete_question", args=[session.pk, question.pk])
    deleted = client.post(delete, follow=True)
    assert "Question « Qu'en retenez-vous ? » supprimée." in page_text(deleted)
    assert history(session)[0] == (
        f"Question « Qu'en retenez-vous ? » de « {survey.title} » supprimée"
    )


def test_a_question_is_added_only_to_a_questionnaire_of_the_session(survey, editor):
    from tests.surveys.factories import SurveyFactory

    other = SurveyFactory()
    url = reverse("surveys:add_question", args=[survey.session.pk, other.pk])
    assert client_for(editor).get(url).status_code == 404
    assert client_for(editor).post(url, {"label": "X ?", "kind": "text"}).status_code == 404
    assert not other.questions.exists()


def test_the_delete_page_warns_of_the_answers_lost(survey, editor):
    from tests.surveys.factories import answer

    question = survey.questions.order_by("position").first()
    answer(survey, {question: 4} if question.kind == "rating" else {question: "Oui"})
    answer(survey, {question: 5} if question.kind == "rating" else {question: "Non"})
    url = reverse("surveys:delete_question", args=[survey.session.pk, question.pk])
    page = page_text(client_for(editor).get(url))
    assert "2 réponses à cette question disparaîtront des résultats." in page
    assert f"Supprimer la question « {question.label} » ?" in page
