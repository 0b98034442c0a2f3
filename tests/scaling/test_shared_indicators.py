"""Shared indicators: each replica gives its yearly figures, the network adds them up (or
averages them), and a figure already given is never replaced unknowingly."""

import datetime
import html
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.lib import french
from essaim.scaling.models import ReplicaFigure, SharedIndicator
from essaim.scaling.services.network import add_replication, record_figure
from essaim.territories.models import Commune
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(referential, experiment):
    power = SharedIndicator.objects.create(
        model_experiment=experiment, name="Puissance installée", unit="kWc", aggregation="somme"
    )
    wait = SharedIndicator.objects.create(
        model_experiment=experiment,
        name="Attente moyenne",
        unit="min",
        aggregation="moyenne",
        position=1,
    )
    replicas = [
        add_replication(
            model=experiment,
            actor=None,
            on=datetime.date(2015, 1, 1),
            name=name,
            commune=Commune.objects.get(insee_code=code),
        )
        for name, code in (("Diois", "26113"), ("Privas", "07186"))
    ]
    return power, wait, replicas


def test_the_network_adds_up_or_averages_each_year(editor, experiment, network):
    power, wait, (diois, privas) = network
    for replica, kwc, minutes in ((diois, "36", "8"), (privas, "100.5", "12")):
        record_figure(
            replication=replica, indicator=power, year=2024, value=Decimal(kwc), actor=editor
        )
        record_figure(
            replication=replica, indicator=wait, year=2024, value=Decimal(minutes), actor=editor
        )
    record_figure(replication=diois, indicator=power, year=2025, value=Decimal("48"), actor=editor)
    page = html.unescape(
        client_for(editor).get(reverse("scaling:network", args=[experiment.pk])).text
    )
    table = page.split("network__rollup")[1].split("</table>")[0]
    assert '<th scope="col" class="number">2024</th>' in table
    assert '136,5 <span class="help">(2)</span>' in table  # 36 + 100,5
    assert '10 <span class="help">(2)</span>' in table  # (8 + 12) / 2
    assert '48 <span class="help">(1)</span>' in table


def test_a_replica_gives_a_figure_in_french_and_must_confirm_a_replacement(
    editor, experiment, network
):
    power, _, (diois, _) = network
    url = reverse("scaling:add_figure", args=[diois.pk])
    client = client_for(editor)
    client.post(url, {"indicator": power.pk, "year": "2025", "value": "36,5"})
    assert ReplicaFigure.objects.get().value == Decimal("36.5")
    response = client.post(url, {"indicator": power.pk, "year": "2025", "value": "40"}, follow=True)
    shown = french.number(Decimal("36.5"), unit="kWc")
    told = html.unescape(response.text)
    assert f"Un chiffre est déjà donné pour « Puissance installée » en 2025 : {shown}." in told
    assert ReplicaFigure.objects.get().value == Decimal("36.5")
    client.post(url, {"indicator": power.pk, "year": "2025", "value": "40", "replace": "on"})
    assert ReplicaFigure.objects.get().value == Decimal("40")
    client.post(url, {"indicator": power.pk, "year": "3000", "value": "1"})
    assert ReplicaFigure.objects.count() == 1


def test_an_indicator_of_another_model_is_refused(editor, experiment, network, outsider):
    from tests.experiments.factories import ExperimentFactory

    other = SharedIndicator.objects.create(model_experiment=ExperimentFactory(), name="Autre")
    _, _, (diois, _) = network
    client_for(editor).post(
        reverse("scaling:add_figure", args=[diois.pk]),
        {"indicator": other.pk, "year": "2025", "value": "1"},
    )
    assert not ReplicaFigure.objects.exists()
    response = client_for(outsider).post(
        reverse("scaling:add_figure", args=[diois.pk]),
        {"indicator": network[0].pk, "year": "2025", "value": "1"},
    )
    assert response.status_code == 404
