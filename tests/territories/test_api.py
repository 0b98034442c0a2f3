import json

import pytest

from essaim.accounts.models import ApiToken
from essaim.roles.models import Role
from essaim.territories.models import Territory, TerritoryKind
from tests.territories.conftest import CREST, CRESTOIS_SIREN, SAILLANS, VERCHENY
from tests.territories.factories import TerritoryFactory

BASE = "/api/v1/territories/"


@pytest.fixture
def api(client):
    """A client that authenticates with the personal token of the given user."""

    class Api:
        def __init__(self, user=None):
            self.headers = {}
            if user is not None:
                _, key = ApiToken.issue(user=user, name="Tableur")
                self.headers = {"Authorization": f"Bearer {key}"}

        def get(self, path, params=None):
            return client.get(BASE + path, params or {}, headers=self.headers)

        def post(self, path, payload):
            return client.post(
                BASE + path,
                json.dumps(payload),
                content_type="application/json",
                headers=self.headers,
            )

    return Api


def test_it_refuses_calls_without_authentication(api, db):
    anonymous = api()
    assert anonymous.get("").status_code == 401
    assert anonymous.get("communes", {"q": "saillans"}).status_code == 401
    assert anonymous.post("", {"name": "X", "communes": [SAILLANS]}).status_code == 401


def test_it_searches_communes_and_epci(api, outsider):
    client = api(outsider)
    communes = client.get("communes", {"q": "St Étienne", "limit": 3}).json()
    assert len(communes) == 3
    assert communes[0] == {
        "insee_code": "42218",
        "name": "Saint-Étienne",
        "departement": "42",
        "region": "84",
        "epci": "244200770",
        "postal_codes": ["42000", "42100", "42230"],
        "population": 173136,
        "siren": "214202186",
    }
    assert [c["insee_code"] for c in client.get("communes", {"q": "26289"}).json()] == [SAILLANS]
    assert client.get("communes", {"q": ""}).json() == []
    epci = client.get("epci", {"q": CRESTOIS_SIREN}).json()
    assert epci == [
        {
            "siren": CRESTOIS_SIREN,
            "name": "CC du Crestois et de Pays de Saillans Coeur de Drôme",
            "kind": "CC",
            "population": epci[0]["population"],
        }
    ]
    assert client.get("communes", {"q": "saint", "limit": 1000}).status_code == 422


def test_it_lists_the_visible_territories_with_their_stats(
    api, outsider, owner, shared_territory, private_territory, django_assert_num_queries
):
    body = api(outsider).get("").json()
    assert body["count"] == 1
    assert body["items"][0] | {"created_at": None, "updated_at": None} == {
        "id": shared_territory.pk,
        "name": "Pays de Saillans",
        "kind": "pays",
        "description": "",
        "shared": True,
        "commune_count": 2,
        "population": 1534,
        "epci": None,
        "departement": None,
        "url": f"/territoires/{shared_territory.pk}/",
        "created_at": None,
        "updated_at": None,
    }
    client = api(owner)
    assert client.get("").json()["count"] == 2
    TerritoryFactory.create_batch(20, roles={owner: Role.READER})
    # 1 token, 2 its last use, 3 count of the visible territories, 4 the page with stats
    with django_assert_num_queries(4):
        assert client.get("").json()["count"] == 22


def test_one_territory_lists_its_insee_codes_and_hides_private_ones(
    api, outsider, reader, private_territory
):
    body = api(reader).get(str(private_territory.pk)).json()
    assert body["name"] == "Vallée de la Drôme"
    assert body["communes"] == sorted([SAILLANS, CREST, VERCHENY])
    assert (body["commune_count"], body["population"]) == (3, 10561)
    response = api(outsider).get(str(private_territory.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Introuvable."}


def test_it_creates_a_territory_from_communes(api, outsider):
    response = api(outsider).post(
        "", {"name": "Vallée", "kind": "pays", "communes": [SAILLANS, CREST.lower(), CREST]}
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["name"], body["kind"], body["communes"]) == ("Vallée", "pays", [CREST, SAILLANS])
    territory = Territory.objects.get(pk=body["id"])
    assert territory.role_of(outsider) == Role.OWNER


def test_it_creates_a_territory_from_an_epci_or_a_departement(api, outsider):
    client = api(outsider)
    from_epci = client.post("", {"epci": CRESTOIS_SIREN, "shared": False}).json()
    assert (from_epci["kind"], from_epci["commune_count"], from_epci["epci"]) == (
        TerritoryKind.EPCI,
        14,
        CRESTOIS_SIREN,
    )
    assert from_epci["shared"] is False
    from_departement = client.post("", {"departement": "26", "name": "Drôme"}).json()
    assert (from_departement["kind"], from_departement["departement"]) == ("departement", "26")


def test_unknown_codes_are_listed_and_nothing_is_created(api, outsider):
    client = api(outsider)
    response = client.post("", {"name": "Vallée", "communes": [SAILLANS, "99999", "00000"]})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Codes INSEE inconnus : 00000, 99999. Rien n'a été créé.",
        "unknown_codes": ["00000", "99999"],
    }
    response = client.post("", {"epci": "123456789"})
    assert response.status_code == 422
    assert response.json()["detail"] == "SIREN d'EPCI inconnu : 123456789. Rien n'a été créé."
    assert client.post("", {"departement": "99"}).status_code == 422
    assert not Territory.objects.exists()


def test_the_payload_must_name_one_source(api, outsider):
    client = api(outsider)
    both = client.post("", {"name": "X", "communes": [SAILLANS], "epci": CRESTOIS_SIREN})
    assert both.status_code == 422
    assert "une et une seule source" in both.content.decode()
    unnamed = client.post("", {"communes": [SAILLANS]})
    assert "Donnez un nom" in unnamed.content.decode()
    empty = client.post("", {"name": "X", "communes": []})
    assert empty.status_code == 400
    assert empty.json() == {"detail": "Un territoire doit compter au moins une commune."}
    assert not Territory.objects.exists()


def test_the_browser_session_works_too(client, outsider, shared_territory):
    client.force_login(outsider)
    assert client.get(BASE).json()["count"] == 1


def test_the_endpoints_are_described_in_the_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/territories/", "/api/v1/territories/{territory_id}"} <= set(paths)
    assert {"/api/v1/territories/communes", "/api/v1/territories/epci"} <= set(paths)
    responses = paths["/api/v1/territories/"]["post"]["responses"]
    assert {"201", "400", "422"} <= set(responses)
