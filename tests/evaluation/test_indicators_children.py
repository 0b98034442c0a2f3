"""Defining indicators and their periodic targets through the generic child pages."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import Indicator, IndicatorKind, IndicatorTarget, Measurement
from tests.conftest import client_for
from tests.evaluation.factories import (
    EvaluationQuestionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


def add_url(experiment) -> str:
    return reverse("evaluation:add_indicator", args=[experiment.pk])


def quantitative(**overrides) -> dict:
    data = {
        "name": "Trajets réalisés",
        "kind": IndicatorKind.QUANTITATIVE,
        "unit": "trajets",
        "direction": "hausse",
        "cumulative": "on",
        "baseline_value": "0",
        "baseline_date": "2024-01-15",
        "baseline_source": "Comptage de 2023",
        "target_value": "1 200,5",
        "target_date": "2024-12-31",
        "means_of_verification": "Registre",
        "collection_method": "Comptage par les conducteurs",
        "frequency": "mensuelle",
        "owner": "Mairie",
        "scale_levels": "",
    }
    return {**data, **overrides}


def qualitative(**overrides) -> dict:
    data = {
        "name": "Confiance des habitants",
        "kind": IndicatorKind.QUALITATIVE,
        "unit": "",
        "direction": "hausse",
        "frequency": "semestrielle",
        "scale_levels": "faible\n\n  moyenne \r\nforte\n",
    }
    return {**data, **overrides}


def test_it_adds_a_quantitative_indicator(editor, experiment):
    question = EvaluationQuestionFactory(experiment=experiment)
    outcome = OutcomeFactory(experiment=experiment)
    response = client_for(editor).post(
        add_url(experiment),
        quantitative(question=question.pk, outcome=outcome.pk),
    )
    assert response.status_code == 302
    assert response.url == reverse("evaluation:indicators", args=[experiment.pk]) + "#questions"
    indicator = Indicator.objects.get(experiment=experiment)
    assert indicator.target_value == Decimal("1200.5")
    assert indicator.cumulative is True
    assert indicator.question == question
    assert indicator.outcome == outcome
    assert indicator.scale == []
    entry = HistoryEntry.objects.get(verb="created")
    assert entry.summary == "Indicateur « Trajets réalisés » ajouté"
    assert entry.actor == editor


def test_it_adds_a_qualitative_indicator_with_one_level_per_line(editor, experiment):
    response = client_for(editor).post(
        add_url(experiment), qualitative(target_value="3", cumulative="on")
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get(experiment=experiment)
    assert indicator.scale == ["faible", "moyenne", "forte"]
    # Numbers mean nothing on a scale.
    assert indicator.target_value is None
    assert indicator.cumulative is False


def test_it_shows_the_scale_one_level_per_line_when_changing(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True)
    response = client_for(editor).get(
        reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk])
    )
    assert "faible\nmoyenne\nforte\ntrès forte</textarea>" in response.text


def test_it_shows_decimals_without_useless_zeros(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment, target_value=Decimal("12.500"))
    response = client_for(editor).get(
        reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk])
    )
    assert 'value="12,5"' in response.text


def test_it_requires_a_unit_for_a_quantitative_indicator(editor, experiment):
    response = client_for(editor).post(add_url(experiment), quantitative(unit=" "))
    assert response.status_code == 200
    assert "Un indicateur quantitatif a une unité" in response.text
    assert not Indicator.objects.exists()


@pytest.mark.parametrize("levels", ["", "une seule", "a\nb\nA"])
def test_it_requires_a_scale_of_distinct_levels(editor, experiment, levels):
    response = client_for(editor).post(add_url(experiment), qualitative(scale_levels=levels))
    assert response.status_code == 200
    assert "niveau" in response.context["form"].errors["scale_levels"][0]
    assert not Indicator.objects.exists()


def test_it_refuses_a_name_already_used_in_the_experiment(editor, experiment):
    IndicatorFactory(experiment=experiment, name="Trajets réalisés")
    IndicatorFactory(experiment=ExperimentFactory(), name="Autre nom")
    response = client_for(editor).post(add_url(experiment), quantitative(name="trajets réalisés"))
    assert "porte déjà ce nom" in response.text
    response = client_for(editor).post(add_url(experiment), quantitative(name="Autre nom"))
    assert response.status_code == 302


def test_it_offers_only_questions_and_outcomes_of_the_experiment(editor, experiment):
    elsewhere = ExperimentFactory()
    question = EvaluationQuestionFactory(experiment=elsewhere)
    outcome = OutcomeFactory(experiment=elsewhere)
    response = client_for(editor).post(
        add_url(experiment), quantitative(question=question.pk, outcome=outcome.pk)
    )
    errors = response.context["form"].errors
    assert set(errors) == {"question", "outcome"}


def test_it_refuses_to_change_the_kind_of_a_measured_indicator(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    MeasurementFactory(indicator=indicator)
    response = client_for(editor).post(
        reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk]),
        qualitative(name=indicator.name),
    )
    assert "sa nature ne peut plus changer" in response.text
    indicator.refresh_from_db()
    assert indicator.kind == IndicatorKind.QUANTITATIVE


def test_it_keeps_the_levels_measurements_use(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True)
    MeasurementFactory(indicator=indicator, value=None, level=3)
    response = client_for(editor).post(
        reverse("evaluation:edit_indicator", args=[experiment.pk, indicator.pk]),
        qualitative(name=indicator.name, scale_levels="bas\nhaut"),
    )
    assert "gardez au moins autant de niveaux" in response.text


def test_it_deletes_an_indicator(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets")
    MeasurementFactory(indicator=indicator)
    response = client_for(editor).post(
        reverse("evaluation:delete_indicator", args=[experiment.pk, indicator.pk])
    )
    assert response.status_code == 302
    assert not Indicator.objects.exists()
    assert HistoryEntry.objects.filter(summary="Indicateur « Trajets » supprimé").exists()


def test_deleting_an_indicator_says_how_many_measurements_go_with_it(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets")
    first = datetime.date(2020, 1, 1)
    Measurement.objects.bulk_create(
        Measurement(indicator=indicator, measured_on=first + datetime.timedelta(days=n), value=1)
        for n in range(1234)
    )
    url = reverse("evaluation:delete_indicator", args=[experiment.pk, indicator.pk])
    response = client_for(editor).get(url)
    assert response.status_code == 200
    assert "Cet indicateur a 1\u00a0234 mesures, elles seront supprimées." in response.text
    client_for(editor).post(url)
    assert not Measurement.objects.exists()


def test_deleting_an_indicator_with_one_measurement_or_none_says_so(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    url = reverse("evaluation:delete_indicator", args=[experiment.pk, indicator.pk])
    assert "seront supprimées" not in client_for(editor).get(url).text
    MeasurementFactory(indicator=indicator)
    response = client_for(editor).get(url)
    assert "Cet indicateur a 1 mesure, elle sera supprimée." in response.text


def test_it_adds_a_periodic_target(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(editor).post(
        reverse("evaluation:add_indicator_target", args=[experiment.pk, indicator.pk]),
        {"due_on": "2024-06-30", "value": "10,5"},
    )
    assert response.status_code == 302
    target = IndicatorTarget.objects.get()
    assert target.indicator == indicator
    assert target.value == Decimal("10.5")


def test_it_refuses_two_targets_on_the_same_date(editor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    IndicatorTargetFactory(indicator=indicator, due_on=datetime.date(2024, 6, 30))
    response = client_for(editor).post(
        reverse("evaluation:add_indicator_target", args=[experiment.pk, indicator.pk]),
        {"due_on": "2024-06-30", "value": "12"},
    )
    assert response.status_code == 200
    assert "Une cible intermédiaire existe déjà à cette date." in response.text
    assert IndicatorTarget.objects.count() == 1


def test_it_does_not_add_targets_to_another_experiments_indicator(editor, experiment):
    other = IndicatorFactory(experiment=ExperimentFactory())
    response = client_for(editor).post(
        reverse("evaluation:add_indicator_target", args=[experiment.pk, other.pk]),
        {"due_on": "2024-06-30", "value": "12"},
    )
    assert response.status_code == 404


def test_it_forbids_contributors_to_define_indicators(contributor, experiment):
    response = client_for(contributor).post(add_url(experiment), quantitative())
    assert response.status_code == 403
    assert not Indicator.objects.exists()


def test_it_hides_the_form_from_outsiders(outsider, experiment):
    assert client_for(outsider).get(add_url(experiment)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(experiment):
    response = client_for(None).get(add_url(experiment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
