"""Searching the library in a real browser: words typed, a facet chosen, a département clicked
on the map, a sheet opened — htmx swapping the results, the address following."""

import pytest

from essaim.library.models import Synonym
from tests.library.conftest import make_sheet

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def library(transactional_db, referential):
    Synonym.objects.get_or_create(expressions="autostop organisé / covoiturage")
    make_sheet(
        "Covoiturage des vallées",
        themes=("mobilite",),
        setting="rural",
        summary="Des habitants qui covoiturent pour aller au marché.",
    )
    make_sheet("Autostop organisé à Brest", insee_code="29019", themes=("mobilite",))
    make_sheet("Épicerie solidaire", themes=("alimentation",), setting="rural")


def results(page) -> list[str]:
    return page.locator(".library-result__title a").all_inner_texts()


def test_a_visitor_searches_filters_and_opens_a_sheet(live_server, page, library):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Expériences").first.click()
    page.get_by_role("heading", name="Bibliothèque des expériences").wait_for()
    assert len(results(page)) == 3

    page.get_by_label("Mots cherchés").fill("covoiturage")  # « autostop organisé » too
    page.get_by_label("Mots cherchés").press("Enter")
    page.wait_for_url("**/experiences/?q=covoiturage*")
    page.locator(".library-search__count", has_text="2 fiches").wait_for()
    assert sorted(results(page)) == ["Autostop organisé à Brest", "Covoiturage des vallées"]
    assert "Covoiturage" in page.locator(".library-result mark").all_inner_texts()

    page.locator(".facet__value", has_text="rural").click()
    page.wait_for_url("**setting=rural*")
    page.locator(".library-search__count", has_text="1 fiche").wait_for()
    assert results(page) == ["Covoiturage des vallées"]
    page.get_by_role("link", name="Retirer le filtre Type de territoire : rural").click()
    page.locator(".library-search__count", has_text="2 fiches").wait_for()

    page.locator('a:has(path[data-code="29"])').click()
    page.wait_for_url("**departement=29*")
    page.locator(".library-search__count", has_text="1 fiche").wait_for()
    assert results(page) == ["Autostop organisé à Brest"]

    page.get_by_role("link", name="Autostop organisé à Brest").click()
    page.get_by_role("heading", level=1, name="Autostop organisé à Brest").wait_for()
