"""The XLSX export of indicators and measurements."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from essaim.evaluation.models import IndicatorKind
from tests.conftest import client_for
from tests.evaluation.factories import (
    EvaluationQuestionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    MeasurementFactory,
)

FORMULA = "=1+1 écrit par quelqu'un"


def url(experiment):
    return reverse("evaluation:export_xlsx", args=[experiment.pk])


def workbook_of(response):
    return load_workbook(io.BytesIO(response.content))


@pytest.fixture
def indicators(experiment):
    question = EvaluationQuestionFactory(
        experiment=experiment, question="Le service répond-il au besoin ?"
    )
    trips = IndicatorFactory(
        experiment=experiment,
        name="Trajets mensuels",
        question=question,
        unit="trajets",
        baseline_value=Decimal(0),
        target_value=Decimal(200),
        cumulative=True,
        means_of_verification="Carnets de bord",
        owner="Chargée de mission",
        position=1,
    )
    IndicatorTargetFactory(indicator=trips, due_on=datetime.date(2024, 6, 30), value=Decimal(80))
    MeasurementFactory(
        indicator=trips,
        measured_on=datetime.date(2024, 2, 5),
        value=Decimal("40.5"),
        comment=FORMULA,
    )
    MeasurementFactory(
        indicator=trips,
        measured_on=datetime.date(2024, 3, 5),
        value=Decimal("59.5"),
        with_evidence=True,
    )
    mood = IndicatorFactory(
        experiment=experiment,
        name="Satisfaction",
        kind=IndicatorKind.QUALITATIVE,
        scale=["faible", "bonne"],
        unit="",
        baseline_value=None,
        target_value=None,
        position=2,
    )
    MeasurementFactory(indicator=mood, measured_on=datetime.date(2024, 3, 1), value=None, level=1)


def test_it_gives_a_workbook_of_indicators_and_measurements(experiment, indicators, reader):
    response = client_for(reader).get(url(experiment))

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].startswith(
        'attachment; filename="indicateurs-autostop-organise-en-chartreuse-'
    )
    workbook = workbook_of(response)
    assert workbook.sheetnames == ["Indicateurs", "Mesures", "À propos"]
    assert workbook.properties.creator == "Essaim"


def test_it_lists_every_field_of_the_indicators_with_their_progress(experiment, indicators, reader):
    sheet = workbook_of(client_for(reader).get(url(experiment)))["Indicateurs"]

    header = [cell.value for cell in sheet[1]]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in values}
    trips = rows["Trajets mensuels"]
    assert trips["Nature"] == "quantitatif"
    assert trips["Question évaluative"] == "Le service répond-il au besoin ?"
    assert trips["Unité"] == "trajets"
    assert trips["Valeur cible"] == 200
    assert trips["Cibles intermédiaires"] == "80 au 30/06/2024"
    assert trips["Cumulatif"] == "oui"
    assert trips["Moyens de vérification"] == "Carnets de bord"
    assert trips["Responsable de la collecte"] == "Chargée de mission"
    assert trips["Nombre de mesures"] == 2
    assert trips["Dernière mesure"] == datetime.datetime(2024, 3, 5)
    assert trips["Valeur actuelle"] == 100
    assert trips["Progression vers la cible"] == 0.5
    assert rows["Satisfaction"]["Échelle qualitative"] == "faible ; bonne"
    assert rows["Satisfaction"]["Valeur actuelle"] == "bonne"
    assert rows["Satisfaction"]["Progression vers la cible"] is None
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(row=2, column=22).number_format == "0%"


def test_it_lists_measurements_with_real_dates_and_numbers(experiment, indicators, reader):
    sheet = workbook_of(client_for(reader).get(url(experiment)))["Mesures"]

    assert [cell.value for cell in sheet[1]] == [
        "Indicateur",
        "Date",
        "Valeur",
        "Niveau",
        "Commentaire",
        "Justificatif",
    ]
    assert list(sheet.iter_rows(2, values_only=True)) == [
        ("Trajets mensuels", datetime.datetime(2024, 2, 5), 40.5, None, FORMULA, "non"),
        ("Trajets mensuels", datetime.datetime(2024, 3, 5), 59.5, None, None, "oui"),
        ("Satisfaction", datetime.datetime(2024, 3, 1), None, "bonne", None, "non"),
    ]
    assert sheet["B2"].number_format == "DD/MM/YYYY"
    assert sheet["B2"].is_date
    assert sheet["E2"].data_type == "s"  # text that looks like a formula stays text
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width == 60


def test_it_marks_an_illustrative_experiment(experiment, indicators, reader):
    experiment.illustrative = True
    experiment.save()

    sheet = workbook_of(client_for(reader).get(url(experiment)))["À propos"]

    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["Expérimentation"] == "Autostop organisé en Chartreuse"
    assert values["Mesures"] == 3
    assert "inventés" in values["Exemple illustratif"]


def test_it_gives_empty_sheets_without_indicators(experiment, reader):
    workbook = workbook_of(client_for(reader).get(url(experiment)))

    assert workbook["Indicateurs"].max_row == 1
    assert workbook["Mesures"].max_row == 1


@pytest.mark.parametrize("count", [3, 30])
def test_it_runs_the_same_queries_for_few_or_many_rows(
    experiment, reader, count, django_assert_num_queries
):
    for _ in range(count):
        indicator = IndicatorFactory(experiment=experiment)
        IndicatorTargetFactory(indicator=indicator)
        MeasurementFactory(indicator=indicator)
    client = client_for(reader)

    # session, user, experiment with the role, indicators, their targets, their measurements
    with django_assert_num_queries(6):
        client.get(url(experiment))


def test_it_refuses_post(experiment, reader):
    assert client_for(reader).post(url(experiment)).status_code == 405


def test_it_sends_anonymous_visitors_to_the_login_page(experiment):
    response = client_for(None).get(url(experiment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_experiment_from_outsiders(experiment, outsider):
    assert client_for(outsider).get(url(experiment)).status_code == 404
