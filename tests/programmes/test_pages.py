"""A programme as its team runs it: created, its stages and deliverables on its page and its
timeline, its territories added from the referential and moved through the selection, the map
and the populations of those taking part."""

import datetime

import pytest
from django.urls import reverse

from essaim.programmes.models import (
    DeliverableStatus,
    Programme,
    ProgrammeTerritory,
    TerritoryStatus,
)
from essaim.roles.models import Role
from essaim.territories.models import Territory
from tests.conftest import client_for
from tests.programmes.conftest import add_contacts, add_territory, attach_letter

pytestmark = pytest.mark.django_db

CRESTOIS_SIREN = "200040509"


def test_a_programme_is_created_with_its_creator_as_owner(owner):
    response = client_for(owner).post(
        reverse("programmes:create"),
        {
            "title": "S'organiser pour innover",
            "start_date": "2014-11-01",
            "end_date": "2016-02-29",
            "budget": "180 000,50",
            "participants_expected": "3",
        },
    )
    programme = Programme.objects.get()
    assert response.url == reverse("programmes:overview", args=[programme.pk])
    assert programme.slug == "s-organiser-pour-innover"
    assert programme.budget == 180000.50
    assert programme.role_of(owner) == Role.OWNER


def test_a_programme_that_ends_before_it_starts_is_refused_in_french(owner):
    response = client_for(owner).post(
        reverse("programmes:create"),
        {"title": "P", "start_date": "2016-01-01", "end_date": "2015-01-01"},
    )
    assert response.status_code == 200
    assert "La fin du programme doit suivre son début." in response.text
    assert not Programme.objects.exists()


def test_the_page_shows_the_stages_and_deliverables_on_a_timeline(programme, editor):
    client = client_for(editor)
    response = client.post(
        reverse("programmes:add_deliverable", args=[programme.pk]),
        {
            "kind": "synthese",
            "title": "Synthèse de l'écoute territoriale",
            "due_date": "2015-06-15",
            "status": DeliverableStatus.PLANNED,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("programmes:overview", args=[programme.pk])).text
    assert "Synthèse de l&#x27;écoute territoriale" in page
    assert "en retard" in page  # due in 2015, not delivered
    assert "<svg" in page and "2. Écoute territoriale" in page
    assert programme.history().first().summary.startswith("Production attendue « Synthèse")


def test_a_stage_ending_before_it_starts_is_refused(programme, editor):
    response = client_for(editor).post(
        reverse("programmes:add_stage", args=[programme.pk]),
        {
            "position": "1",
            "title": "Sélection",
            "start_date": "2015-01-31",
            "end_date": "2014-11-01",
            "status": "terminee",
        },
    )
    assert "La fin de l&#x27;étape doit suivre son début." in response.text


def test_a_candidate_comes_from_an_epci_of_the_referential(referential, programme, editor):
    response = client_for(editor).post(
        reverse("programmes:add_territory", args=[programme.pk]),
        {"name": "Pays du Crestois", "field": "transition énergétique", "epci": CRESTOIS_SIREN},
    )
    territory = ProgrammeTerritory.objects.get()
    assert response.url == territory.get_absolute_url()
    assert territory.status == TerritoryStatus.CONTACTED
    assert territory.perimeter.epci.siren == CRESTOIS_SIREN
    assert territory.perimeter.communes.count() > 10
    # A second programme reuses the same perimeter rather than making another one.
    again = client_for(editor).post(
        reverse("programmes:add_territory", args=[programme.pk]),
        {"name": "Pays du Crestois", "epci": CRESTOIS_SIREN},
    )
    assert "Un territoire du programme porte déjà ce nom." in again.text
    assert Territory.objects.filter(epci__siren=CRESTOIS_SIREN).count() == 1


def test_the_status_form_says_what_is_missing(programme, editor):
    territory = add_territory(programme, "Val de Sèvre")
    response = client_for(editor).post(
        reverse("programmes:move_territory", args=[programme.pk, territory.pk]),
        {"status": "confirme", "on": "2015-01-10", "loaded": "contacte"},
    )
    assert response.status_code == 400
    assert "il manque : confirmation écrite" in response.text
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.CONTACTED


def test_the_status_moves_from_the_territory_page(programme, editor):
    territory = add_territory(programme, "Val de Sèvre")
    response = client_for(editor).post(
        reverse("programmes:move_territory", args=[programme.pk, territory.pk]),
        {"status": "interesse", "on": "2015-01-10", "loaded": "contacte"},
    )
    assert response.status_code == 302
    page = client_for(editor).get(territory.get_absolute_url()).text
    assert "Intéressé</span> depuis le 10 janvier 2015" in page


def test_a_contributor_may_not_move_a_territory(programme, contributor):
    territory = add_territory(programme, "Val de Sèvre")
    response = client_for(contributor).post(
        reverse("programmes:move_territory", args=[programme.pk, territory.pk]),
        {"status": "interesse", "on": "2015-01-10", "loaded": "contacte"},
    )
    assert response.status_code == 403


def confirmed_from_epci(programme, owner, name: str, siren: str) -> ProgrammeTerritory:
    from essaim.programmes.services.territories import perimeter_for_epci
    from essaim.territories.models import Epci

    territory = add_territory(
        programme,
        name,
        TerritoryStatus.CONFIRMED,
        commitment_on=datetime.date(2015, 1, 5),
        perimeter=perimeter_for_epci(Epci.objects.get(siren=siren), user=owner),
        illustrative=True,
    )
    attach_letter(territory)
    add_contacts(territory)
    return territory


def test_the_list_shows_the_checklists_the_map_and_the_populations(referential, programme, owner):
    confirmed_from_epci(programme, owner, "Pays du Crestois", CRESTOIS_SIREN)
    add_territory(programme, "Haut-Bocage", TerritoryStatus.INTERESTED)
    page = client_for(owner).get(reverse("programmes:territories", args=[programme.pk])).text
    assert "exemple fictif" in page
    assert "Territoires participants par département" in page
    assert "Drôme (26)" in page
    crestois = Territory.objects.get(epci__siren=CRESTOIS_SIREN)
    population = sum(crestois.communes.values_list("population", flat=True))
    assert (
        f"{population:,}".replace(",", "\u202f") in page
        or f"{population:,}".replace(",", "\xa0") in page
    )
    assert "0 sur 3" in page  # Haut-Bocage has no participant yet


def test_the_list_makes_the_same_queries_for_two_or_six_territories(
    referential, programme, owner, django_assert_max_num_queries
):
    sirens = ["200040509", "242600492", "200073096"]
    for number, siren in enumerate(sirens):
        confirmed_from_epci(programme, owner, f"Territoire {number}", siren)
    client = client_for(owner)
    url = reverse("programmes:territories", args=[programme.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(3, 6):
        add_territory(programme, f"Candidat {number}", TerritoryStatus.INTERESTED)
    with django_assert_max_num_queries(len(few)):
        client.get(url)
