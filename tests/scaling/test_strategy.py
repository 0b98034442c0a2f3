"""The strategy of scaling and the perennisation plan: chosen, shown, planned on a timeline,
changed by two people without one undoing the other."""

import html

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.roles.models import Role
from essaim.scaling.models import ScalingStep, ScalingStrategy
from tests.conftest import client_for
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db

CHOSEN = {
    "situation": "essaimer",
    "scale_types": ["out", "up"],
    "strategy": "reseau_souple",
    "route": "reseau",
    "rationale": "Une charte commune plutôt qu'une structure unique.",
    "economic_model": "Vente de l'électricité produite.",
    "grant_share_now": "60",
    "grant_share_target": "20",
    "target_year": "2029",
}


def edit(client, experiment, data):
    url = reverse("scaling:edit_strategy", args=[experiment.pk])
    form = client.get(url).context["form"]
    values = {name: form[name].value() for name in form.fields}
    values = {k: ("" if v is None else v) for k, v in values.items()}
    return client.post(url, {**values, **data})


def test_an_editor_chooses_the_strategy_and_its_plan(editor, experiment):
    territory = TerritoryFactory(name="Parc naturel régional du Vercors")
    territory.grant(editor, Role.READER)
    response = edit(
        client_for(editor), experiment, {**CHOSEN, "target_territories": [territory.pk]}
    )
    assert response.status_code == 302
    strategy = ScalingStrategy.objects.get(experiment=experiment)
    assert strategy.scale_types == ["out", "up"] and list(strategy.target_territories.all()) == [
        territory
    ]
    page = html.unescape(
        client_for(editor).get(reverse("scaling:strategy", args=[experiment.pk])).text
    )
    assert "Duplication en réseau souple" in page
    assert "Institutionnel (scale up) : institutions et politiques publiques" in page
    assert "60 % aujourd'hui → 20 % visés en 2029." in page
    assert "Parc naturel régional du Vercors" in page
    entry = HistoryEntry.objects.of(experiment).get(verb="strategy")
    assert entry.summary == "Stratégie de changement d'échelle définie"


def test_shares_and_years_out_of_bounds_are_refused_in_french(editor, experiment):
    response = edit(
        client_for(editor), experiment, {**CHOSEN, "grant_share_now": "140", "target_year": "1850"}
    )
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "Indiquez une année entre 2000 et 2100." in text
    assert not ScalingStrategy.objects.exists()


def test_two_editors_change_different_fields_and_both_changes_stay(editor, owner, experiment):
    edit(client_for(editor), experiment, CHOSEN)
    url = reverse("scaling:edit_strategy", args=[experiment.pk])
    loaded = client_for(editor).get(url).context["form"]
    values = {name: loaded[name].value() for name in loaded.fields}
    values = {k: ("" if v is None else v) for k, v in values.items()}
    assert edit(client_for(owner), experiment, {"route": "partenariats"}).status_code == 302
    response = client_for(editor).post(url, {**values, "economic_model": "Vente et cotisations."})
    assert response.status_code == 302
    strategy = ScalingStrategy.objects.get()
    assert strategy.route == "partenariats" and strategy.economic_model == "Vente et cotisations."
    stale = client_for(editor).post(url, {**values, "route": "croissance"})
    assert stale.status_code == 400
    assert "modifié par quelqu'un d'autre" in html.unescape(stale.text)


def test_steps_are_planned_on_the_timeline(editor, reader, experiment):
    edit(client_for(editor), experiment, CHOSEN)
    strategy = ScalingStrategy.objects.get()
    url = reverse("scaling:add_scaling_step", args=[experiment.pk, strategy.pk])
    client_for(editor).post(
        url,
        {
            "track": "perennisation",
            "title": "Convention avec la Région",
            "starts_on": "2026-09-01",
            "ends_on": "2027-06-30",
            "state": "en_cours",
        },
    )
    assert ScalingStep.objects.get().title == "Convention avec la Région"
    page = client_for(reader).get(reverse("scaling:strategy", args=[experiment.pk])).text
    assert "<svg" in page and "Convention avec la Région (pérennisation)" in html.unescape(page)
    assert client_for(reader).post(url, {"title": "Non"}).status_code == 403
    assert (
        client_for(reader).get(reverse("scaling:edit_strategy", args=[experiment.pk])).status_code
        == 403
    )
