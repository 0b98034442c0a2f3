from html import unescape

from django.urls import reverse

from essaim.roles.models import Role
from essaim.territories.models import Commune, Territory, TerritoryKind
from tests.conftest import client_for
from tests.territories.conftest import CREST, CRESTOIS_SIREN, SAILLANS, VERCHENY

URL = reverse("territories:create")


def created() -> Territory:
    return Territory.objects.with_stats().get()


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_offers_five_ways_and_starts_with_an_epci(outsider):
    content = unescape(client_for(outsider).get(URL).content.decode())
    for label in (
        "À partir d'un EPCI",
        "À partir d'un département",
        "À partir d'une région",
        "À partir d'une commune",
        "En choisissant des communes",
    ):
        assert label in content
    assert 'aria-current="page" class="button">À partir d\'un EPCI' in content
    assert 'hx-get="/territoires/recherche/epci/"' in content
    assert "territories/picker.js" in content


def test_switching_way_with_htmx_returns_the_form_only(outsider):
    response = client_for(outsider).get(URL, {"depuis": "communes"}, headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "<html" not in content
    assert content.strip().startswith('<div id="creation">')
    assert 'hx-get="/territoires/recherche/communes/"' in content
    assert 'name="kind"' in content


def test_it_creates_a_territory_from_an_epci(outsider):
    response = client_for(outsider).post(
        URL, {"depuis": "epci", "epci": CRESTOIS_SIREN, "shared": "on"}
    )
    territory = created()
    assert response.status_code == 302
    assert response.url == territory.get_absolute_url()
    assert territory.name == "CC du Crestois et de Pays de Saillans Coeur de Drôme"
    assert territory.kind == TerritoryKind.EPCI
    assert territory.epci.siren == CRESTOIS_SIREN
    assert territory.commune_count == 14
    assert territory.shared
    assert territory.role_of(outsider) == Role.OWNER
    assert territory.created_by == outsider


def test_it_creates_a_territory_from_a_departement_or_a_region(outsider):
    client = client_for(outsider)
    client.post(URL, {"depuis": "departement", "departement": "26", "name": "Toute la Drôme"})
    drome = created()
    assert (drome.name, drome.kind, drome.departement.code) == (
        "Toute la Drôme",
        TerritoryKind.DEPARTEMENT,
        "26",
    )
    assert drome.commune_count == Commune.objects.filter(departement__code="26").count()
    assert not drome.shared  # the box was left unticked
    drome.delete()

    client.post(URL, {"depuis": "region", "region": "84", "shared": "on"})
    region = created()
    assert (region.name, region.kind) == ("Auvergne-Rhône-Alpes", TerritoryKind.REGION)
    assert region.commune_count == Commune.objects.filter(region__code="84").count()


def test_it_creates_a_territory_from_one_commune(outsider):
    client_for(outsider).post(URL, {"depuis": "commune", "commune": SAILLANS, "shared": "on"})
    territory = created()
    assert (territory.name, territory.kind, territory.population) == (
        "Saillans",
        TerritoryKind.COMMUNE,
        1460,
    )


def test_it_creates_a_territory_from_chosen_communes(outsider):
    client_for(outsider).post(
        URL,
        {
            "depuis": "communes",
            "name": "Vallée de la Drôme",
            "kind": "pays",
            "communes": [SAILLANS, CREST, VERCHENY],
            "description": "Pays en construction.",
        },
    )
    territory = created()
    assert (territory.name, territory.kind, territory.commune_count) == (
        "Vallée de la Drôme",
        TerritoryKind.PAYS,
        3,
    )
    assert territory.description == "Pays en construction."
    assert territory.search_text == " vallee de la drome"


def test_unknown_codes_are_explained_and_nothing_is_saved(outsider):
    client = client_for(outsider)
    response = client.post(
        URL,
        {"depuis": "communes", "name": "Essai", "kind": "pays", "communes": [SAILLANS, "99999"]},
    )
    assert response.status_code == 200
    assert "Code INSEE inconnu : 99999." in response.content.decode()
    response = client.post(URL, {"depuis": "epci", "epci": "123456789"})
    assert "SIREN inconnu : 123456789 n&#x27;est pas un EPCI du référentiel." in (
        response.content.decode()
    )
    response = client.post(URL, {"depuis": "communes", "kind": "pays", "communes": [SAILLANS]})
    assert "Ce champ est obligatoire." in response.content.decode()
    response = client.post(URL, {"depuis": "departement", "departement": "99"})
    assert "Sélectionnez un choix valide." in response.content.decode()
    assert not Territory.objects.exists()


def test_it_starts_from_the_epci_or_the_commune_the_user_comes_from(outsider):
    client = client_for(outsider)
    from_epci = client.get(URL, {"depuis": "epci", "epci": CRESTOIS_SIREN}).content.decode()
    assert f'<input type="hidden" name="epci" value="{CRESTOIS_SIREN}">' in from_epci
    from_commune = client.get(URL, {"depuis": "commune", "commune": SAILLANS}).content.decode()
    assert f'<input type="hidden" name="commune" value="{SAILLANS}">' in from_commune
