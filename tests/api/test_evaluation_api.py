"""``/api/v1/experiments/{id}/indicators`` and their measurements: editors define indicators,
contributors add measurements, editors delete them; every change kept in the history."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import (
    EvaluationQuestion,
    Indicator,
    IndicatorKind,
    IndicatorTarget,
    Measurement,
)
from tests.api.test_experiments_api import Api, experiment_with_roles
from tests.experiments.factories import ExperimentFactory

SCALE = ["faible", "moyen", "fort"]


@pytest.fixture
def experiment(owner, editor, contributor, reader):
    return experiment_with_roles(owner, editor, contributor, reader)


@pytest.fixture
def indicator(experiment):
    return Indicator.objects.create(
        experiment=experiment,
        name="Trajets par mois",
        unit="trajets",
        baseline_value=Decimal("40"),
        target_value=Decimal("150"),
    )


@pytest.fixture
def qualitative(experiment):
    return Indicator.objects.create(
        experiment=experiment,
        name="Confiance des usagers",
        kind=IndicatorKind.QUALITATIVE,
        scale=SCALE,
    )


def measure(indicator, day: int, value=None, level=None) -> Measurement:
    return Measurement.objects.create(
        indicator=indicator,
        measured_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        value=value,
        level=level,
    )


def summaries(experiment) -> list[str]:
    return list(HistoryEntry.objects.of(experiment).values_list("summary", flat=True))


# Indicators ---------------------------------------------------------------------------------------


def test_an_editor_defines_an_indicator(experiment, editor):
    question = EvaluationQuestion.objects.create(
        experiment=experiment, question="Le service répond-il au besoin ?"
    )
    response = Api(editor).post(
        f"{experiment.pk}/indicators",
        {
            "name": "Trajets par mois",
            "unit": "trajets",
            "baseline_value": "40",
            "baseline_date": "2023-12-31",
            "target_value": 150.5,
            "cumulative": False,
            "frequency": "mensuelle",
            "question": question.pk,
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["version"]
    assert body | {"id": None, "version": None} == {
        "id": None,
        "version": None,
        "name": "Trajets par mois",
        "kind": "quantitatif",
        "unit": "trajets",
        "baseline_value": "40",
        "baseline_date": "2023-12-31",
        "baseline_source": "",
        "target_value": "150.5",
        "target_date": None,
        "direction": "hausse",
        "cumulative": False,
        "scale": [],
        "means_of_verification": "",
        "collection_method": "",
        "frequency": "mensuelle",
        "owner": "",
        "position": 0,
        "question": question.pk,
        "outcome": None,
        "targets": [],
        "measurement_count": 0,
        "current_value": None,
        "progress": None,
    }
    indicator = Indicator.objects.get()
    assert indicator.target_value == Decimal("150.5")
    assert summaries(experiment)[0] == "Indicateur « Trajets par mois » ajouté"


def test_an_indicator_shows_its_progress_and_targets(experiment, indicator, reader):
    IndicatorTarget.objects.create(
        indicator=indicator, due_on=datetime.date(2024, 6, 30), value=Decimal("100")
    )
    measure(indicator, 0, Decimal("60"))
    measure(indicator, 31, Decimal("95.25"))
    body = Api(reader).get(f"{experiment.pk}/indicators/{indicator.pk}").json()
    assert body["targets"] == [{"due_on": "2024-06-30", "value": "100"}]
    assert (body["measurement_count"], body["current_value"], body["progress"]) == (2, "95.25", 50)


def test_an_editor_changes_and_deletes_an_indicator(experiment, indicator, editor):
    api = Api(editor)
    path = f"{experiment.pk}/indicators/{indicator.pk}"
    changed = api.patch(path, {"target_value": "200", "owner": "Parc de Chartreuse"})
    assert changed.status_code == 200
    assert (changed.json()["target_value"], changed.json()["owner"]) == (
        "200",
        "Parc de Chartreuse",
    )
    # The words of the indicator's page.
    assert summaries(experiment)[0] == "Indicateur « Trajets par mois » modifié"
    measure(indicator, 0, Decimal("12"))
    assert api.delete(path).status_code == 204
    assert not Indicator.objects.exists()
    assert not Measurement.objects.exists()
    assert summaries(experiment)[0] == "Indicateur « Trajets par mois » supprimé"


def test_an_indicator_is_checked_in_french(experiment, indicator, editor):
    api = Api(editor)
    twice = api.post(f"{experiment.pk}/indicators", {"name": "Trajets par mois"})
    assert twice.status_code == 422
    # The messages of the indicator's page.
    assert twice.json()["detail"] == "Un indicateur de cette expérimentation porte déjà ce nom."
    no_scale = api.post(
        f"{experiment.pk}/indicators", {"name": "Confiance", "kind": "qualitatif", "scale": ["x"]}
    )
    assert no_scale.status_code == 422
    assert no_scale.json()["erreurs"][0]["champ"] == "scale"
    assert "au moins deux niveaux" in no_scale.json()["detail"]
    digits = api.post(f"{experiment.pk}/indicators", {"name": "X", "target_value": "1.2345"})
    assert digits.json()["erreurs"] == [
        {
            "champ": "target_value",
            "message": "Ce nombre compte trop de décimales (trois au plus).",
        }
    ]
    text = api.post(f"{experiment.pk}/indicators", {"name": "X", "baseline_value": "beaucoup"})
    assert text.json()["erreurs"][0]["message"] == "Un nombre décimal est attendu."
    foreign = EvaluationQuestion.objects.create(experiment=ExperimentFactory(), question="?")
    stolen = api.post(f"{experiment.pk}/indicators", {"name": "X", "question": foreign.pk})
    assert stolen.json()["erreurs"][0] == {
        "champ": "question",
        "message": "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
    }
    assert Indicator.objects.count() == 1


def test_an_indicator_with_measurements_keeps_its_nature_and_levels(
    experiment, indicator, qualitative, editor
):
    measure(indicator, 0, Decimal("12"))
    measure(qualitative, 0, level=2)
    api = Api(editor)
    to_qualitative = api.patch(
        f"{experiment.pk}/indicators/{indicator.pk}", {"kind": "qualitatif", "scale": SCALE}
    )
    assert to_qualitative.status_code == 422
    # The messages of the indicator's page.
    assert to_qualitative.json()["detail"] == (
        "Cet indicateur a déjà des mesures : sa nature ne peut plus changer. "
        "Créez plutôt un autre indicateur."
    )
    shrunk = api.patch(f"{experiment.pk}/indicators/{qualitative.pk}", {"scale": ["bas", "haut"]})
    assert shrunk.json()["erreurs"] == [
        {
            "champ": "scale",
            "message": "Des mesures utilisent un niveau que cette échelle ne contient plus : "
            "gardez au moins autant de niveaux.",
        }
    ]
    renamed = api.patch(
        f"{experiment.pk}/indicators/{qualitative.pk}", {"scale": ["bas", "moyen", "haut"]}
    )
    assert renamed.status_code == 200
    assert Indicator.objects.get(pk=indicator.pk).kind == IndicatorKind.QUANTITATIVE


def test_indicators_are_read_by_members_and_written_by_editors(
    experiment, indicator, contributor, reader, outsider
):
    path = f"{experiment.pk}/indicators/{indicator.pk}"
    assert Api(reader).get(path).status_code == 200
    for user in (contributor, reader):
        assert Api(user).post(f"{experiment.pk}/indicators", {"name": "X"}).status_code == 403
        assert Api(user).patch(path, {"name": "Y"}).status_code == 403
        assert Api(user).delete(path).status_code == 403
    assert Api(outsider).get(f"{experiment.pk}/indicators").status_code == 404
    assert Api(outsider).patch(path, {"name": "Y"}).status_code == 404
    assert Api().get(path).status_code == 401
    assert Api().post(f"{experiment.pk}/indicators", {"name": "X"}).status_code == 401
    other = Indicator.objects.create(experiment=ExperimentFactory(), name="Ailleurs")
    assert Api(reader).get(f"{experiment.pk}/indicators/{other.pk}").status_code == 404
    assert list(Indicator.objects.values_list("name", flat=True)) == [
        "Trajets par mois",
        "Ailleurs",
    ]


def test_the_indicators_list_takes_the_same_queries_for_3_or_30(experiment, reader):
    api = Api(reader)

    def make(start, count):
        for number in range(start, start + count):
            indicator = Indicator.objects.create(experiment=experiment, name=f"Indicateur {number}")
            measure(indicator, 0, Decimal(number))
            measure(indicator, 1, Decimal(number + 1))

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"{experiment.pk}/indicators")
        return len(queries), len(response.json())

    make(0, 3)
    few = count_queries()
    make(3, 27)
    assert count_queries() == (few[0], 30)


def test_the_indicators_list_reads_no_measurement_rows(experiment, indicator, reader):
    """Counts, current values and progress are computed by the database: the list reads the
    same whatever the number of measurements."""
    for day in range(40):
        measure(indicator, day, Decimal(day))
    with CaptureQueriesContext(connection) as queries:
        body = Api(reader).get(f"{experiment.pk}/indicators").json()

    assert (body[0]["measurement_count"], body[0]["current_value"]) == (40, "39")
    measurement_table = Measurement._meta.db_table
    for query in queries.captured_queries:
        sql = query["sql"]
        assert (
            not sql.startswith("SELECT")
            or f'FROM "{measurement_table}"' not in sql.split("WHERE")[0].split("(")[0]
        ), sql


# Measurements -------------------------------------------------------------------------------------


def test_a_contributor_adds_a_measurement(experiment, indicator, contributor):
    path = f"{experiment.pk}/indicators/{indicator.pk}/measurements"
    response = Api(contributor).post(
        path, {"measured_on": "2024-03-31", "value": "87.50", "comment": " Mars "}
    )
    assert response.status_code == 201
    body = response.json()
    assert body | {"id": None, "recorded_at": None} == {
        "id": None,
        "measured_on": "2024-03-31",
        "value": "87.5",
        "level": None,
        "level_label": "",
        "comment": "Mars",
        "evidence": None,
        "recorded_by": "Camille Contributeur",
        "recorded_at": None,
    }
    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.recorded_by) == (Decimal("87.5"), contributor)
    # The words of the indicator's page.
    assert summaries(experiment)[0] == (
        "Mesure du 31/03/2024 ajoutée à l'indicateur « Trajets par mois »"
    )


def test_a_second_measurement_on_the_same_day_is_refused(experiment, indicator, contributor):
    api = Api(contributor)
    path = f"{experiment.pk}/indicators/{indicator.pk}/measurements"
    assert api.post(path, {"measured_on": "2024-03-31", "value": 87}).status_code == 201
    again = api.post(path, {"measured_on": "2024-03-31", "value": 90})
    assert again.status_code == 422
    # The message of the indicator's page.
    message = (
        "Une mesure existe déjà le 31/03/2024 pour cet indicateur : modifiez-la plutôt que "
        "d'en ajouter une autre."
    )
    assert again.json() == {
        "detail": message,
        "erreurs": [{"champ": "measured_on", "message": message}],
    }
    assert Measurement.objects.get().value == Decimal("87")


def test_a_measurement_is_checked_in_french(experiment, indicator, contributor):
    api = Api(contributor)
    path = f"{experiment.pk}/indicators/{indicator.pk}/measurements"
    french_date = api.post(path, {"measured_on": "31/03/2024", "value": 1})
    assert french_date.json()["erreurs"] == [
        {"champ": "measured_on", "message": "Une date au format AAAA-MM-JJ est attendue."}
    ]
    comma = api.post(path, {"measured_on": "2024-03-31", "value": "87,5"})
    assert comma.json()["erreurs"] == [
        {"champ": "value", "message": "Un nombre décimal est attendu."}
    ]
    no_value = api.post(path, {"measured_on": "2024-03-31"})
    # The message of the indicator's page.
    assert no_value.json()["erreurs"] == [
        {"champ": "value", "message": "Ce champ est obligatoire."}
    ]
    level = api.post(path, {"measured_on": "2024-03-31", "value": 1, "level": 1})
    assert level.json()["erreurs"][0]["champ"] == "level"
    huge = api.post(path, {"measured_on": "2024-03-31", "value": "12345678901234"})
    assert huge.status_code == 422
    assert not Measurement.objects.exists()


def test_a_qualitative_measurement_is_a_level_of_the_scale(experiment, qualitative, contributor):
    api = Api(contributor)
    path = f"{experiment.pk}/indicators/{qualitative.pk}/measurements"
    out_of_scale = api.post(path, {"measured_on": "2024-03-31", "level": 3})
    assert out_of_scale.status_code == 422
    # The message of the indicator's page.
    assert out_of_scale.json()["erreurs"] == [
        {"champ": "level", "message": "Sélectionnez un choix valide. 3 n’en fait pas partie."}
    ]
    number = api.post(path, {"measured_on": "2024-03-31", "value": 2})
    assert number.json()["erreurs"][0]["champ"] == "value"
    negative = api.post(path, {"measured_on": "2024-03-31", "level": -1})
    assert negative.json()["erreurs"][0]["champ"] == "level"
    response = api.post(path, {"measured_on": "2024-03-31", "level": 1})
    assert response.status_code == 201
    assert (response.json()["level"], response.json()["level_label"]) == (1, "moyen")


def test_measurements_are_listed_oldest_first_and_paginated(experiment, indicator, reader):
    for day in (40, 0, 20):
        measure(indicator, day, Decimal(day))
    api = Api(reader)
    body = api.get(f"{experiment.pk}/indicators/{indicator.pk}/measurements").json()
    assert body["count"] == 3
    assert [item["measured_on"] for item in body["items"]] == [
        "2024-01-01",
        "2024-01-21",
        "2024-02-10",
    ]
    page = api.get(f"{experiment.pk}/indicators/{indicator.pk}/measurements", {"limit": 1})
    assert [item["value"] for item in page.json()["items"]] == ["0"]


def test_the_measurements_list_takes_the_same_queries_for_3_or_30(
    experiment, indicator, qualitative, reader
):
    api = Api(reader)

    def count_queries(target):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(f"{experiment.pk}/indicators/{target.pk}/measurements")
        return len(queries), response.json()["count"]

    for day in range(3):
        measure(indicator, day, Decimal(day))
        measure(qualitative, day, level=day % 3)
    few = count_queries(indicator), count_queries(qualitative)
    for day in range(3, 30):
        measure(indicator, day, Decimal(day))
        measure(qualitative, day, level=day % 3)
    many = count_queries(indicator), count_queries(qualitative)
    assert [count for count, _ in few] == [count for count, _ in many]
    assert [total for _, total in many] == [30, 30]


def test_only_editors_delete_a_measurement(experiment, indicator, editor, contributor, outsider):
    measurement = measure(indicator, 0, Decimal("5"))
    path = f"{experiment.pk}/indicators/{indicator.pk}/measurements/{measurement.pk}"
    assert Api(contributor).delete(path).status_code == 403
    assert Api(outsider).delete(path).status_code == 404
    assert Api().delete(path).status_code == 401
    assert Api(editor).delete(path).status_code == 204
    assert not Measurement.objects.exists()
    # The words of the measurement's page.
    assert summaries(experiment)[0] == (
        "Mesure du 01/01/2024 de l'indicateur « Trajets par mois » supprimée"
    )
    assert Api(editor).delete(path).status_code == 404


def test_measurements_are_added_by_contributors_only(
    experiment, indicator, reader, outsider, contributor
):
    path = f"{experiment.pk}/indicators/{indicator.pk}/measurements"
    payload = {"measured_on": "2024-03-31", "value": 3}
    assert Api(reader).post(path, payload).status_code == 403
    assert Api(outsider).post(path, payload).status_code == 404
    assert Api(outsider).get(path).status_code == 404
    assert Api().post(path, payload).status_code == 401
    assert Api().get(path).status_code == 401
    other = Indicator.objects.create(experiment=ExperimentFactory(), name="Ailleurs")
    elsewhere = f"{experiment.pk}/indicators/{other.pk}/measurements"
    assert Api(contributor).post(elsewhere, payload).status_code == 404
    assert not Measurement.objects.exists()
