"""Answering from the personal link: no account, French messages for what is missing with
nothing lost, a « Merci » page, and only once."""

import re

import pytest
from django.urls import reverse

from essaim.surveys.models import Moment, QuestionKind, SurveyAnswer
from essaim.surveys.services import create_default_surveys
from tests.conftest import client_for
from tests.surveys.factories import (
    SurveyInvitationFactory,
    SurveyQuestionFactory,
    page_text,
    past_session,
    visible_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    """An invitation to the default questionnaire « à chaud », with a choice question added."""
    session = past_session(contact_name="Mylène Thou", contact_email="mylene.thou@example.org")
    create_default_surveys(session=session)
    survey = session.surveys.get(moment=Moment.HOT)
    SurveyQuestionFactory(
        survey=survey,
        label="Comment avez-vous connu la session ?",
        kind=QuestionKind.CHOICE,
        choices="Par la lettre d'information\nPar un collègue\nAutrement",
        required=True,
        position=8,
    )
    return SurveyInvitationFactory(survey=survey)


def answer_url(invitation) -> str:
    return reverse("surveys:answer", args=[invitation.token])


class Fields(dict):
    """Field names by the start of their question's label: ``fields["Les objectifs"]``."""

    def __missing__(self, prefix: str) -> str:
        return next(name for label, name in self.items() if label.startswith(prefix))


def questions(invitation) -> Fields:
    return Fields({q.label: f"question_{q.pk}" for q in invitation.survey.questions.all()})


def complete_answers(invitation) -> dict[str, str]:
    fields = questions(invitation)
    return {
        fields["Dans l'ensemble, êt"]: "5",
        fields["Les objectifs annonc"]: "4",
        fields["La session est-elle "]: "4",
        fields["Les interventions et"]: "5",
        fields["L'organisation et le"]: "3",
        fields["Qu'allez-vous mettre"]: "Un comité de pilotage avec les habitants.",
        fields["Vos suggestions pour"]: "",
        fields["Comment avez-vous co"]: "Par un collègue",
    }


def test_the_questionnaire_opens_without_an_account(invitation):
    response = client_for(None).get(answer_url(invitation))

    assert response.status_code == 200
    page = page_text(response)
    assert "<h1>Votre avis sur la session</h1>" in page
    assert invitation.survey.session.title in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<meta name="referrer" content="same-origin">' in page
    # Each note is a group of five radio buttons, each with its label, under the question.
    first = questions(invitation)["Dans l'ensemble, êt"]
    fieldset = re.search(rf'<fieldset[^>]*id="id_{first}".*?</fieldset>', page, re.S).group(0)
    assert "<legend>1. Dans l'ensemble, êtes-vous satisfait·e de la session ?</legend>" in fieldset
    radios = re.findall(r'<input type="radio" name="(\w+)" value="(\d)"[^>]*id="([\w]+)"', fieldset)
    assert [value for _, value, _ in radios] == ["1", "2", "3", "4", "5"]
    for *_, radio_id in radios:
        assert f'<label class="rating__option" for="{radio_id}">' in fieldset
    words = visible_text(client_for(None).get(answer_url(invitation)))
    assert "1 pas du tout 2 peu 3 moyennement 4 beaucoup 5 tout à fait" in words
    assert "Vos suggestions pour les prochaines sessions (facultatif)" in words


def test_missing_answers_are_explained_in_french_and_nothing_is_lost(invitation):
    data = complete_answers(invitation)
    fields = questions(invitation)
    missing = fields["Les objectifs annonc"]
    del data[missing]
    del data[fields["Comment avez-vous co"]]

    response = client_for(None).post(answer_url(invitation), data)

    assert response.status_code == 200
    page = page_text(response)
    assert "Vos réponses n'ont pas encore été envoyées." in page
    assert f'<a href="#id_{missing}">Les objectifs annoncés ont-ils été atteints ?</a>' in page
    assert "Choisissez une note de 1 à 5." in page
    assert "Choisissez une réponse." in page
    # The group in error says so to assistive technologies.
    assert f'id="id_{missing}" aria-describedby="id_{missing}_error"' in page
    assert f'<ul class="errorlist" id="id_{missing}_error">' in page
    assert re.search(rf'name="{missing}" value="1"[^>]*aria-invalid="true"', page)
    # What was given is still there.
    assert "Un comité de pilotage avec les habitants.</textarea>" in page
    first = fields["Dans l'ensemble, êt"]
    assert re.search(rf'name="{first}" value="5"[^>]*checked', page)
    assert not re.search(rf'name="{first}" value="4"[^>]*checked', page)
    assert not SurveyAnswer.objects.exists()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_a_note_outside_the_scale_or_an_unknown_choice_is_refused(invitation):
    data = complete_answers(invitation)
    fields = questions(invitation)
    data[fields["Dans l'ensemble, êt"]] = "7"
    data[fields["Comment avez-vous co"]] = "Par hasard"
    data[fields["Vos suggestions pour"]] = "x" * 5001

    page = page_text(client_for(None).post(answer_url(invitation), data))

    assert "Choisissez une note de 1 à 5." in page
    assert "Choisissez une des réponses proposées." in page
    assert "Votre réponse dépasse 5000 caractères : raccourcissez-la." in page
    assert not SurveyAnswer.objects.exists()


def test_complete_answers_are_kept_and_thanked(invitation):
    client = client_for(None)
    response = client.post(answer_url(invitation), complete_answers(invitation))

    thanks = reverse("surveys:thanks", args=[invitation.token])
    assert response.status_code == 302 and response["Location"] == thanks
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    kept = {
        answer.question.label[:19]: answer.rating or answer.value
        for answer in SurveyAnswer.objects.filter(invitation=invitation).select_related("question")
    }
    assert kept == {
        "Dans l'ensemble, êt": 5,
        "Les objectifs annon": 4,
        "La session est-elle": 4,
        "Les interventions e": 5,
        "L'organisation et l": 3,
        "Qu'allez-vous mettr": "Un comité de pilotage avec les habitants.",
        "Comment avez-vous c": "Par un collègue",
    }  # the empty suggestion is not kept
    page = page_text(client.get(thanks))
    assert "<h1>Merci !</h1>" in page
    assert "mylene.thou@example.org" in page


def test_a_questionnaire_is_answered_once(invitation):
    client = client_for(None)
    client.post(answer_url(invitation), complete_answers(invitation))

    again = client.get(answer_url(invitation))
    assert again.status_code == 200
    assert "Vous avez déjà répondu à ce questionnaire" in page_text(again)
    assert "<form" not in page_text(again).split("<main")[1]

    resent = client.post(answer_url(invitation), complete_answers(invitation))
    assert "Vous avez déjà répondu à ce questionnaire" in page_text(resent)
    assert SurveyAnswer.objects.filter(invitation=invitation).count() == 7


def test_the_thanks_page_waits_for_the_answers(invitation):
    response = client_for(None).get(reverse("surveys:thanks", args=[invitation.token]))
    assert response.status_code == 302 and response["Location"] == answer_url(invitation)


def test_an_unknown_link_is_not_found(invitation):
    client = client_for(None)
    assert client.get(reverse("surveys:answer", args=["inconnu"])).status_code == 404
    assert client.post(reverse("surveys:answer", args=["inconnu"]), {}).status_code == 404
    assert client.get(reverse("surveys:thanks", args=["inconnu"])).status_code == 404


def test_the_answer_page_refuses_other_methods(invitation):
    assert client_for(None).put(answer_url(invitation)).status_code == 405
    thanks = reverse("surveys:thanks", args=[invitation.token])
    assert client_for(None).post(thanks).status_code == 405


def test_answers_stay_once_the_registration_is_anonymised(invitation):
    client_for(None).post(answer_url(invitation), complete_answers(invitation))
    registration = invitation.registration
    registration.delete()

    invitation.refresh_from_db()
    assert invitation.registration is None
    assert SurveyAnswer.objects.filter(invitation=invitation).count() == 7


# The organisers' preview -----------------------------------------------------------------


def test_organisers_preview_the_questionnaire_without_sending_it(training_session, reader):
    create_default_surveys(session=training_session)
    survey = training_session.surveys.get(moment=Moment.HOT)
    url = reverse("surveys:preview", args=[training_session.pk, survey.pk])

    page = page_text(client_for(reader).get(url))

    assert "<strong>Aperçu.</strong>" in page
    assert '<button type="button" class="button" disabled>Envoyer mes réponses</button>' in page
    assert 'type="submit"' not in page.split("<main")[1]


def test_the_preview_is_for_organisers_only(training_session, outsider):
    create_default_surveys(session=training_session)
    survey = training_session.surveys.get(moment=Moment.HOT)
    url = reverse("surveys:preview", args=[training_session.pk, survey.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
