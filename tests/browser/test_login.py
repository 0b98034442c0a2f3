import pytest

from essaim.accounts.models import User

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(transactional_db) -> User:
    return User.objects.create_user(
        email="agent@example.org", password="Crestois-Saillans-26", full_name="Agathe Développement"
    )


def test_a_user_logs_in_and_sees_the_dashboard(live_server, page, officer, screenshot_dir):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Adresse e-mail").fill("agent@example.org")
    page.get_by_label("Mot de passe").fill("Crestois-Saillans-26")
    page.get_by_role("button", name="Se connecter").click()

    page.get_by_role("heading", name="Bonjour Agathe").wait_for()
    assert page.get_by_role("heading", name="Par où commencer ?").is_visible()
    page.screenshot(path=screenshot_dir / "tableau-de-bord.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_dir / "tableau-de-bord-telephone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "la page déborde horizontalement sur un téléphone"


def test_the_keyboard_reaches_the_skip_link_first(live_server, page, officer):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Aller au contenu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_a_wrong_password_is_explained(live_server, page, officer):
    page.goto(live_server.url + "/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill("agent@example.org")
    page.get_by_label("Mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("alert").inner_text().count("Adresse e-mail ou mot de passe incorrect")
