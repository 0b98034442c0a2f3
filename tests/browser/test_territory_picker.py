"""The commune picker in a real browser: typing, keyboard, chips, submission."""

import pytest

from essaim.accounts.models import User
from essaim.territories.models import Territory
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    # The live server's request threads leave SQLite connections for the garbage collector;
    # loading the referential below allocates enough to collect them during these tests.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def officer(transactional_db, referential) -> User:
    return User.objects.create_user(
        email="agent@example.org", password="Crestois-Saillans-26", full_name="Agathe Développement"
    )


def test_communes_are_picked_with_the_keyboard_and_removed(
    live_server, page, officer, screenshot_dir
):
    sign_in(page, live_server)
    page.goto(live_server.url + "/territoires/nouveau/?depuis=communes")
    page.get_by_label("Nom du territoire").fill("Vallée de la Drôme")

    search = page.get_by_role("searchbox", name="Communes")
    search.fill("saillans")
    option = page.get_by_role("button", name="Saillans (26289)")
    option.wait_for()
    assert "trouvée" in page.locator("#id_communes-statut").inner_text()
    search.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.value") == "26289"
    page.keyboard.press("Enter")
    chips = page.get_by_role("list", name="Communes choisies")
    assert chips.get_by_text("Saillans (26289)").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_communes"

    search.fill("crest")
    page.get_by_role("button", name="Crest (26108)").wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    search.fill("26368")
    page.get_by_role("button", name="Vercheny (26368)").click()
    page.screenshot(path=screenshot_dir / "territoire-choix-communes.png", full_page=True)

    page.get_by_role("button", name="Retirer Crest (26108)").click()
    assert page.locator("#id_communes-statut").inner_text() == "Retiré : Crest (26108)."
    search.press("Enter")  # Enter in the search box does not send the form
    assert "/nouveau/" in page.url

    page.get_by_role("button", name="Créer le territoire").click()
    page.get_by_role("heading", name="Vallée de la Drôme").wait_for()
    territory = Territory.objects.get()
    assert sorted(territory.communes.values_list("insee_code", flat=True)) == ["26289", "26368"]


def test_the_way_of_creating_switches_without_reloading_the_page(live_server, page, officer):
    sign_in(page, live_server)
    page.goto(live_server.url + "/territoires/nouveau/")
    page.get_by_role("link", name="À partir d'un département").click()
    page.get_by_label("Département").wait_for()
    assert page.url.endswith("?depuis=departement")
    page.get_by_label("Département").select_option("26")
    page.get_by_role("button", name="Créer le territoire").click()
    page.get_by_role("heading", name="Drôme").wait_for()
    assert Territory.objects.get().kind == "departement"
