"""The CSV model to fill in before an import."""

import pytest
from django.urls import reverse

from essaim.evaluation.spreadsheets import MeasurementImportError, check_measurement_file
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory


def url(experiment):
    return reverse("evaluation:import_measurements_model", args=[experiment.pk])


def test_it_gives_a_csv_with_the_indicator_names(experiment, contributor):
    IndicatorFactory(experiment=experiment, name="Trajets mensuels", position=1)
    IndicatorFactory(experiment=experiment, name="Satisfaction; avis", position=2)

    response = client_for(contributor).get(url(experiment))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="modele-mesures-autostop-organise-en-chartreuse-'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.content.decode("utf-8-sig") == (
        "indicateur;date (jj/mm/aaaa);valeur;commentaire (facultatif)\r\n"
        "Trajets mensuels;;;\r\n"
        '"Satisfaction; avis";;;\r\n'
    )


def test_it_is_a_file_the_import_reads(experiment, contributor):
    IndicatorFactory(experiment=experiment, name="Trajets mensuels")
    data = client_for(contributor).get(url(experiment)).content
    data += b"Trajets mensuels;05/01/2024;3;\r\n"

    plan = check_measurement_file(experiment=experiment, data=data)

    assert plan.count == 1
    assert plan.skipped_lines == [2]


def test_it_sends_anonymous_visitors_to_the_login_page(experiment):
    response = client_for(None).get(url(experiment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_experiment_from_outsiders(experiment, outsider):
    assert client_for(outsider).get(url(experiment)).status_code == 404


def test_it_forbids_readers(experiment, reader):
    assert client_for(reader).get(url(experiment)).status_code == 403


def test_it_refuses_post(experiment, contributor):
    assert client_for(contributor).post(url(experiment)).status_code == 405


def test_it_is_refused_when_left_empty(experiment, contributor):
    IndicatorFactory(experiment=experiment, name="Trajets mensuels")
    data = client_for(contributor).get(url(experiment)).content

    with pytest.raises(MeasurementImportError) as raised:
        check_measurement_file(experiment=experiment, data=data)

    assert [str(problem) for problem in raised.value.problems] == [
        "Le fichier ne contient aucune mesure : aucune ligne n'a de date ni de valeur."
    ]
