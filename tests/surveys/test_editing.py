"""Adapting a questionnaire: its settings, and its questions added, changed, deleted and put
in order, by editors only."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.surveys.models import Moment, QuestionKind, SurveyQuestion
from essaim.surveys.services import create_default_surveys
from tests.conftest import client_for
from tests.surveys.factories import SurveyFactory, answer, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(training_session):
    create_default_surveys(session=training_session)
    return training_session.surveys.get(moment=Moment.COLD)


def edit_url(survey) -> str:
    return reverse("surveys:edit_survey", args=[survey.session.pk, survey.pk])


def question_url(name: str, question) -> str:
    return reverse(f"surveys:{name}", args=[question.survey.session.pk, question.pk])


def labels(survey) -> list[str]:
    return [q.label for q in survey.questions.order_by("position", "pk")]


def settings_data(**changes) -> dict:
    data = {
        "title": "Trois mois après la session",
        "introduction": "Merci de prendre cinq minutes.",
        "send_after_days": "90",
        "active": "on",
    }
    return {**data, **changes}


def test_an_editor_changes_the_settings(survey, editor):
    client = client_for(editor)
    page = page_text(client.get(edit_url(survey)))
    assert 'value="Six semaines après la session"' in page
    assert "Questions (4)" in page

    response = client.post(edit_url(survey), settings_data(active=""), follow=True)

    assert "Questionnaire « Trois mois après la session » enregistré." in page_text(response)
    survey.refresh_from_db()
    assert (survey.title, survey.send_after_days, survey.active) == (
        "Trois mois après la session",
        90,
        False,
    )
    assert survey.introduction == "Merci de prendre cinq minutes."
    assert HistoryEntry.objects.of(survey.session).filter(actor=editor, verb="updated").exists()


def test_wrong_settings_are_explained_and_kept(survey, editor):
    client = client_for(editor)
    response = client.post(edit_url(survey), settings_data(title="", send_after_days="400"))

    page = page_text(response)
    assert response.status_code == 200
    assert "Donnez un titre au questionnaire." in page
    assert "Choisissez un délai d'au plus 365 jours." in page
    assert "Merci de prendre cinq minutes.</textarea>" in page
    assert 'value="400"' in page

    page = page_text(client.post(edit_url(survey), settings_data(send_after_days="six")))
    assert "Indiquez un nombre de jours." in page
    survey.refresh_from_db()
    assert survey.title == "Six semaines après la session"


def test_an_editor_adds_questions_at_the_end(survey, editor):
    client = client_for(editor)
    url = reverse("surveys:add_question", args=[survey.session.pk, survey.pk])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "label": "Avez-vous recommandé la session ?",
            "kind": QuestionKind.CHOICE,
            "choices": "Oui\n\nNon\n",
            "required": "on",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == edit_url(survey) + "#questions"
    question = survey.questions.get(label="Avez-vous recommandé la session ?")
    assert question.position == 5
    assert question.choice_list() == ["Oui", "Non"]
    assert question.required
    assert labels(survey)[-1] == "Avez-vous recommandé la session ?"


def test_a_choice_needs_two_choices_and_a_question_a_label(survey, editor):
    url = reverse("surveys:add_question", args=[survey.session.pk, survey.pk])
    page = page_text(
        client_for(editor).post(url, {"label": "", "kind": QuestionKind.CHOICE, "choices": "Oui"})
    )
    assert "Écrivez la question." in page
    assert "Indiquez au moins deux choix, un par ligne." in page
    assert "\nOui</textarea>" in page
    assert survey.questions.count() == 4


def test_an_editor_changes_a_question(survey, editor):
    question = survey.questions.get(kind=QuestionKind.RATING)
    response = client_for(editor).post(
        question_url("edit_question", question),
        {"label": "Six semaines après, la session vous sert-elle ?", "kind": "rating"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.label == "Six semaines après, la session vous sert-elle ?"
    assert not question.required


def test_an_answered_question_keeps_its_kind(survey, editor):
    question = survey.questions.get(kind=QuestionKind.RATING)
    answer(survey, {question: 4})
    client = client_for(editor)
    page = page_text(client.get(question_url("edit_question", question)))
    assert "Le type ne change plus" in page

    client.post(
        question_url("edit_question", question),
        {"label": "Utilité", "kind": QuestionKind.TEXT, "required": "on"},
    )

    question.refresh_from_db()
    assert (question.label, question.kind) == ("Utilité", QuestionKind.RATING)


def test_an_editor_deletes_a_question_after_a_warning(survey, editor):
    question = survey.questions.get(kind=QuestionKind.RATING)
    answer(survey, {question: 4})
    client = client_for(editor)

    page = page_text(client.get(question_url("delete_question", question)))
    assert "1 réponse à cette question disparaîtra des résultats." in page

    response = client.post(question_url("delete_question", question))
    assert response.status_code == 302
    assert not SurveyQuestion.objects.filter(pk=question.pk).exists()
    entry = HistoryEntry.objects.of(survey.session).get(verb="deleted")
    assert question.label in entry.summary


def test_an_editor_puts_the_questions_in_order(survey, editor):
    client = client_for(editor)
    first, second, third, fourth = survey.questions.order_by("position")

    response = client.post(question_url("move_question", third), {"sens": "monter"})
    assert response["Location"] == edit_url(survey) + f"#question-{third.pk}"
    client.post(question_url("move_question", first), {"sens": "descendre"})

    assert labels(survey) == [third.label, first.label, second.label, fourth.label]
    assert list(survey.questions.order_by("position").values_list("position", flat=True)) == [
        1,
        2,
        3,
        4,
    ]


def test_a_question_cannot_leave_its_questionnaire(survey, editor):
    client = client_for(editor)
    first = survey.questions.order_by("position").first()
    response = client.post(question_url("move_question", first), {"sens": "monter"}, follow=True)
    assert "Cette question ne peut pas aller plus loin." in page_text(response)
    response = client.post(question_url("move_question", first), {"sens": "ailleurs"}, follow=True)
    assert "Choisissez de monter ou de descendre la question." in page_text(response)
    assert labels(survey)[0] == first.label


def test_the_move_buttons_are_keyboard_forms(survey, editor):
    page = page_text(client_for(editor).get(edit_url(survey)))
    assert page.count('name="sens" value="monter"') == 3
    assert page.count('name="sens" value="descendre"') == 3


def test_readers_cannot_change_anything(survey, reader):
    client = client_for(reader)
    question = survey.questions.first()
    add_url = reverse("surveys:add_question", args=[survey.session.pk, survey.pk])
    for url in (
        edit_url(survey),
        add_url,
        question_url("edit_question", question),
        question_url("delete_question", question),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"label": "x", "title": "x"}).status_code == 403
    assert (
        client.post(question_url("move_question", question), {"sens": "descendre"}).status_code
        == 403
    )
    assert survey.questions.count() == 4


def test_outsiders_find_nothing(survey, outsider):
    client = client_for(outsider)
    question = survey.questions.first()
    assert client.get(edit_url(survey)).status_code == 404
    assert client.get(question_url("edit_question", question)).status_code == 404
    assert client.post(question_url("delete_question", question)).status_code == 404
    assert SurveyQuestion.objects.filter(pk=question.pk).exists()


def test_a_question_of_another_session_is_not_found(survey, editor):
    other = SurveyFactory()
    question = SurveyQuestion.objects.create(survey=other, label="Ailleurs ?", kind="text")
    url = reverse("surveys:edit_question", args=[survey.session.pk, question.pk])
    assert client_for(editor).get(url).status_code == 404
    url = reverse("surveys:edit_survey", args=[survey.session.pk, other.pk])
    assert client_for(editor).get(url).status_code == 404
