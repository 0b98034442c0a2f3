"""The results of a session's questionnaires, checked against answers whose figures are known."""

import itertools
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.surveys.models import Moment, QuestionKind
from essaim.surveys.results import session_results
from tests.conftest import client_for
from tests.surveys.factories import (
    SurveyFactory,
    SurveyInvitationFactory,
    SurveyQuestionFactory,
    answer,
    page_text,
)

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def answered(training_session):
    """Five answers « à chaud » and two « à froid », one more person invited to each."""
    hot = SurveyFactory(session=training_session, moment=Moment.HOT)
    overall = SurveyQuestionFactory(survey=hot, label="Satisfaction d'ensemble", required=True)
    useful = SurveyQuestionFactory(survey=hot, label="Utilité pour votre pratique")
    heard = SurveyQuestionFactory(
        survey=hot,
        label="Comment avez-vous connu la session ?",
        kind=QuestionKind.CHOICE,
        choices="Lettre d'information\nCollègue\nSite internet",
    )
    apply = SurveyQuestionFactory(survey=hot, label="Ce que vous appliquerez", kind="text")
    for overall_note, useful_note, source, text in [
        (5, 4, "Collègue", "Le tableau de bord des indicateurs"),
        (4, None, "Collègue", ""),
        (4, 5, "Lettre d'information", "Un comité de pilotage ouvert"),
        (3, 2, "Collègue", ""),
        (5, 5, "Bouche à oreille", "Le droit à l'erreur"),  # a choice since removed
    ]:
        answer(hot, {overall: overall_note, useful: useful_note, heard: source, apply: text})
    SurveyInvitationFactory(survey=hot)

    cold = SurveyFactory(session=training_session, moment=Moment.COLD, send_after_days=42)
    hindsight = SurveyQuestionFactory(survey=cold, label="Utilité avec le recul")
    answer(cold, {hindsight: 2})
    answer(cold, {hindsight: 5})
    SurveyInvitationFactory(survey=cold)
    return training_session


def test_the_figures_match_the_answers(answered):
    hot, cold = session_results(answered)

    assert (hot.invited, hot.answered, hot.rate) == (6, 5, 83)
    overall, useful, heard, apply = hot.questions
    assert overall.answer_count == 5
    assert overall.mean == Decimal("4.2")
    assert overall.mean_text == "4,2"
    assert [(s.count, s.percent) for s in overall.shares] == [
        (0, 0),
        (0, 0),
        (1, 20),
        (2, 40),
        (2, 40),
    ]
    assert [s.label for s in overall.shares] == [
        "1 · pas du tout",
        "2 · peu",
        "3 · moyennement",
        "4 · beaucoup",
        "5 · tout à fait",
    ]
    # An optional note left blank does not count: 4, 5, 2, 5 → 4.0.
    assert (useful.answer_count, useful.mean_text) == (4, "4,0")
    assert [(s.label, s.count, s.percent) for s in heard.shares] == [
        ("Lettre d'information", 1, 20),
        ("Collègue", 3, 60),
        ("Site internet", 0, 0),
        ("Bouche à oreille", 1, 20),
    ]
    assert apply.texts == [
        "Le tableau de bord des indicateurs",
        "Un comité de pilotage ouvert",
        "Le droit à l'erreur",
    ]
    assert (cold.invited, cold.answered, cold.rate) == (3, 2, 67)
    assert cold.questions[0].mean_text == "3,5"


def test_means_round_half_up_to_one_decimal(training_session):
    survey = SurveyFactory(session=training_session)
    question = SurveyQuestionFactory(survey=survey)
    for note in (1, 2, 2):
        answer(survey, {question: note})
    [result] = session_results(training_session)
    assert result.questions[0].mean_text == "1,7"


