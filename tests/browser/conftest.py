"""Helpers of the browser tests; the browser fixtures (Debian's chromium driven by Playwright,
no browser download) live in tests/conftest.py so that one browser serves every folder."""


def sign_in(page, live_server, email="agent@example.org", password="Crestois-Saillans-26") -> None:
    """Sign in through the login page and wait for the dashboard."""
    page.goto(live_server.url + "/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("heading", name="Bonjour").wait_for()
