"""One rule for every date typed: the page, the API and the import refuse the same dates with
the same words; and the pages still show the dates kept before the rule."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from essaim.evaluation.models import Measurement
from essaim.experiments.models import Stage
from tests.api.test_experiments_api import Api
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory
from tests.experiments.factories import StepFactory

pytestmark = pytest.mark.django_db

MESSAGE = "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."
OUT_OF_BOUNDS = ["9999-12-31", "0001-01-01"]


def indicator_url(indicator) -> str:
    return reverse("evaluation:indicator", args=[indicator.experiment_id, indicator.pk])


@pytest.mark.parametrize("day", OUT_OF_BOUNDS)
def test_the_measurement_form_refuses_an_implausible_date(contributor, experiment, day):
    indicator = IndicatorFactory(experiment=experiment)

    response = client_for(contributor).post(
        indicator_url(indicator), {"measured_on": day, "value": "12"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["measured_on"] == [MESSAGE]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("day", OUT_OF_BOUNDS)
def test_the_api_refuses_an_implausible_date_with_the_same_words(
    contributor, editor, experiment, day
):
    indicator = IndicatorFactory(experiment=experiment)
    experiment.stage = Stage.RUNNING
    experiment.save()

    measurement = Api(contributor).post(
        f"{experiment.pk}/indicators/{indicator.pk}/measurements",
        {"measured_on": day, "value": "12"},
    )
    framing = Api(editor).patch(str(experiment.pk), {"start_date": day})
    decision = Api(editor).post(
        f"{experiment.pk}/decisions",
        {"kind": "poursuivre", "decided_on": day, "rationale": "Ça marche.", "at_gate": False},
    )
    step = Api(editor).post(f"{experiment.pk}/steps", {"title": "Bilan", "start_date": day})

    for response, field in (
        (measurement, "measured_on"),
        (framing, "start_date"),
        (decision, "decided_on"),
        (step, "start_date"),
    ):
        assert response.status_code == 422, field
        assert {"champ": field, "message": MESSAGE} in response.json()["erreurs"]
    assert not Measurement.objects.exists()
    experiment.refresh_from_db()
    assert experiment.start_date != datetime.date.fromisoformat(day)


@pytest.mark.parametrize("day", ["31/12/9999", "01/01/0001"])
def test_the_import_refuses_an_implausible_date_with_the_same_words(contributor, experiment, day):
    IndicatorFactory(experiment=experiment, name="Trajets mensuels")
    data = f"Indicateur;Date;Valeur\r\nTrajets mensuels;{day};12\r\n".encode()

    response = client_for(contributor).post(
        reverse("evaluation:import_measurements", args=[experiment.pk]),
        {"file": SimpleUploadedFile("mesures.csv", data, content_type="text/csv")},
    )

    assert response.status_code == 200
    assert MESSAGE[0].lower() + MESSAGE[1:] in unescape(response.content.decode())
    assert not Measurement.objects.exists()


def test_a_measurement_in_the_future_is_refused_everywhere_with_the_same_words(
    contributor, experiment
):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets mensuels")
    day = timezone.localdate() + datetime.timedelta(days=40)
    message = f"La date {day:%d/%m/%Y} est dans le futur."

    page = client_for(contributor).post(
        indicator_url(indicator), {"measured_on": day.isoformat(), "value": "12"}
    )
    api = Api(contributor).post(
        f"{experiment.pk}/indicators/{indicator.pk}/measurements",
        {"measured_on": day.isoformat(), "value": "12"},
    )
    data = f"Indicateur;Date;Valeur\r\nTrajets mensuels;{day:%d/%m/%Y};12\r\n".encode()
    imported = client_for(contributor).post(
        reverse("evaluation:import_measurements", args=[experiment.pk]),
        {"file": SimpleUploadedFile("mesures.csv", data, content_type="text/csv")},
    )

    assert page.context["form"].errors["measured_on"] == [message]
    assert api.json()["erreurs"] == [{"champ": "measured_on", "message": message}]
    assert "l" + message[1:] in unescape(imported.content.decode())
    assert not Measurement.objects.exists()


# Dates kept before the rule ----------------------------------------------------------------------


@pytest.fixture
def kept_before_the_rule(experiment):
    """Measurements and steps written straight to the database, as before the rule."""
    indicator = IndicatorFactory(experiment=experiment, name="Trajets mensuels")
    for day in (datetime.date(1, 1, 1), datetime.date(2024, 3, 1), datetime.date(9999, 12, 31)):
        MeasurementFactory(indicator=indicator, measured_on=day, value=Decimal(12))
    StepFactory(
        experiment=experiment,
        title="Diagnostic",
        start_date=datetime.date(1, 1, 1),
        end_date=datetime.date(9999, 12, 31),
    )
    StepFactory(
        experiment=experiment, title="Bilan", start_date=datetime.date(9999, 12, 31), end_date=None
    )
    return indicator


def test_the_indicator_page_shows_dates_kept_before_the_rule(reader, kept_before_the_rule):
    response = client_for(reader).get(indicator_url(kept_before_the_rule))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<svg" in content
    assert "9999" in content


def test_the_method_page_shows_dates_kept_before_the_rule(reader, experiment, kept_before_the_rule):
    response = client_for(reader).get(reverse("experiments:method", args=[experiment.pk]))

    assert response.status_code == 200
    assert "Diagnostic" in response.content.decode()


def test_the_dossier_shows_dates_kept_before_the_rule(reader, experiment, kept_before_the_rule):
    response = client_for(reader).get(reverse("dossiers:docx", args=[experiment.pk]))

    assert response.status_code == 200
    assert response.content.startswith(b"PK")
