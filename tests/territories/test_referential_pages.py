"""The pages of an EPCI and of a commune, open to every signed-in user."""

from django.urls import reverse

from tests.conftest import client_for
from tests.territories.conftest import CRESTOIS_SIREN, SAILLANS

EPCI_URL = reverse("territories:epci_detail", args=[CRESTOIS_SIREN])
COMMUNE_URL = reverse("territories:commune_detail", args=[SAILLANS])


def test_they_require_login(client, db):
    for url in (EPCI_URL, COMMUNE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_unknown_codes_are_404(outsider):
    client = client_for(outsider)
    assert client.get(reverse("territories:epci_detail", args=["123456789"])).status_code == 404
    assert client.get(reverse("territories:commune_detail", args=["99999"])).status_code == 404


def test_the_epci_page_lists_its_communes_and_offers_to_create_a_territory(outsider):
    content = client_for(outsider).get(EPCI_URL).content.decode()
    assert "<h1>CC du Crestois et de Pays de Saillans Coeur de Drôme</h1>" in content
    assert "Communauté de communes · SIREN 200040509" in content
    assert content.count('<td data-label="Commune">') == 14
    assert f'<a href="/territoires/commune/{SAILLANS}/">Saillans</a>' in content
    assert f"{reverse('territories:create')}?depuis=epci&amp;epci={CRESTOIS_SIREN}" in content
    assert "Créer un territoire à partir de cet EPCI" in content


def test_the_commune_page_shows_where_it_is_and_the_visible_territories_holding_it(
    outsider, shared_territory, private_territory
):
    content = client_for(outsider).get(COMMUNE_URL).content.decode()
    assert "<h1>Saillans</h1>" in content
    assert "<dd>Drôme (26)</dd>" in content
    assert "<dd>Auvergne-Rhône-Alpes</dd>" in content
    assert f'href="/territoires/epci/{CRESTOIS_SIREN}/"' in content
    assert "<dt>Code postal</dt><dd>26340</dd>" in content
    assert "<dd>1\xa0460\xa0habitants</dd>" in content
    assert "<dt>Anciens codes INSEE</dt><dd>26371</dd>" in content
    # The shared territory counts both its communes, not only Saillans.
    assert "Pays de Saillans</a> — pays, 2 communes, 1\xa0534\xa0habitants" in content
    assert "Vallée de la Drôme" not in content


def test_they_run_a_fixed_number_of_queries(outsider, shared_territory, django_assert_num_queries):
    client = client_for(outsider)
    client.get(COMMUNE_URL)
    # 1 session, 2 user, 3 the EPCI, 4 its communes with their départements, 5 territories
    with django_assert_num_queries(5):
        client.get(EPCI_URL)
    # 1 session, 2 user, 3 the commune with département, région and EPCI, 4 territories
    with django_assert_num_queries(4):
        client.get(COMMUNE_URL)
