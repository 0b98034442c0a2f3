"""Verdicts on hypotheses, with the measurements and journal entries that support them."""

import datetime
from html import unescape

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import HypothesisVerdict, Verdict
from tests.conftest import client_for
from tests.evaluation.factories import (
    HypothesisVerdictFactory,
    IndicatorFactory,
    JournalEntryFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory, HypothesisFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hypothesis(experiment):
    return HypothesisFactory(
        experiment=experiment, statement="Si l'arrêt est signalé, alors les trajets augmentent."
    )


def add_url(hypothesis) -> str:
    return reverse("evaluation:add_verdict", args=[hypothesis.experiment_id, hypothesis.pk])


def data(**overrides) -> dict:
    return {
        "verdict": Verdict.CONFIRMED,
        "decided_on": "2024-09-30",
        "rationale": "Les trajets ont doublé après la pose des panneaux.",
        **overrides,
    }


def test_it_shows_the_form_with_the_experiments_evidence_only(editor, experiment, hypothesis):
    mine = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment, name="Trajets réalisés"),
        measured_on=datetime.date(2024, 3, 1),
    )
    JournalEntryFactory(experiment=experiment, title="Panneaux posés")
    elsewhere = ExperimentFactory()
    MeasurementFactory(
        indicator=IndicatorFactory(experiment=elsewhere, name="Indicateur d'ailleurs")
    )
    JournalEntryFactory(experiment=elsewhere, title="Entrée d'ailleurs")
    response = client_for(editor).get(add_url(hypothesis))
    assert response.status_code == 200
    text = unescape(response.text)
    assert "Si l'arrêt est signalé" in text
    assert f"Trajets réalisés — 01/03/2024 : {mine.value:.0f}\u00a0trajets" in text
    assert "Panneaux posés" in text
    assert "Indicateur d'ailleurs" not in text
    assert "Entrée d'ailleurs" not in text


def test_it_records_a_verdict_with_its_evidence(editor, experiment, hypothesis):
    measurement = MeasurementFactory(indicator=IndicatorFactory(experiment=experiment))
    entry = JournalEntryFactory(experiment=experiment)
    response = client_for(editor).post(
        add_url(hypothesis), data(measurements=[measurement.pk], journal_entries=[entry.pk])
    )
    assert response.status_code == 302
    assert response.url == reverse("evaluation:indicators", args=[experiment.pk]) + "#hypotheses"
    verdict = HypothesisVerdict.objects.get()
    assert verdict.hypothesis == hypothesis
    assert verdict.recorded_by == editor
    assert list(verdict.measurements.all()) == [measurement]
    assert list(verdict.journal_entries.all()) == [entry]
    history = HistoryEntry.objects.get(verb="verdict")
    assert history.summary == (
        "Verdict « confirmée » sur l'hypothèse "
        "« Si l'arrêt est signalé, alors les trajets augmentent. »"
    )
    assert history.actor == editor


def test_it_refuses_evidence_from_another_experiment(editor, hypothesis):
    elsewhere = ExperimentFactory()
    measurement = MeasurementFactory(indicator=IndicatorFactory(experiment=elsewhere))
    entry = JournalEntryFactory(experiment=elsewhere)
    response = client_for(editor).post(
        add_url(hypothesis), data(measurements=[measurement.pk], journal_entries=[entry.pk])
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"measurements", "journal_entries"}
    assert not HypothesisVerdict.objects.exists()


def test_it_requires_a_rationale(editor, hypothesis):
    response = client_for(editor).post(add_url(hypothesis), data(rationale=""))
    assert response.status_code == 200
    assert "rationale" in response.context["form"].errors


def test_it_keeps_earlier_verdicts(editor, hypothesis):
    HypothesisVerdictFactory(hypothesis=hypothesis, verdict=Verdict.TO_REFINE)
    client_for(editor).post(add_url(hypothesis), data(verdict=Verdict.REFUTED))
    assert sorted(hypothesis.verdicts.values_list("verdict", flat=True)) == [
        Verdict.TO_REFINE,
        Verdict.REFUTED,
    ]


def test_it_changes_and_deletes_a_verdict(editor, experiment, hypothesis):
    verdict = HypothesisVerdictFactory(hypothesis=hypothesis)
    client = client_for(editor)
    edit = reverse("evaluation:edit_verdict", args=[experiment.pk, verdict.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, data(verdict=Verdict.TO_REFINE))
    assert response.status_code == 302
    verdict.refresh_from_db()
    assert verdict.verdict == Verdict.TO_REFINE
    response = client.post(reverse("evaluation:delete_verdict", args=[experiment.pk, verdict.pk]))
    assert response.status_code == 302
    assert not HypothesisVerdict.objects.exists()
    assert HistoryEntry.objects.filter(verb="deleted").exists()


def test_it_does_not_judge_another_experiments_hypothesis(editor, experiment):
    other = HypothesisFactory(experiment=ExperimentFactory())
    url = reverse("evaluation:add_verdict", args=[experiment.pk, other.pk])
    assert client_for(editor).post(url, data()).status_code == 404
    verdict = HypothesisVerdictFactory(hypothesis=other)
    url = reverse("evaluation:edit_verdict", args=[experiment.pk, verdict.pk])
    assert client_for(editor).get(url).status_code == 404


def test_it_forbids_contributors(contributor, hypothesis):
    assert client_for(contributor).post(add_url(hypothesis), data()).status_code == 403
    assert not HypothesisVerdict.objects.exists()


def test_it_refuses_other_methods(editor, hypothesis):
    assert client_for(editor).delete(add_url(hypothesis)).status_code == 405


def test_it_hides_the_form_from_outsiders(outsider, hypothesis):
    assert client_for(outsider).get(add_url(hypothesis)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(hypothesis):
    response = client_for(None).get(add_url(hypothesis))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
