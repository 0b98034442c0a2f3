"""Evidence files are sent only to those who may see the experiment, as attachments."""

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.evaluation.factories import (
    IndicatorFactory,
    JournalEntryFactory,
    JournalEvidenceFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measurement(experiment):
    return MeasurementFactory(indicator=IndicatorFactory(experiment=experiment), with_evidence=True)


@pytest.fixture
def journal_evidence(experiment):
    return JournalEvidenceFactory(entry=JournalEntryFactory(experiment=experiment))


def measurement_url(measurement) -> str:
    experiment_pk = measurement.indicator.experiment_id
    return reverse("evaluation:measurement_evidence", args=[experiment_pk, measurement.pk])


def journal_url(evidence) -> str:
    experiment_pk = evidence.entry.experiment_id
    return reverse("evaluation:journal_evidence", args=[experiment_pk, evidence.pk])


def test_it_sends_a_measurements_evidence_to_a_reader(reader, measurement):
    response = client_for(reader).get(measurement_url(measurement))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 comptage des trajets"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "comptage" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_sends_a_journal_evidence_to_a_reader(reader, journal_evidence):
    response = client_for(reader).get(journal_url(journal_evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 photo"
    assert response["Content-Disposition"].startswith("attachment;")


def test_it_hides_evidence_from_outsiders(outsider, measurement, journal_evidence):
    assert client_for(outsider).get(measurement_url(measurement)).status_code == 404
    assert client_for(outsider).get(journal_url(journal_evidence)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(measurement, journal_evidence):
    for url in (measurement_url(measurement), journal_url(journal_evidence)):
        response = client_for(None).get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_it_does_not_send_evidence_of_another_experiment_through_this_one(reader, experiment):
    elsewhere = ExperimentFactory()
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=elsewhere), with_evidence=True
    )
    evidence = JournalEvidenceFactory(entry=JournalEntryFactory(experiment=elsewhere))
    client = client_for(reader)
    url = reverse("evaluation:measurement_evidence", args=[experiment.pk, measurement.pk])
    assert client.get(url).status_code == 404
    url = reverse("evaluation:journal_evidence", args=[experiment.pk, evidence.pk])
    assert client.get(url).status_code == 404


def test_it_answers_404_for_a_measurement_without_evidence(reader, experiment):
    measurement = MeasurementFactory(indicator=IndicatorFactory(experiment=experiment))
    assert client_for(reader).get(measurement_url(measurement)).status_code == 404


def test_it_refuses_other_methods(reader, measurement):
    assert client_for(reader).post(measurement_url(measurement)).status_code == 405
