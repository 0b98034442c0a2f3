"""The page of one indicator: definition, progress, chart, targets and measurements."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.evaluation.factories import (
    EvaluationQuestionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


def url(indicator) -> str:
    return reverse("evaluation:indicator", args=[indicator.experiment_id, indicator.pk])


def chart_of(text: str) -> ET.Element:
    start = text.index("<svg", text.index('class="indicator-chart"'))
    return ET.fromstring(text[start : text.index("</svg>", start) + len("</svg>")])


def test_it_shows_definition_progress_chart_and_measurements(reader, experiment):
    question = EvaluationQuestionFactory(
        experiment=experiment, question="Le service est-il utilisé ?"
    )
    indicator = IndicatorFactory(
        experiment=experiment,
        question=question,
        name="Trajets réalisés",
        unit="trajets",
        cumulative=True,
        baseline_value=Decimal(0),
        baseline_source="Comptage de 2023",
        target_value=Decimal(25),
        means_of_verification="Registre des trajets",
        owner="Mairie de Saint-Pierre",
    )
    IndicatorTargetFactory(indicator=indicator, due_on=datetime.date(2024, 6, 30), value=10)
    MeasurementFactory(
        indicator=indicator,
        measured_on=datetime.date(2024, 2, 1),
        value=Decimal("5"),
        comment="Premier mois",
    )
    MeasurementFactory(
        indicator=indicator, measured_on=datetime.date(2024, 3, 1), value=Decimal("7.500")
    )
    response = client_for(reader).get(url(indicator))
    assert response.status_code == 200
    text = response.text
    for expected in (
        "Le service est-il utilisé ?",
        "Comptage de 2023",
        "Registre des trajets",
        "Mairie de Saint-Pierre",
        "12,5 sur 25\u00a0trajets",
        "50 %",
        "Premier mois",
        "7,5\u00a0trajets",
        "12,5\u00a0trajets",  # running total
        "10\u00a0trajets",  # periodic target
        "30 juin 2024",
    ):
        assert expected in text, expected
    chart = chart_of(text)
    assert chart.get("role") == "img"
    assert "total cumulé : 12,5\u00a0trajets" in chart.find("{http://www.w3.org/2000/svg}desc").text
    # A reader adds nothing.
    assert "Ajouter une mesure" not in text
    assert "Modifier l'indicateur" not in text


def test_it_shows_a_qualitative_indicator_on_its_scale(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True, name="Confiance")
    MeasurementFactory(indicator=indicator, value=None, level=1)
    text = client_for(reader).get(url(indicator)).text
    assert "<li>très forte</li>" in text
    assert "moyenne (niveau 2 sur 4)" in text
    assert "Cibles intermédiaires" not in text
    assert "échelle en 4 niveaux" in text


def test_it_says_when_there_is_no_measurement(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    text = client_for(reader).get(url(indicator)).text
    assert "Aucune mesure pour l'instant" in text
    assert "Aucune mesure" in ET.tostring(chart_of(text), encoding="unicode")


def test_it_offers_contributors_a_measurement_form(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment, unit="trajets")
    text = client_for(contributor).get(url(indicator)).text
    assert "Ajouter une mesure" in text
    assert "Valeur (trajets)" in text
    assert 'enctype="multipart/form-data"' in text
    assert "Modifier l'indicateur" not in text


def test_it_offers_editors_to_change_the_definition(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    target = IndicatorTargetFactory(indicator=indicator)
    text = client_for(editor).get(url(indicator)).text
    assert reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk]) in text
    assert reverse("evaluation:delete_indicator", args=[experiment.pk, indicator.pk]) in text
    assert reverse("evaluation:add_indicator_target", args=[experiment.pk, indicator.pk]) in text
    assert reverse("evaluation:edit_indicator_target", args=[experiment.pk, target.pk]) in text


def test_it_keeps_a_constant_number_of_queries(reader, experiment, django_assert_num_queries):
    indicator = IndicatorFactory(experiment=experiment)
    client = client_for(reader)

    def fill(start: int, count: int) -> None:
        for n in range(start, start + count):
            MeasurementFactory(
                indicator=indicator,
                measured_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n),
                with_evidence=True,
            )
            IndicatorTargetFactory(
                indicator=indicator, due_on=datetime.date(2025, 1, 1) + datetime.timedelta(n)
            )

    fill(0, 3)
    client.get(url(indicator))
    # session, user, experiment with role, indicator with question and outcome,
    # the rows of every measurement (chart, progress, totals), the page of measurements with
    # who recorded them, targets
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_num_queries(8) as small:
        assert client.get(url(indicator)).status_code == 200
    fill(3, 27)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url(indicator))
    assert response.text.count("/justificatif/") == 30


def test_it_does_not_show_an_indicator_of_another_experiment(reader, experiment):
    other = IndicatorFactory(experiment=ExperimentFactory())
    response = client_for(reader).get(
        reverse("evaluation:indicator", args=[experiment.pk, other.pk])
    )
    assert response.status_code == 404


def test_it_refuses_other_methods(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    assert client_for(reader).delete(url(indicator)).status_code == 405


def test_it_sends_anonymous_visitors_to_log_in(experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(None).get(url(indicator))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_page_from_outsiders(outsider, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    assert client_for(outsider).get(url(indicator)).status_code == 404
