"""The risk register tab: the right to error set in the framing, the risks from the most to
the least critical, and the likelihood × impact matrix."""

import pytest
from django.urls import reverse

from essaim.experiments.models import Level, RiskStatus
from essaim.experiments.views.risks import HIGH, LOW, MEDIUM, criticality, risk_matrix
from tests.conftest import client_for
from tests.experiments.factories import RiskFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:risks", args=[experiment.pk])


@pytest.mark.parametrize(
    ("likelihood", "impact", "expected"),
    [
        *[(1, 1, LOW), (1, 2, LOW), (2, 1, LOW)],
        *[(1, 3, MEDIUM), (2, 2, MEDIUM), (3, 1, MEDIUM)],
        *[(2, 3, HIGH), (3, 2, HIGH), (3, 3, HIGH)],
    ],
)
def test_criticality_grows_with_likelihood_and_impact(likelihood, impact, expected):
    assert criticality(likelihood, impact) == expected


def test_the_matrix_puts_the_most_likely_first_and_the_strongest_impact_last(experiment):
    risk = RiskFactory.build(experiment=experiment, likelihood=3, impact=1)
    matrix = risk_matrix([risk])
    assert [likelihood for likelihood, _cells in matrix] == [Level.HIGH, Level.MEDIUM, Level.LOW]
    top_row = matrix[0][1]
    assert [cell.impact for cell in top_row] == [Level.LOW, Level.MEDIUM, Level.HIGH]
    assert top_row[0].risks == [risk]
    assert top_row[2].criticality == HIGH
    assert sum(len(cell.risks) for _likelihood, cells in matrix for cell in cells) == 1


def test_it_shows_the_register_from_the_most_critical_risk(reader, experiment):
    RiskFactory(experiment=experiment, description="Panneaux vandalisés", likelihood=1, impact=1)
    RiskFactory(
        experiment=experiment,
        description="Trop peu de conducteurs",
        likelihood=3,
        impact=3,
        mitigation="Campagne d'inscription au marché",
        owner="Mairie de Saint-Pierre",
        accepted_as_right_to_error=True,
    )
    RiskFactory(experiment=experiment, description="Application en panne", likelihood=2, impact=2)
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    register = response.context["register"]
    assert [risk.description for risk in register] == [
        "Trop peu de conducteurs",
        "Application en panne",
        "Panneaux vandalisés",
    ]
    text = response.text
    assert "Criticité forte" in text
    assert "Campagne d&#x27;inscription au marché" in text
    assert "Mairie de Saint-Pierre" in text
    assert '<span class="badge badge--right-to-error">Droit à l\'erreur</span>' in text
    assert "3 risques, du plus critique au moins critique" in text


def test_it_places_open_risks_on_the_matrix_but_not_closed_ones(reader, experiment):
    RiskFactory(experiment=experiment, description="Ouvert", likelihood=3, impact=2)
    RiskFactory(
        experiment=experiment,
        description="Survenu",
        likelihood=3,
        impact=2,
        status=RiskStatus.MATERIALISED,
    )
    RiskFactory(
        experiment=experiment, description="Clos", likelihood=1, impact=1, status=RiskStatus.CLOSED
    )
    response = client_for(reader).get(url(experiment))
    matrix = response.context["matrix"]
    high_likelihood, cells = matrix[0]
    assert high_likelihood == Level.HIGH
    assert [risk.description for risk in cells[1].risks] == ["Ouvert", "Survenu"]
    low_cells = matrix[2][1]
    assert low_cells[0].risks == []
    text = response.text
    assert "Probabilité forte" in text
    assert "Impact moyen" in text
    assert "2 risques" in text
    assert response.context["counts"] == {
        "open": 1,
        "materialised": 1,
        "closed": 1,
        "right_to_error": 0,
    }


def test_it_shows_the_right_to_error_of_the_framing(reader, editor, experiment):
    experiment.possible_failures = "Les conducteurs ne s'arrêtent pas."
    experiment.reversibility = "Les panneaux se retirent en une journée."
    experiment.save()
    response = client_for(reader).get(url(experiment))
    assert "Les conducteurs ne s&#x27;arrêtent pas." in response.text
    assert "Les panneaux se retirent en une journée." in response.text
    assert "Pas encore renseigné." in response.text  # what a failure would teach
    assert "Modifier ces réponses dans le cadrage" not in response.text
    response = client_for(editor).get(url(experiment))
    step = reverse("experiments:framing_step", args=[experiment.pk, "risques"])
    assert f'<a href="{step}">Modifier ces réponses dans le cadrage</a>' in response.text


def test_it_offers_to_add_and_change_risks_to_editors_only(reader, contributor, editor, experiment):
    risk = RiskFactory(experiment=experiment)
    add = reverse("experiments:add_risk", args=[experiment.pk])
    edit = reverse("experiments:edit_risk", args=[experiment.pk, risk.pk])
    for user in (reader, contributor):
        text = client_for(user).get(url(experiment)).text
        assert add not in text
        assert edit not in text
    text = client_for(editor).get(url(experiment)).text
    assert add in text
    assert edit in text


def test_it_says_when_the_register_is_empty(editor, experiment):
    response = client_for(editor).get(url(experiment))
    assert "Aucun risque n&#x27;est encore inscrit au registre." in response.text.replace(
        "'", "&#x27;"
    )
    assert "Inscrire le premier risque" in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_it_reads_the_register_in_a_constant_number_of_queries(
    django_assert_num_queries, reader, experiment, count
):
    for index in range(count):
        RiskFactory(experiment=experiment, description=f"Risque {index}", likelihood=index % 3 + 1)
    client = client_for(reader)
    # session, user, experiment with the reader's role, risks
    with django_assert_num_queries(4):
        assert client.get(url(experiment)).status_code == 200


def test_it_answers_405_to_post(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405
