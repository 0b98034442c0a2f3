"""Changing and deleting a measurement: editors may change any, contributors their own."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import Measurement
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


def edit_url(measurement) -> str:
    experiment_pk = measurement.indicator.experiment_id
    return reverse("evaluation:edit_measurement", args=[experiment_pk, measurement.pk])


def delete_url(measurement) -> str:
    experiment_pk = measurement.indicator.experiment_id
    return reverse("evaluation:delete_measurement", args=[experiment_pk, measurement.pk])


def data(**overrides) -> dict:
    return {"measured_on": "2024-02-01", "value": "9,5", "comment": "Corrigé", **overrides}


@pytest.fixture
def measurement(experiment, contributor):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets")
    return MeasurementFactory(
        indicator=indicator,
        measured_on=datetime.date(2024, 2, 1),
        value=Decimal("12.500"),
        recorded_by=contributor,
    )


def test_it_shows_the_form_with_plain_numbers(editor, measurement):
    response = client_for(editor).get(edit_url(measurement))
    assert response.status_code == 200
    assert 'value="12,5"' in response.text


def test_it_lets_an_editor_change_any_measurement(editor, measurement):
    response = client_for(editor).post(edit_url(measurement), data())
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == Decimal("9.5")
    assert measurement.comment == "Corrigé"
    assert HistoryEntry.objects.filter(
        verb="updated", summary="Mesure du 01/02/2024 de l'indicateur « Trajets » modifiée"
    ).exists()


def test_it_lets_a_contributor_change_their_own_measurement(contributor, measurement):
    response = client_for(contributor).post(edit_url(measurement), data())
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.value == Decimal("9.5")


def test_it_forbids_a_contributor_to_change_someone_elses(contributor, editor, experiment):
    other = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment), recorded_by=editor
    )
    assert client_for(contributor).get(edit_url(other)).status_code == 403
    assert client_for(contributor).post(delete_url(other)).status_code == 403
    assert Measurement.objects.filter(pk=other.pk).exists()


def test_it_offers_the_change_only_where_allowed(contributor, editor, experiment, measurement):
    other = MeasurementFactory(indicator=measurement.indicator, recorded_by=editor)
    page = reverse("evaluation:indicator", args=[experiment.pk, measurement.indicator_id])
    text = client_for(contributor).get(page).text
    assert edit_url(measurement) in text
    assert edit_url(other) not in text
    text = client_for(editor).get(page).text
    assert edit_url(measurement) in text
    assert edit_url(other) in text


def test_it_forbids_readers(reader, measurement):
    assert client_for(reader).post(edit_url(measurement), data()).status_code == 403
    assert client_for(reader).post(delete_url(measurement)).status_code == 403


def test_it_refuses_a_date_already_measured(editor, measurement):
    MeasurementFactory(indicator=measurement.indicator, measured_on=datetime.date(2024, 3, 1))
    response = client_for(editor).post(edit_url(measurement), data(measured_on="2024-03-01"))
    assert response.status_code == 200
    assert "Une mesure existe déjà le 01/03/2024" in response.text


def test_it_links_the_stored_evidence_through_the_checking_view(editor, experiment):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment), with_evidence=True
    )
    text = client_for(editor).get(edit_url(measurement)).text
    assert reverse("evaluation:measurement_evidence", args=[experiment.pk, measurement.pk]) in text
    assert "/media/" not in text


def test_it_replaces_the_evidence_and_drops_the_old_file(
    editor, experiment, django_capture_on_commit_callbacks
):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment), with_evidence=True
    )
    old = measurement.evidence.name
    new = SimpleUploadedFile("nouveau.pdf", b"%PDF-1.4 nouveau")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            edit_url(measurement),
            data(measured_on=f"{measurement.measured_on:%Y-%m-%d}", evidence=new),
        )
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert measurement.evidence.name.startswith(f"preuves/{experiment.pk}/nouveau")
    assert not default_storage.exists(old)


def test_it_deletes_a_measurement_and_its_evidence(
    contributor, experiment, django_capture_on_commit_callbacks
):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment, name="Trajets"),
        measured_on=datetime.date(2024, 2, 1),
        recorded_by=contributor,
        with_evidence=True,
    )
    name = measurement.evidence.name
    client = client_for(contributor)
    assert client.get(delete_url(measurement)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(measurement))
    assert response.status_code == 302
    assert not Measurement.objects.exists()
    assert not default_storage.exists(name)
    assert HistoryEntry.objects.filter(
        verb="deleted", summary="Mesure du 01/02/2024 de l'indicateur « Trajets » supprimée"
    ).exists()


def test_it_does_not_reach_measurements_of_other_experiments(editor, experiment):
    other = MeasurementFactory(indicator=IndicatorFactory(experiment=ExperimentFactory()))
    url = reverse("evaluation:edit_measurement", args=[experiment.pk, other.pk])
    assert client_for(editor).get(url).status_code == 404


def test_it_refuses_other_methods(editor, measurement):
    assert client_for(editor).put(edit_url(measurement)).status_code == 405
    assert client_for(editor).put(delete_url(measurement)).status_code == 405


def test_it_hides_measurements_from_outsiders(outsider, measurement):
    assert client_for(outsider).get(edit_url(measurement)).status_code == 404
    assert client_for(outsider).post(delete_url(measurement)).status_code == 404


def test_it_sends_anonymous_visitors_to_log_in(measurement):
    response = client_for(None).get(edit_url(measurement))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