def test_each_distribution_is_a_bar_chart_with_its_text_alternative(answered):
    hot, _ = session_results(answered)
    chart = ET.fromstring(str(hot.questions[0].chart))

    assert chart.get("role") == "img"
    assert chart.find(f"{SVG}title").text == "Satisfaction d'ensemble"
    assert chart.find(f"{SVG}desc").text == (
        "Répartition des notes de 1 (pas du tout) à 5 (tout à fait), 5\u00a0réponses, "
        "moyenne 4,2 sur 5 : 1 · pas du tout : 0 (0\u00a0%) ; 2 · peu : 0 (0\u00a0%) ; "
        "3 · moyennement : 1 (20\u00a0%) ; 4 · beaucoup : 2 (40\u00a0%) ; "
        "5 · tout à fait : 2 (40\u00a0%)."
    )
    bars = [r for r in chart.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    widths = [float(bar.get("width")) for bar in bars]
    assert len(widths) == 3  # no bar for the notes nobody gave
    assert widths[1] == widths[2] == pytest.approx(2 * widths[0], abs=0.2)  # to 0.1 px


def bar_shares(chart: str) -> list[float]:
    """The length of each drawn bar, as a share of its track (the full width of a row)."""
    svg = ET.fromstring(chart)
    rects = list(svg.iter(f"{SVG}rect"))[1:]  # after the background
    shares = []
    for track, bar in itertools.pairwise(rects):
        if bar.find(f"{SVG}title") is not None and track.find(f"{SVG}title") is None:
            shares.append(float(bar.get("width")) / float(track.get("width")))
    return shares


def test_a_bar_is_as_long_as_its_share_of_those_who_answered(answered):
    hot, _ = session_results(answered)
    overall, _, heard, _ = hot.questions
    # 1, 2 and 2 notes out of 5: 20 %, 40 %, 40 % of the track, not 50 %, 100 %, 100 %.
    assert bar_shares(str(overall.chart)) == pytest.approx([0.2, 0.4, 0.4], abs=0.002)
    # 1, 3 and 1 choices out of 5.
    assert bar_shares(str(heard.chart)) == pytest.approx([0.2, 0.6, 0.2], abs=0.002)


def test_the_tab_shows_hot_and_cold_side_by_side(answered, reader):
    page = page_text(client_for(reader).get(reverse("surveys:manage", args=[answered.pk])))
    results = page.split('id="resultats"')[1].split('id="envois"')[0]

    hot_part, cold_part = results.split('id="resultats-')[1:3]
    assert hot_part.startswith(str(answered.surveys.get(moment=Moment.HOT).pk))
    assert "Moyenne <strong>4,2</strong> sur 5 · 5 réponses" in hot_part
    assert "<strong>83\u00a0%</strong> taux de réponse" in hot_part
    assert "<li>Un comité de pilotage ouvert</li>" in hot_part
    assert '<td>Bouche à oreille</td><td class="num">1</td>' in hot_part
    assert "Moyenne <strong>3,5</strong> sur 5 · 2 réponses" in cold_part
    assert "<strong>67\u00a0%</strong> taux de réponse" in cold_part
    assert len(re.findall(r'<svg [^>]*role="img"', results)) == 4  # 3 notes and a choice


def test_free_text_answers_are_listed_without_names(answered, reader):
    page = page_text(client_for(reader).get(reverse("surveys:manage", args=[answered.pk])))
    results = page.split('id="resultats"')[1].split('id="envois"')[0]
    names = [
        invitation.registration.last_name
        for survey in answered.surveys.all()
        for invitation in survey.invitations.select_related("registration")
    ]
    assert names and not any(name in results for name in names)
    assert all(name in page for name in names)  # they are in the list of sendings


def test_a_questionnaire_without_answers_says_so(training_session, reader):
    SurveyQuestionFactory(survey=SurveyFactory(session=training_session))
    page = page_text(client_for(reader).get(reverse("surveys:manage", args=[training_session.pk])))
    assert "Pas encore de réponse." in page
    assert "<strong>—</strong> taux de réponse" in page
