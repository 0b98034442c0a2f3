"""The evaluation tab: questions with their indicators and progress, hypotheses with verdicts."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.evaluation.models import Verdict
from tests.conftest import client_for
from tests.evaluation.factories import (
    EvaluationQuestionFactory,
    HypothesisVerdictFactory,
    IndicatorFactory,
    JournalEntryFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory, HypothesisFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("evaluation:indicators", args=[experiment.pk])


def fill(experiment, count: int, start: int = 0) -> None:
    """``count`` indicators with three measurements each, half of them under a question; as
    many hypotheses, each with a verdict supported by a measurement and a journal entry."""
    question = EvaluationQuestionFactory(experiment=experiment)
    for n in range(start, start + count):
        indicator = IndicatorFactory(
            experiment=experiment, name=f"Indicateur {n}", question=question if n % 2 else None
        )
        for day in (1, 2, 3):
            measurement = MeasurementFactory(
                indicator=indicator, measured_on=datetime.date(2024, day, 1)
            )
        verdict = HypothesisVerdictFactory(hypothesis=HypothesisFactory(experiment=experiment))
        verdict.measurements.add(measurement)
        verdict.journal_entries.add(JournalEntryFactory(experiment=experiment))


def test_it_groups_indicators_under_their_question(reader, experiment):
    question = EvaluationQuestionFactory(
        experiment=experiment, question="Le service atteint-il les habitants sans voiture ?"
    )
    grouped = IndicatorFactory(experiment=experiment, question=question, name="Trajets réalisés")
    IndicatorFactory(experiment=experiment, name="Conducteurs inscrits")
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    assert "Le service atteint-il les habitants sans voiture ?" in text
    assert text.index("Le service atteint-il") < text.index("Trajets réalisés")
    assert text.index("Trajets réalisés") < text.index("Indicateurs rattachés à aucune question")
    assert text.index("Indicateurs rattachés à aucune question") < text.index(
        "Conducteurs inscrits"
    )
    assert reverse("evaluation:indicator", args=[experiment.pk, grouped.pk]) in text


def test_it_shows_progress_with_a_bar(reader, experiment):
    indicator = IndicatorFactory(
        experiment=experiment,
        name="Trajets réalisés",
        unit="trajets",
        cumulative=True,
        baseline_value=Decimal(0),
        target_value=Decimal(20),
    )
    MeasurementFactory(indicator=indicator, value=Decimal(5), measured_on=datetime.date(2024, 2, 1))
    MeasurementFactory(indicator=indicator, value=Decimal(7), measured_on=datetime.date(2024, 3, 1))
    text = client_for(reader).get(url(experiment)).text
    assert "12 sur 20\u00a0trajets" in text
    assert "60 %" in text
    start = text.index("<svg", text.index('class="indicator-progress"'))
    bar = ET.fromstring(text[start : text.index("</svg>", start) + 6])
    assert bar.get("role") == "img"
    assert "Progression : 60\u00a0% de la cible." in ET.tostring(bar, encoding="unicode")
    assert "1er mars 2024" in text


def test_it_shows_the_latest_level_of_a_qualitative_indicator(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True, name="Confiance")
    MeasurementFactory(indicator=indicator, value=None, level=2)
    text = client_for(reader).get(url(experiment)).text
    assert "forte (niveau 3 sur 4)" in text


def test_it_shows_hypotheses_with_their_latest_verdict_and_history(reader, experiment):
    hypothesis = HypothesisFactory(
        experiment=experiment, statement="Si l'arrêt est signalé, les trajets augmentent."
    )
    HypothesisFactory(experiment=experiment, statement="Les conducteurs s'inscrivent en ligne.")
    HypothesisVerdictFactory(
        hypothesis=hypothesis,
        verdict=Verdict.TO_REFINE,
        decided_on=datetime.date(2024, 4, 1),
        rationale="Trop tôt pour conclure.",
    )
    latest = HypothesisVerdictFactory(
        hypothesis=hypothesis,
        verdict=Verdict.CONFIRMED,
        decided_on=datetime.date(2024, 9, 30),
        rationale="Les trajets ont doublé.",
    )
    entry = JournalEntryFactory(experiment=experiment, title="Panneaux posés")
    latest.journal_entries.add(entry)
    text = client_for(reader).get(url(experiment)).text
    section = text[text.index('id="hypotheses"') :]
    # The latest verdict first, as the hypothesis's status, then the history.
    assert section.index("Confirmée") < section.index("À affiner")
    assert "Trop tôt pour conclure." in section
    assert "Panneaux posés" in section
    assert "Pas encore de verdict" in section
    assert "Donner un verdict" not in section


def test_it_offers_editors_to_change_definitions(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    question = EvaluationQuestionFactory(experiment=experiment)
    hypothesis = HypothesisFactory(experiment=experiment)
    text = client_for(editor).get(url(experiment)).text
    assert reverse("evaluation:add_indicator", args=[experiment.pk]) in text
    assert reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk]) in text
    assert reverse("evaluation:add_question", args=[experiment.pk]) in text
    assert reverse("evaluation:edit_question", args=[experiment.pk, question.pk]) in text
    assert reverse("evaluation:add_verdict", args=[experiment.pk, hypothesis.pk]) in text
    assert reverse("evaluation:import_measurements", args=[experiment.pk]) in text


def test_it_offers_contributors_only_the_import(contributor, experiment):
    IndicatorFactory(experiment=experiment)
    HypothesisFactory(experiment=experiment)
    text = client_for(contributor).get(url(experiment)).text
    assert reverse("evaluation:import_measurements", args=[experiment.pk]) in text
    assert reverse("evaluation:add_indicator", args=[experiment.pk]) not in text
    assert "Donner un verdict" not in text


def test_it_invites_to_start_when_empty(editor, experiment):
    text = client_for(editor).get(url(experiment)).text
    assert "Aucune question évaluative ni aucun indicateur" in text
    assert "Aucune hypothèse n'a été formulée" in text


def test_it_does_not_show_other_experiments(reader, experiment):
    IndicatorFactory(experiment=ExperimentFactory(), name="Indicateur d'ailleurs")
    assert "Indicateur d'ailleurs" not in client_for(reader).get(url(experiment)).text


def test_it_keeps_a_constant_number_of_queries(reader, experiment, django_assert_num_queries):
    client = client_for(reader)
    fill(experiment, 3)
    client.get(url(experiment))  # warm the session and content-type caches
    # session, user, experiment with role, questions, indicators with their current value and
    # latest measurement (computed by the database: the measurements are not read), recent
    # imports (with who made them), hypotheses, their verdicts (with who recorded them), the
    # verdicts' measurements (with their indicator), the verdicts' journal entries
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_num_queries(11) as small:
        assert client.get(url(experiment)).status_code == 200
    fill(experiment, 27, start=3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url(experiment))
    assert response.text.count('class="indicator-progress"') == 30


def test_it_refuses_other_methods(reader, experiment):
    assert client_for(reader).post(url(experiment)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(experiment):
    response = client_for(None).get(url(experiment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_tab_from_outsiders(outsider, experiment):
    assert client_for(outsider).get(url(experiment)).status_code == 404
