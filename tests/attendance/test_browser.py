"""The check-in on a phone, the grid on a laptop and the import of a connection report, in a
real browser."""

from pathlib import Path

import pytest

from essaim.attendance.models import Attendance, ConnectionReport, Source
from tests.attendance.factories import AttendanceFactory

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).parent / "report_corpus"


def sign_in(page, live_server, email: str) -> None:
    page.goto(live_server.url + "/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill("mot-de-passe-solide")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("heading", name="Bonjour").wait_for()


def test_checking_in_on_a_phone(
    transactional_db,
    live_server,
    page,
    webconferences,
    contributor,
    screenshot_dir,
):
    session = webconferences.session
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, contributor.email)
    page.goto(
        f"{live_server.url}/formations/{session.pk}/presences/pointage/?demi-journee=2020-06-30-matin"
    )

    counts = page.locator("#check-in-counts")
    assert "0 présent·e sur 5 inscrit·es attendu·es" in counts.inner_text()
    search = page.get_by_label("Rechercher un nom ou une organisation")
    search.fill("faure")  # without the accent: Élodie Fauré
    visible = page.locator("#check-in-list > li:visible")
    assert visible.count() == 1
    search.fill("diois")  # an organisation
    assert visible.count() == 1 and "Marie Dupont" in visible.first.inner_text()
    search.fill("")
    assert visible.count() == 5
    page.screenshot(path=screenshot_dir / "pointage-telephone.png", full_page=True)

    page.get_by_role("button", name="Marie Dupont").click()
    page.get_by_role("button", name="Annuler le pointage de Marie Dupont").wait_for()
    assert "1 présent·e sur 5 inscrit·es attendu·es" in counts.inner_text()
    record = Attendance.objects.get(registration=webconferences.registrations["Marie"])
    assert (record.present, record.source) == (True, Source.CHECK_IN)
    page.get_by_role("button", name="Élodie Fauré").click()
    page.get_by_role("button", name="Annuler le pointage de Élodie Fauré").wait_for()
    page.screenshot(path=screenshot_dir / "pointage-telephone-pointes.png", full_page=True)

    undo = page.get_by_role("button", name="Annuler le pointage de Marie Dupont")
    undo.click()
    undo.wait_for(state="detached")
    assert "1 présent·e sur 5 inscrit·es attendu·es" in counts.inner_text()
    assert not Attendance.objects.filter(
        registration=webconferences.registrations["Marie"]
    ).exists()
    # Measured once htmx has swapped and settled the row: mid-swap, its box is not laid out yet.
    page.wait_for_function(
        "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )
    tap_height = page.get_by_role("button", name="Marie Dupont").bounding_box()["height"]
    assert tap_height >= 48, "une cible tactile doit être assez grande"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "la page déborde horizontalement sur un téléphone"


def test_the_grid_on_a_laptop(
    transactional_db,
    live_server,
    page,
    webconferences,
    contributor,
    screenshot_dir,
):
    marie, elodie = webconferences.registrations["Marie"], webconferences.registrations["Élodie"]
    first, second, third, _ = webconferences.slots
    AttendanceFactory(registration=marie, slot=first, source=Source.CHECK_IN)
    AttendanceFactory(registration=marie, slot=second, minutes=75, source=Source.REPORT)
    AttendanceFactory(registration=elodie, slot=third)
    sign_in(page, live_server, contributor.email)
    page.goto(f"{live_server.url}/formations/{webconferences.session.pk}/presences/")

    page.get_by_role("checkbox", name="Claire Galland présent·e le 30 juin, 10h-12h").check()
    page.screenshot(path=screenshot_dir / "presences-grille.png", full_page=True)
    page.get_by_role("button", name="Enregistrer les présences").click()
    page.get_by_text("1 présence enregistrée.").wait_for()
    assert Attendance.objects.get(registration=webconferences.registrations["Claire"]).present

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_dir / "presences-grille-telephone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "la page déborde horizontalement sur un téléphone"


def test_importing_a_connection_report(
    transactional_db, live_server, page, webconferences, editor, screenshot_dir
):
    session = webconferences.session
    sign_in(page, live_server, editor.email)
    page.goto(f"{live_server.url}/formations/{session.pk}/presences/")
    page.get_by_role("link", name="Importer un rapport de connexion").click()

    page.get_by_label("Séance", exact=True).select_option(
        label="Mardi 30 juin 2020, 10h-12h — L'expérimentation : premiers éléments de repère"
    )
    page.get_by_label("Rapport de connexion").set_input_files(str(CORPUS / "bad_times.csv"))
    page.get_by_role("button", name="Vérifier le fichier").click()
    page.get_by_role("heading", name="Aucune présence n'a été enregistrée").wait_for()
    page.screenshot(path=screenshot_dir / "rapport-connexion-erreurs.png", full_page=True)

    page.get_by_label("Rapport de connexion").set_input_files(str(CORPUS / "good_zoom.csv"))
    page.get_by_role("button", name="Vérifier le fichier").click()
    page.get_by_role("heading", name="Aperçu : rien n'est encore enregistré").wait_for()
    assert not Attendance.objects.exists()
    page.get_by_label("Rapprocher iPhone de Claire de").select_option(label="Galland Claire")
    page.screenshot(path=screenshot_dir / "rapport-connexion-apercu.png", full_page=True)
    page.get_by_role("button", name="Enregistrer les présences").click()

    page.get_by_text("Rapport « good_zoom.csv » importé").wait_for()
    assert ConnectionReport.objects.count() == 1
    present = Attendance.objects.filter(present=True).values_list(
        "registration__first_name", flat=True
    )
    assert sorted(present) == ["Claire", "Jean-Michel", "Marie"]
    page.screenshot(path=screenshot_dir / "presences-apres-import.png", full_page=True)
