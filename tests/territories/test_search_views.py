"""The endpoints the pickers query as the user types."""

import html
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from essaim.territories import referential_views
from tests.conftest import client_for
from tests.territories.conftest import CREST, CRESTOIS_SIREN, SAILLANS


def options(content: str) -> list[str]:
    return re.findall(r'data-value="([^"]+)"', content)


def status(content: str) -> str:
    match = re.search(
        r'<span id="id_communes-statut" hx-swap-oob="innerHTML">([^<]*)</span>', content
    )
    return match.group(1) if match else ""


def test_it_requires_login(client, db):
    for name in ("territories:search_communes", "territories:search_epci"):
        response = client.get(reverse(name), {"q": "saillans"})
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_it_returns_up_to_15_options_and_a_count_for_the_live_region(outsider):
    response = client_for(outsider).get(
        reverse("territories:search_communes"), {"q": "St Étienne", "picker": "id_communes"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    found = options(content)
    assert len(found) == 15
    assert found[0] == "42218"
    assert 'data-label="Saint-Étienne (42218)"' in content
    assert re.fullmatch(
        r"\d+ communes trouvées, les 15 premières sont affichées\.",
        status(content).replace("\xa0", " ").replace("\u202f", " "),
    )


def test_the_options_are_buttons_that_describe_the_commune(outsider):
    response = client_for(outsider).get(
        reverse("territories:search_communes"), {"q": "26289", "picker": "id_communes"}
    )
    content = response.content.decode()
    assert options(content) == [SAILLANS]
    assert '<button type="button" class="picker__option" data-picker-option' in content
    assert "<small>Drôme (26) · 26340 · 1\xa0460\xa0habitants</small>" in content
    assert status(content) == "1 commune trouvée."


def test_a_postal_code_finds_its_communes(outsider):
    response = client_for(outsider).get(reverse("territories:search_communes"), {"q": "26340"})
    assert SAILLANS in options(response.content.decode())


def test_nothing_found_is_said_and_an_empty_query_clears_the_list(outsider):
    client = client_for(outsider)
    url = reverse("territories:search_communes")
    empty = client.get(url, {"q": "zzzzzz", "picker": "id_communes"}).content.decode()
    assert options(empty) == []
    assert status(empty) == "Aucun résultat. Essayez un autre nom ou un code."
    cleared = client.get(url, {"q": "", "picker": "id_communes"}).content.decode()
    assert options(cleared) == [] and status(cleared) == ""


def test_a_strange_picker_id_is_not_echoed(outsider):
    response = client_for(outsider).get(
        reverse("territories:search_communes"), {"q": "saillans", "picker": '"><script>'}
    )
    content = response.content.decode()
    assert "hx-swap-oob" not in content
    assert "<script>" not in content


def test_epci_are_found_by_name_or_siren(outsider):
    client = client_for(outsider)
    url = reverse("territories:search_epci")
    by_name = client.get(url, {"q": "crestois", "picker": "id_epci"}).content.decode()
    assert options(by_name) == [CRESTOIS_SIREN]
    assert "communauté de communes · " in by_name
    by_siren = client.get(url, {"q": CRESTOIS_SIREN}).content.decode()
    assert options(by_siren) == [CRESTOIS_SIREN]


def test_it_answers_get_only(outsider):
    response = client_for(outsider).post(reverse("territories:search_communes"), {"q": "x"})
    assert response.status_code == 405


def test_it_runs_two_queries_at_most(outsider, django_assert_max_num_queries):
    client = client_for(outsider)
    client.get(reverse("territories:search_communes"), {"q": "saillans"})  # warm the session
    # 1 session, 2 user, 3 the options (with their départements), 4 the count of all matches
    with django_assert_max_num_queries(4):
        client.get(reverse("territories:search_communes"), {"q": "saint"})


# The public commune search (the registration form, no account) ---------------------------------


@pytest.fixture
def public_search(db):
    cache.clear()  # the limit counts in the cache, shared by the tests of this process
    yield reverse("territories:search_communes_public")
    cache.clear()


def test_the_public_search_needs_no_account_and_tells_only_the_referential(public_search):
    response = client_for(None).get(public_search, {"q": "26289", "picker": "id_commune"})
    content = response.content.decode()
    assert response.status_code == 200
    assert options(content) == [SAILLANS]
    assert 'data-label="Saillans (26289)"' in content
    assert "<small>Drôme (26) · 26340</small>" in content
    assert "habitants" not in content


def test_the_public_search_is_limited_per_address_with_a_french_429(public_search, monkeypatch):
    monkeypatch.setattr(referential_views, "PUBLIC_SEARCHES_PER_WINDOW", 3)
    visitor = client_for(None)
    for _ in range(3):
        assert visitor.get(public_search, {"q": "crest"}).status_code == 200
    response = visitor.get(public_search, {"q": "crest", "picker": "id_commune"})
    content = html.unescape(response.content.decode())
    assert response.status_code == 429
    assert options(content) == []
    assert "Trop de recherches en peu de temps" in content
    assert 'id="id_commune-statut"' in content  # read out by the picker's live region
    neighbour = client_for(None).get(public_search, {"q": "crest"}, REMOTE_ADDR="192.0.2.7")
    assert neighbour.status_code == 200 and CREST in options(neighbour.content.decode())


def test_the_public_search_only_answers_get(public_search):
    assert client_for(None).post(public_search, {"q": "crest"}).status_code == 405
