"""``/api/v1/library/sheets``: the published sheets, open to everyone, page by page, filtered
like the search page, refused in French when a filter is out of bounds."""

import pytest
from django.test import Client

from essaim.library.models import Licence
from essaim.library.services.opendata import FIELD_NAMES
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

BASE = "/api/v1/library/sheets"


def get(path: str = "", params: dict | None = None):
    return Client().get(BASE + path, params or {})


@pytest.fixture
def sheets(referential):
    made = {
        "covoiturage": make_sheet(
            "Covoiturage rural", themes=("mobilite",), year_start=2019, licence=Licence.CC_BY
        ),
        "epicerie": make_sheet("Épicerie itinérante", insee_code="29019", year_start=2021),
        "draft": make_sheet("Brouillon", published=False),
    }
    return made


def test_it_lists_the_published_sheets_to_anyone(sheets):
    response = get()
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert {item["title"] for item in body["items"]} == {"Covoiturage rural", "Épicerie itinérante"}
    item = next(item for item in body["items"] if item["title"] == "Covoiturage rural")
    assert list(item) == list(FIELD_NAMES)
    assert item["licence"] == "cc-by-4.0"
    assert item["licence_url"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"
    assert item["themes"] == [{"slug": "mobilite", "label": "mobilité"}]
    assert item["url"] == "http://testserver" + sheets["covoiturage"].get_public_url()


def test_it_paginates(referential):
    for number in range(5):
        make_sheet(f"Fiche {number}")
    first = get(params={"limit": 2}).json()
    last = get(params={"limit": 2, "offset": 4}).json()
    assert first["count"] == 5 and len(first["items"]) == 2
    assert len(last["items"]) == 1
    # The most recently published first.
    assert [item["title"] for item in first["items"]] == ["Fiche 4", "Fiche 3"]
    assert get(params={"limit": 501}).status_code == 422


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"departement": "29"}, {"Épicerie itinérante"}),
        ({"theme": "mobilite"}, {"Covoiturage rural"}),
        ({"year": 2020}, {"Covoiturage rural"}),
        ({"q": "épicerie"}, {"Épicerie itinérante"}),
        ({"region": "53", "year": 2021}, {"Épicerie itinérante"}),
        ({"theme": "inconnu"}, set()),
    ],
)
def test_it_filters_like_the_search_page(sheets, query, expected):
    response = get(params=query)
    assert response.status_code == 200
    assert {item["title"] for item in response.json()["items"]} == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"year": 2150}, "year", "La valeur doit être inférieure ou égale à 2100."),
        ({"year": "deux-mille"}, "year", "Un nombre entier est attendu."),
        ({"setting": "lunaire"}, "setting", "Cette valeur ne fait pas partie des choix possibles"),
        ({"limit": 0}, "limit", "La valeur doit être supérieure ou égale à 1."),
    ],
)
def test_it_refuses_a_bad_filter_in_french(db, query, field, message):
    response = get(params=query)
    assert response.status_code == 422
    errors = response.json()["erreurs"]
    assert errors[0]["champ"] == field
    assert errors[0]["message"].startswith(message)


def test_it_gives_one_published_sheet_and_not_a_draft(sheets):
    response = get(f"/{sheets['covoiturage'].pk}")
    assert response.status_code == 200
    assert response.json()["title"] == "Covoiturage rural"
    assert get(f"/{sheets['draft'].pk}").status_code == 404
    assert get("/999999").status_code == 404


def test_a_withdrawn_sheet_leaves_the_api(sheets):
    sheet = sheets["epicerie"]
    sheet.withdraw(None, "Doublon")
    assert get(f"/{sheet.pk}").status_code == 404
    assert get().json()["count"] == 1


def test_the_list_is_read_in_queries_that_do_not_grow_with_the_sheets(
    referential, django_assert_max_num_queries
):
    for number in range(30):
        make_sheet(f"Fiche {number}", themes=("mobilite", "energie"))
    # The page with its count, then its themes, publics and contacts.
    with django_assert_max_num_queries(5):
        assert len(get(params={"limit": 30}).json()["items"]) == 30


def test_the_endpoints_are_documented_in_french(db):
    schema = Client().get("/api/v1/openapi.json").json()
    listing = schema["paths"][BASE]["get"]
    assert listing["summary"] == "Fiches expérience publiées"
    assert "Sans compte" in listing["description"]
    names = {parameter["name"] for parameter in listing["parameters"]}
    assert {"q", "theme", "departement", "year", "limit", "offset"} <= names
    assert "security" not in listing  # open to everyone
