"""The evaluation API checks and saves with the forms of the pages: the same French messages,
the same history, and the version read (409 when someone else changed the same field)."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import Indicator, Measurement
from tests.api.test_experiments_api import BASE, Api, experiment_with_roles
from tests.conftest import client_for
from tests.evaluation.test_indicators_children import quantitative

pytestmark = pytest.mark.django_db

CONFLICT = "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez"


@pytest.fixture
def experiments(owner, editor, contributor, reader):
    """One experiment changed through the pages, the other through the API."""
    return (
        experiment_with_roles(owner, editor, contributor, reader),
        experiment_with_roles(owner, editor, contributor, reader),
    )


def test_the_page_and_the_api_write_the_same_history_of_an_indicator(experiments, editor):
    by_page, by_api = experiments
    page = client_for(editor)
    added = page.post(reverse("evaluation:add_indicator", args=[by_page.pk]), quantitative())
    assert added.status_code == 302
    indicator = Indicator.objects.get(experiment=by_page)
    edit = reverse("evaluation:edit_indicator", args=[by_page.pk, indicator.pk])
    assert page.post(edit, quantitative(owner="Parc de Chartreuse")).status_code == 302
    delete = reverse("evaluation:delete_indicator", args=[by_page.pk, indicator.pk])
    assert page.post(delete).status_code == 302

    api = Api(editor)
    sent = {
        "name": "Trajets réalisés",
        "unit": "trajets",
        "cumulative": True,
        "baseline_value": "0",
        "target_value": "1200.5",
        "frequency": "mensuelle",
        "owner": "Mairie",
    }
    created = api.post(f"{by_api.pk}/indicators", sent)
    assert created.status_code == 201
    path = f"{by_api.pk}/indicators/{created.json()['id']}"
    assert api.patch(path, {"owner": "Parc de Chartreuse"}).status_code == 200
    assert api.delete(path).status_code == 204

    written = [
        list(HistoryEntry.objects.of(experiment).values_list("verb", "summary")[:3])
        for experiment in experiments
    ]
    assert (
        written[0]
        == written[1]
        == [
            ("deleted", "Indicateur « Trajets réalisés » supprimé"),
            ("updated", "Indicateur « Trajets réalisés » modifié"),
            ("created", "Indicateur « Trajets réalisés » ajouté"),
        ]
    )


def test_the_page_and_the_api_write_the_same_history_of_a_measurement(
    experiments, contributor, editor
):
    by_page, by_api = experiments
    indicators = [
        Indicator.objects.create(experiment=experiment, name="Trajets par mois", unit="trajets")
        for experiment in experiments
    ]
    page = client_for(contributor)
    added = page.post(
        reverse("evaluation:indicator", args=[by_page.pk, indicators[0].pk]),
        {"measured_on": "2024-03-31", "value": "87,5", "comment": "Mars"},
    )
    assert added.status_code == 302
    measurement = Measurement.objects.get(indicator=indicators[0])
    deleted = client_for(editor).post(
        reverse("evaluation:delete_measurement", args=[by_page.pk, measurement.pk])
    )
    assert deleted.status_code == 302

    path = f"{by_api.pk}/indicators/{indicators[1].pk}/measurements"
    created = Api(contributor).post(
        path, {"measured_on": "2024-03-31", "value": "87.5", "comment": "Mars"}
    )
    assert created.status_code == 201
    assert Api(editor).delete(f"{path}/{created.json()['id']}").status_code == 204

    written = [
        list(HistoryEntry.objects.of(experiment).values_list("verb", "summary")[:2])
        for experiment in experiments
    ]
    assert (
        written[0]
        == written[1]
        == [
            ("deleted", "Mesure du 31/03/2024 de l'indicateur « Trajets par mois » supprimée"),
            ("created", "Mesure du 31/03/2024 ajoutée à l'indicateur « Trajets par mois »"),
        ]
    )


@pytest.fixture
def indicator(experiments):
    return Indicator.objects.create(
        experiment=experiments[1], name="Trajets par mois", unit="trajets", owner="Mairie"
    )


def test_a_change_from_an_older_read_of_the_same_field_is_a_409(experiments, indicator, editor):
    experiment = experiments[1]
    path = f"{experiment.pk}/indicators/{indicator.pk}"
    alice, bruno = Api(editor), Api(editor)
    version = alice.get(path).json()["version"]
    assert bruno.patch(path, {"owner": "Parc de Chartreuse"}).status_code == 200
    entries = HistoryEntry.objects.of(experiment).count()

    refused = alice.patch(path, {"owner": "Communauté de communes", "version": version})

    assert refused.status_code == 409
    said = f"{CONFLICT} : Responsable de la collecte — Parc de Chartreuse (vous aviez Mairie)"
    assert refused.json() == {"detail": said, "erreurs": [{"champ": "owner", "message": said}]}
    indicator.refresh_from_db()
    assert indicator.owner == "Parc de Chartreuse"
    assert HistoryEntry.objects.of(experiment).count() == entries


def test_a_change_from_an_older_read_of_another_field_keeps_both(experiments, indicator, editor):
    experiment = experiments[1]
    path = f"{experiment.pk}/indicators/{indicator.pk}"
    alice, bruno = Api(editor), Api(editor)
    version = alice.get(path).json()["version"]
    assert bruno.patch(path, {"owner": "Parc de Chartreuse"}).status_code == 200

    # The version read may come in If-Match, as the ETag of HTTP.
    response = alice.client.patch(
        BASE + path,
        '{"unit": "trajets partagés", "owner": "Mairie"}',
        content_type="application/json",
        headers={**alice.headers, "If-Match": f'"{version}"'},
    )

    assert response.status_code == 200
    indicator.refresh_from_db()
    assert (indicator.unit, indicator.owner) == ("trajets partagés", "Parc de Chartreuse")


def test_the_fields_are_checked_by_the_page_form_in_french(experiments, editor):
    response = Api(editor).post(f"{experiments[1].pk}/indicators", {"name": "Usagers"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Un indicateur quantitatif a une unité : trajets, personnes, €, %…",
        "erreurs": [
            {
                "champ": "unit",
                "message": "Un indicateur quantitatif a une unité : trajets, personnes, €, %…",
            }
        ],
    }
    assert not Indicator.objects.exists()
