"""Adding a measurement on an indicator's page, with its evidence file."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.core.uploads import MAX_EVIDENCE_BYTES
from essaim.evaluation.models import Measurement
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def url(indicator) -> str:
    return reverse("evaluation:indicator", args=[indicator.experiment_id, indicator.pk])


def pdf(name: str = "comptage.pdf", size: int = 100) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4" + b"0" * size, content_type="application/pdf")


def test_it_lets_a_contributor_add_a_measurement_with_evidence(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets", unit="trajets")
    response = client_for(contributor).post(
        url(indicator),
        {
            "measured_on": "2024-03-31",
            "value": "1 234,5",
            "comment": "Mois de mars",
            "evidence": pdf(),
        },
    )
    assert response.status_code == 302
    assert response.url == url(indicator) + "#mesures"
    measurement = Measurement.objects.get()
    assert measurement.indicator == indicator
    assert measurement.value == Decimal("1234.5")
    assert measurement.recorded_by == contributor
    assert measurement.evidence.name.startswith(f"preuves/{experiment.pk}/comptage")
    entry = HistoryEntry.objects.get(verb="created")
    assert entry.summary == "Mesure du 31/03/2024 ajoutée à l'indicateur « Trajets »"
    assert entry.actor == contributor


def test_it_records_a_level_for_a_qualitative_indicator(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True)
    response = client_for(contributor).post(
        url(indicator), {"measured_on": "2024-03-31", "level": "2"}
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.level == 2
    assert measurement.value is None
    assert measurement.level_label() == "forte"


def test_it_refuses_a_level_outside_the_scale(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment, qualitative=True)
    response = client_for(contributor).post(
        url(indicator), {"measured_on": "2024-03-31", "level": "9"}
    )
    assert response.status_code == 200
    assert "level" in response.context["form"].errors
    assert not Measurement.objects.exists()


def test_it_requires_a_value(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(contributor).post(url(indicator), {"measured_on": "2024-03-31"})
    assert response.status_code == 200
    assert "value" in response.context["form"].errors
    assert not Measurement.objects.exists()


def test_it_refuses_a_second_measurement_on_the_same_day(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2024, 3, 31))
    response = client_for(contributor).post(
        url(indicator), {"measured_on": "2024-03-31", "value": "3"}
    )
    assert response.status_code == 200
    assert "Une mesure existe déjà le 31/03/2024 pour cet indicateur" in response.text
    assert Measurement.objects.count() == 1


def test_it_refuses_a_too_big_evidence_file(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(contributor).post(
        url(indicator),
        {"measured_on": "2024-03-31", "value": "3", "evidence": pdf(size=MAX_EVIDENCE_BYTES)},
    )
    assert response.status_code == 200
    assert "la limite est de 10 Mo" in response.text
    assert not Measurement.objects.exists()


def test_it_refuses_an_evidence_file_of_the_wrong_type(contributor, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(contributor).post(
        url(indicator),
        {
            "measured_on": "2024-03-31",
            "value": "3",
            "evidence": SimpleUploadedFile("virus.exe", b"MZ", content_type="text/plain"),
        },
    )
    assert response.status_code == 200
    assert "Le type de fichier « .exe » n'est pas accepté." in unescape(response.text)
    assert not Measurement.objects.exists()


def test_it_forbids_readers_to_add_measurements(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(reader).post(url(indicator), {"measured_on": "2024-03-31", "value": "3"})
    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_it_hides_the_indicator_from_outsiders(outsider, experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(outsider).post(
        url(indicator), {"measured_on": "2024-03-31", "value": "3"}
    )
    assert response.status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(experiment):
    indicator = IndicatorFactory(experiment=experiment)
    response = client_for(None).post(url(indicator), {"measured_on": "2024-03-31", "value": "3"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not Measurement.objects.exists()
