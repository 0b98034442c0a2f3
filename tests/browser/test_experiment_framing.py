"""Framing a new experiment through the guided form, then downloading its dossier."""

import re

import pytest
from pypdf import PdfReader

from essaim.accounts.models import User
from essaim.experiments.models import Experiment
from essaim.territories.models import Territory
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture
def officer(transactional_db) -> User:
    officer = User.objects.create_user(
        email="agent@example.org", password="Crestois-Saillans-26", full_name="Agathe Développement"
    )
    territory = Territory.objects.create(name="Cœur de Chartreuse", kind="epci")
    territory.grant(officer, "owner")
    return officer


def gauge(page) -> int:
    text = page.locator(".framing-gauge__value strong").inner_text()
    return int(re.match(r"(\d+)", text).group(1))


def save_and_continue(page) -> None:
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.locator(".messages, .framing__counter").first.wait_for()


def test_an_officer_frames_an_experiment_step_by_step_and_downloads_its_dossier(
    live_server, page, officer, screenshot_dir
):
    sign_in(page, live_server)
    page.get_by_role("link", name="Expérimentations").first.click()
    page.get_by_role("link", name="Nouvelle expérimentation").click()
    page.get_by_label("Titre").fill("Autostop organisé en Chartreuse")
    page.get_by_label("Thème").select_option(label="mobilité")
    page.get_by_role("button", name="Créer et commencer le cadrage").click()

    # Step 1: the need. Each step saves, and the gauge moves.
    page.get_by_text("Étape 1 sur 9").wait_for()
    before = gauge(page)
    page.get_by_label("Quel besoin ou quel problème ?").fill(
        "Peu de transports en commun entre les villages ; des jeunes et des aînés isolés."
    )
    page.get_by_label("besoin non satisfait").check()
    page.get_by_label("Quelles finalités ?").fill("Rendre les trajets du quotidien possibles.")
    save_and_continue(page)

    # Step 2: the type of experiment.
    page.get_by_text("Étape 2 sur 9").wait_for()
    assert gauge(page) > before
    page.get_by_label("tester une solution").check()
    page.get_by_label("un service").check()
    page.get_by_role("radio", name=re.compile("cadrée, limitée dans le temps")).check()
    save_and_continue(page)

    # Step 3: a testable hypothesis, through its own small form.
    page.get_by_text("Étape 3 sur 9").wait_for()
    page.get_by_role("link", name="Ajouter une hypothèse").click()
    page.get_by_label(re.compile("Hypothèse", re.IGNORECASE)).first.fill(
        "Si les arrêts sont signalés, alors au moins 150 trajets seront partagés chaque mois."
    )
    page.get_by_role("button", name=re.compile("Enregistrer|Ajouter")).first.click()
    page.locator("#hypotheses").get_by_text("au moins 150 trajets seront partagés").wait_for()
    page.get_by_role("link", name=re.compile("Continuer : Public et périmètre")).click()

    # Step 4: the public and the territorial perimeter.
    page.get_by_text("Étape 4 sur 9").wait_for()
    page.get_by_label("Pour quel public ?").fill("Les habitants sans voiture, jeunes et aînés.")
    page.get_by_role("checkbox", name=re.compile("Cœur de Chartreuse")).check()
    save_and_continue(page)

    # Step 5: dates; a wrong order is explained in French and nothing is lost.
    page.get_by_text("Étape 5 sur 9").wait_for()
    page.get_by_label("Date de début").fill("2026-03-01")
    page.get_by_label("Date de fin").fill("2025-03-01")
    page.get_by_role("button", name="Enregistrer et continuer").click()
    page.get_by_text("La date de fin doit suivre la date de début.").wait_for()
    assert page.get_by_label("Date de début").input_value() == "2026-03-01"
    page.get_by_label("Date de fin").fill("2027-02-28")
    save_and_continue(page)
    page.get_by_text("Étape 6 sur 9").wait_for()

    experiment = Experiment.objects.get(title="Autostop organisé en Chartreuse")
    assert experiment.need.startswith("Peu de transports")
    assert experiment.purpose_type == "tester_solution"
    assert experiment.hypotheses.count() == 1
    assert list(experiment.territories.values_list("name", flat=True)) == ["Cœur de Chartreuse"]
    assert str(experiment.end_date) == "2027-02-28"
    assert gauge(page) > 40
    page.screenshot(path=screenshot_dir / "experiment-framing.png", full_page=True)

    # The whole framing on one printable page.
    page.get_by_role("link", name="Voir le canevas").click()
    page.get_by_text("Si les arrêts sont signalés").first.wait_for()
    page.screenshot(path=screenshot_dir / "experiment-canvas.png", full_page=True)

    # The overview offers the dossier; the download is a real PDF of this experiment.
    page.goto(live_server.url + experiment.get_absolute_url())
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^Dossier PDF")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = PdfReader(download.path())
    text = "\n".join(pdf_page.extract_text() for pdf_page in pdf.pages)
    assert "Autostop organisé en Chartreuse" in text
    assert "150 trajets" in text
    assert "Cœur de Chartreuse" in text
