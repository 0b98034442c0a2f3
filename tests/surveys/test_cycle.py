"""The satisfaction of a whole cycle: one row per session, each rating question pooled."""

import pytest
from django.urls import reverse

from essaim.roles.models import Role
from essaim.surveys.models import Moment
from essaim.surveys.results import cycle_results
from essaim.surveys.services import create_default_surveys
from tests.conftest import client_for
from tests.surveys.factories import (
    SurveyFactory,
    SurveyInvitationFactory,
    SurveyQuestionFactory,
    answer,
    page_text,
)
from tests.trainings.factories import CycleFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def rate(session, notes: list[int], moment: Moment = Moment.HOT, invited_only: int = 0):
    """Answer the default questionnaire of ``session``: every note question given each of
    ``notes`` in turn, by one participant each; ``invited_only`` more invited who did not."""
    survey = session.surveys.get(moment=moment)
    ratings = [q for q in survey.questions.all() if q.is_rating]
    for note in notes:
        answer(survey, dict.fromkeys(ratings, note))
    for _ in range(invited_only):
        SurveyInvitationFactory(survey=survey)


@pytest.fixture
def cycle(reader):
    cycle = CycleFactory(title="Innovation, expérimentation, pérennisation")
    cycle.grant(reader, Role.READER)
    first = TrainingSessionFactory(cycle=cycle, position=1, title="L'innovation sociale")
    second = TrainingSessionFactory(cycle=cycle, position=2, title="L'expérimentation")
    TrainingSessionFactory(cycle=cycle, position=3, title="La pérennisation")  # nothing yet
    for session in (first, second):
        create_default_surveys(session=session)
    rate(first, [5, 4, 3], invited_only=1)
    rate(first, [4], moment=Moment.COLD)
    rate(second, [2, 5])
    rate(second, [5, 3], moment=Moment.COLD, invited_only=2)
    return cycle


def test_it_compares_the_sessions_of_the_cycle(cycle):
    results = cycle_results(cycle)

    assert [row.session.title for row in results.rows] == [
        "L'innovation sociale",
        "L'expérimentation",
        "La pérennisation",
    ]
    # Five questions noted « à chaud », one « à froid », numbered across the cycle.
    assert [(c.heading, c.moment) for c in results.columns] == [
        ("Q1", "hot"),
        ("Q2", "hot"),
        ("Q3", "hot"),
        ("Q4", "hot"),
        ("Q5", "hot"),
        ("Q6", "cold"),
    ]
    first, second, third = results.rows
    assert (first.hot.invited, first.hot.answered, first.hot.rate) == (4, 3, 75)
    assert (second.cold.invited, second.cold.answered, second.cold.rate) == (4, 2, 50)
    assert third.hot is None and third.cold is None
    assert [cell.mean_text for cell in first.cells] == ["4,0"] * 5 + ["4,0"]
    assert [cell.mean_text for cell in second.cells] == ["3,5"] * 5 + ["4,0"]
    assert [cell.count for cell in second.cells] == [2] * 5 + [2]
    assert [cell.mean_text for cell in third.cells] == ["—"] * 6

    hot, cold = results.moments
    assert (hot.invited, hot.answered, hot.rate) == (6, 5, 83)
    assert (cold.invited, cold.answered, cold.rate) == (5, 3, 60)
    overall = hot.columns[0]
    assert overall.column.label == "Dans l'ensemble, êtes-vous satisfait·e de la session ?"
    assert overall.ratings == [5, 4, 3, 2, 5]
    assert overall.mean_text == "3,8"
    assert [(s.count, s.percent) for s in overall.shares] == [
        (0, 0),
        (1, 20),
        (1, 20),
        (1, 20),
        (2, 40),
    ]
    assert "L'innovation sociale : 4,0 (3)" in str(overall.comparison)
    assert "L'expérimentation : 3,5 (2)" in str(overall.comparison)
    assert "La pérennisation" not in str(overall.comparison)  # not asked there
    assert cold.columns[0].mean_text == "4,0"


def test_questions_asked_differently_get_their_own_column(cycle):
    session = TrainingSessionFactory(cycle=cycle, position=4, title="Un atelier")
    survey = SurveyFactory(session=session, moment=Moment.HOT)
    question = SurveyQuestionFactory(survey=survey, label="Le lieu vous a-t-il convenu ?")
    answer(survey, {question: 1})

    results = cycle_results(cycle)

    assert [c.label for c in results.columns][5] == "Le lieu vous a-t-il convenu ?"
    assert results.columns[5].heading == "Q6" and results.columns[6].moment == "cold"
    assert [cell.mean_text for cell in results.rows[3].cells][5] == "1,0"


def test_the_cycle_page_shows_one_row_per_session(cycle, reader):
    response = client_for(reader).get(reverse("surveys:cycle_results", args=[cycle.pk]))

    assert response.status_code == 200
    page = page_text(response)
    assert "<h1>Satisfaction : Innovation, expérimentation, pérennisation</h1>" in page
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == 3
    assert "3 sur 4 (75\u00a0%)" in body
    assert "pas de questionnaire" in body
    assert (
        "<strong>Q6</strong> (à froid) : Avec le recul, la session vous a-t-elle été utile ?"
        in (page)
    )
    assert "Moyenne sur le cycle <strong>3,8</strong> sur 5 · 5 réponses" in page
    assert page.count('role="img"') == 12  # per question noted: by session and pooled


def test_an_empty_cycle_says_so(reader):
    cycle = CycleFactory()
    cycle.grant(reader, Role.READER)
    page = page_text(client_for(reader).get(reverse("surveys:cycle_results", args=[cycle.pk])))
    assert "Ce cycle n'a pas encore de session" in page


def test_only_the_organisers_of_the_cycle_see_it(cycle, owner, outsider):
    url = reverse("surveys:cycle_results", args=[cycle.pk])
    # An organiser of one session only does not see the whole cycle.
    cycle.sessions.first().grant(owner, Role.OWNER)
    assert client_for(owner).get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous["Location"]
    assert client_for(outsider).post(url).status_code == 405


def test_the_cycle_page_needs_constant_queries(cycle, reader, django_assert_max_num_queries):
    client = client_for(reader)
    url = reverse("surveys:cycle_results", args=[cycle.pk])
    # cycle and role, sessions, surveys, questions, invitation counts, answers, session and
    # user of the request, messages.
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for position in range(4, 10):
        session = TrainingSessionFactory(cycle=cycle, position=position)
        create_default_surveys(session=session)
        rate(session, [1, 2, 3, 4, 5], invited_only=3)
        rate(session, [4, 5], moment=Moment.COLD)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert page_text(response).split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 9
