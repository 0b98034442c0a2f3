"""The « Satisfaction » tab: the questionnaires created in one click from the defaults, who was
sent what, and the response rates."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.registrations.models import Status
from essaim.surveys.models import Moment, QuestionKind, Survey
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.surveys.factories import (
    SurveyFactory,
    SurveyInvitationFactory,
    SurveyQuestionFactory,
    answer,
    attend,
    page_text,
)

pytestmark = pytest.mark.django_db


def manage_url(session) -> str:
    return reverse("surveys:manage", args=[session.pk])


def create_url(session) -> str:
    return reverse("surveys:create_defaults", args=[session.pk])


def test_it_offers_to_create_the_two_questionnaires(training_session, editor):
    response = client_for(editor).get(manage_url(training_session))
    assert response.status_code == 200
    page = page_text(response)
    assert "Aucun questionnaire pour l'instant" in page
    assert "Créer les deux questionnaires" in page


def test_it_creates_both_questionnaires_from_the_defaults(training_session, editor):
    response = client_for(editor).post(create_url(training_session), follow=True)

    assert response.redirect_chain == [(manage_url(training_session), 302)]
    hot, cold = Survey.objects.filter(session=training_session).order_by("send_after_days")
    assert (hot.moment, hot.send_after_days, hot.active) == (Moment.HOT, 1, True)
    assert (cold.moment, cold.send_after_days) == (Moment.COLD, 42)
    hot_questions = list(hot.questions.all())
    assert [q.kind for q in hot_questions] == [QuestionKind.RATING] * 5 + [QuestionKind.TEXT] * 2
    assert [q.position for q in hot_questions] == [1, 2, 3, 4, 5, 6, 7]
    assert hot_questions[1].label == "Les objectifs annoncés ont-ils été atteints ?"
    assert all(q.required for q in hot_questions[:5])
    assert not any(q.required for q in hot_questions[5:])
    cold_labels = [q.label for q in cold.questions.all()]
    assert cold_labels == [
        "Qu'avez-vous mis en pratique depuis la session ?",
        "Qu'est-ce que cela a changé dans votre travail ou votre projet ?",
        "Avec le recul, la session vous a-t-elle été utile ?",
        "Sur quels sujets aimeriez-vous être formé·e ou accompagné·e ensuite ?",
    ]
    page = page_text(response)
    assert "Les questionnaires « à chaud » et « à froid » sont prêts" in page
    assert "Votre avis sur la session" in page and "Six semaines après la session" in page
    entry = HistoryEntry.objects.of(training_session).get()
    assert entry.actor == editor and "créés" in entry.summary


def test_creating_again_only_adds_the_missing_questionnaire(training_session, editor):
    client = client_for(editor)
    client.post(create_url(training_session))
    Survey.objects.get(session=training_session, moment=Moment.COLD).delete()

    response = client.get(manage_url(training_session))
    assert "Créer le questionnaire à froid" in page_text(response)
    client.post(create_url(training_session))
    response = client.post(create_url(training_session), follow=True)

    assert training_session.surveys.count() == 2
    assert "Cette session a déjà ses deux questionnaires." in page_text(response)


def test_readers_see_the_tab_but_cannot_create(training_session, reader):
    client = client_for(reader)
    page = page_text(client.get(manage_url(training_session)))
    assert "Créer les deux questionnaires" not in page
    assert client.post(create_url(training_session)).status_code == 403
    assert not training_session.surveys.exists()


def test_outsiders_and_anonymous_visitors_are_kept_out(training_session, outsider):
    assert client_for(outsider).get(manage_url(training_session)).status_code == 404
    assert client_for(outsider).post(create_url(training_session)).status_code == 404
    anonymous = client_for(None).get(manage_url(training_session))
    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous["Location"]
    assert not training_session.surveys.exists()


def test_creating_needs_a_post(training_session, editor):
    assert client_for(editor).get(create_url(training_session)).status_code == 405


def test_it_shows_who_was_sent_what_and_the_response_rate(training_session, reader):
    hot = SurveyFactory(session=training_session, moment=Moment.HOT)
    cold = SurveyFactory(session=training_session, moment=Moment.COLD, send_after_days=42)
    question = SurveyQuestionFactory(survey=hot)
    ada = RegistrationFactory(session=training_session, first_name="Ada", last_name="Lovelace")
    SurveyInvitationFactory(survey=hot, registration=ada)
    answer(hot, {question: 5})
    answer(hot, {question: 4})
    SurveyInvitationFactory(survey=cold, registration=ada)
    RegistrationFactory(session=training_session, first_name="Bruno", last_name="Latour")

    page = page_text(client_for(reader).get(manage_url(training_session)))

    # Hot: 3 invited (Ada and the two who answered), 2 answers.
    assert "2 (67 %)" in page
    assert "Ada Lovelace" in page and "Bruno Latour" in page
    assert "pas encore envoyé" in page  # Bruno, confirmed, not sent anything yet
    assert "1 ne l'a pas encore reçu" in page
    assert "pas qui a répondu" in page
    # The reader may look, not change nor send.
    assert "Envoyer maintenant" not in page
    edit_url = reverse("surveys:edit_survey", args=[training_session.pk, hot.pk])
    assert f'href="{edit_url}"' not in page


def test_anonymised_participants_are_listed_without_their_name(training_session, owner):
    survey = SurveyFactory(session=training_session)
    registration = RegistrationFactory(session=training_session, first_name="Zoé", last_name="Z")
    SurveyInvitationFactory(survey=survey, registration=registration)
    registration.anonymised_at = registration.created_at
    registration.save(update_fields=["anonymised_at"])

    page = page_text(client_for(owner).get(manage_url(training_session)))

    assert "Personne anonymisée" in page
    assert "Zoé" not in page


def test_the_tab_explains_who_receives_the_questionnaires(training_session, owner):
    SurveyFactory(session=training_session)
    present = RegistrationFactory(session=training_session, last_name="Présente")
    RegistrationFactory(session=training_session, last_name="Absente")
    RegistrationFactory(session=training_session, last_name="Attente", status=Status.WAITING)
    client = client_for(owner)

    page = page_text(client.get(manage_url(training_session)))
    assert "les inscrit·es confirmé·es, tant qu'aucune présence n'est saisie" in page
    assert "Absente" in page and "Attente" not in page

    attend(present)
    page = page_text(client.get(manage_url(training_session)))
    assert "les inscrit·es présent·es à au moins une séance" in page
    assert "Présente" in page and "Absente" not in page


def test_the_tab_links_to_the_cycle_for_its_organisers(owner, outsider):
    from essaim.roles.models import Role
    from tests.trainings.factories import CycleFactory, TrainingSessionFactory

    cycle = CycleFactory()
    session = TrainingSessionFactory(cycle=cycle)
    cycle.grant(owner, Role.READER)
    session.grant(outsider, Role.OWNER)
    cycle_url = reverse("surveys:cycle_results", args=[cycle.pk])

    assert cycle_url in page_text(client_for(owner).get(manage_url(session)))
    # An organiser of the session alone does not see the cycle.
    assert cycle_url not in page_text(client_for(outsider).get(manage_url(session)))


def test_the_tab_needs_constant_queries(training_session, owner, django_assert_max_num_queries):
    client = client_for(owner)
    client.post(create_url(training_session))
    hot, cold = training_session.surveys.order_by("send_after_days")

    def fill(count: int) -> None:
        questions = list(hot.questions.all())
        for index in range(count):
            values = {question: (index % 5) + 1 for question in questions if question.is_rating}
            values[questions[-1]] = f"Suggestion {index}"
            invitation = answer(hot, values)
            SurveyInvitationFactory(survey=cold, registration=invitation.registration)
            attend(invitation.registration)

    fill(2)
    # session + role (2), cycle permissions (0: no cycle), surveys, questions, invitation
    # counts, answers (4), attendance exists, participants, invitations (3), session, user,
    # messages (3), with some slack for the middleware.
    with django_assert_max_num_queries(14) as few:
        client.get(manage_url(training_session))
    fill(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(manage_url(training_session))
    assert "Suggestion 19" in page_text(response)
