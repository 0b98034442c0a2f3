from django.urls import reverse

from essaim.roles.models import Role
from essaim.territories.models import TerritoryKind
from tests.conftest import client_for
from tests.territories.factories import TerritoryFactory

URL = reverse("territories:list")


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_lists_shared_territories_and_private_ones_of_the_user(
    owner, outsider, shared_territory, private_territory
):
    outsider_page = client_for(outsider).get(URL).content.decode()
    assert "Pays de Saillans" in outsider_page
    assert "Vallée de la Drôme" not in outsider_page

    owner_page = client_for(owner).get(URL).content.decode()
    assert "Vallée de la Drôme" in owner_page
    assert "propriétaire" in owner_page
    assert '<span class="badge">privé</span>' in owner_page


def test_staff_see_every_territory(staff, private_territory):
    assert "Vallée de la Drôme" in client_for(staff).get(URL).content.decode()


def test_it_shows_the_commune_count_and_the_population(outsider, shared_territory):
    content = client_for(outsider).get(URL).content.decode()
    # Saillans (1 460) and Aubenasson (74)
    assert '<td data-label="Communes" class="num">2</td>' in content
    assert '<td data-label="Population" class="num">1\xa0534\xa0habitants</td>' in content


def test_it_filters_by_kind_and_by_name_without_accents(owner, shared_territory, private_territory):
    TerritoryFactory(name="Parc naturel régional du Vercors", kind=TerritoryKind.PNR)
    client = client_for(owner)
    by_name = client.get(URL, {"q": "vallee drome"}).content.decode()
    assert "Vallée de la Drôme" in by_name and "Pays de Saillans" not in by_name
    assert "1 territoire correspondant à votre recherche" in by_name
    by_kind = client.get(URL, {"kind": "pnr"}).content.decode()
    assert "Vercors" in by_kind and "Vallée de la Drôme" not in by_kind
    nothing = client.get(URL, {"q": "zzz"}).content.decode()
    assert "Aucun territoire ne correspond à votre recherche." in nothing


def test_it_invites_to_create_the_first_territory(outsider):
    content = client_for(outsider).get(URL).content.decode()
    assert "Aucun territoire pour l'instant" in content
    assert reverse("territories:create") in content


def test_it_paginates(outsider):
    for number in range(30):
        TerritoryFactory(name=f"Zone {number:02d}")
    client = client_for(outsider)
    first = client.get(URL).content.decode()
    assert "Page 1 sur 2" in first and "Zone 29" not in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert "Zone 29" in second and "Zone 24" not in second


def test_the_number_of_queries_does_not_grow_with_the_territories(owner, django_assert_num_queries):
    client = client_for(owner)
    client.get(URL)  # the first request of a session writes it
    counts = []
    for total in (3, 30):
        TerritoryFactory.create_batch(
            total - len(counts) * 3, communes=["26289", "26108"], roles={owner: Role.READER}
        )
        # 1 session, 2 user, 3 count of the visible territories, 4 the page of territories with
        # their commune count, population and the user's role (one query)
        with django_assert_num_queries(4):
            response = client.get(URL)
        counts.append(response.content.decode().count('data-label="Nom"'))
    assert counts == [3, 25]
