"""The catalogue in a real browser, on a laptop and on a phone: the public page of a session
keeps its registration call near the top and never scrolls sideways; the organiser's pages
open from the navigation. Screenshots go to var/screenshots/ for people to look at."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from essaim.roles.models import Role
from tests.conftest import make_user
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import (
    RegistrationQuestionFactory,
    SpeakerFactory,
    scaling_like_session,
    seed_like_cycle,
)
from tests.trainings.test_public_session import in_days

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def catalogue(transactional_db):
    organiser = make_user("mylene@example.org", "Mylène Thou")
    cycle = seed_like_cycle(in_days(10), organiser=OrganisationFactory(name="Cap Rural"))
    cycle["cycle"].grant(organiser, Role.OWNER)
    session = cycle["experimentation"]
    RegistrationFactory.create_batch(3, session=session)
    scaling = scaling_like_session(
        in_days(40),
        cycle=None,
        capacity=12,
        access="paid",
        price="45",
        format="in_person",
        venue="Maison du Parc",
        address="Place de la Mairie, 38380 Saint-Pierre-de-Chartreuse",
    )
    scaling.grant(organiser, Role.OWNER)
    experiment = ExperimentFactory(title="Les centrales villageoises")
    experiment.grant(organiser, Role.READER)
    first = scaling.testimonies.order_by("position").first()
    first.experiment = experiment
    first.save()
    SpeakerFactory(session=scaling, position=1)
    RegistrationQuestionFactory(session=scaling)
    return {"organiser": organiser, "session": session, "scaling": scaling, "cycle": cycle}


def open_page(browser, live_server, path: str, viewport: dict, user=None):
    context = browser.new_context(locale="fr-FR", viewport=viewport)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + path)
    return context, page


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_the_public_page_of_a_session_on_a_laptop_and_a_phone(
    live_server,
    browser,
    screenshot_dir,
    catalogue,
):
    session = catalogue["session"]
    for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
        context, page = open_page(browser, live_server, session.get_absolute_url(), viewport)
        page.get_by_role("heading", level=1, name=session.title).wait_for()
        assert not scrolls_sideways(page)
        button = page.get_by_role("link", name=f"S'inscrire à « {session.title} »")
        box = button.bounding_box()
        # The call to action is on the first screen, beside the text or right below its title.
        assert box is not None and box["y"] + box["height"] < viewport["height"] * 1.5
        assert page.get_by_role("link", name="Session précédente").count() == 1
        assert page.get_by_role("link", name="Session suivante").count() == 1
        page.screenshot(path=screenshot_dir / f"trainings-session-{name}.png", full_page=True)
        context.close()


def test_a_multi_day_paid_session_in_person_on_a_phone(
    live_server,
    browser,
    screenshot_dir,
    catalogue,
):
    scaling = catalogue["scaling"]
    context, page = open_page(
        browser, live_server, scaling.get_absolute_url(), PHONE, catalogue["organiser"]
    )
    page.get_by_role("heading", level=2, name="Programme").wait_for()
    assert not scrolls_sideways(page)
    assert page.get_by_role("link", name="Voir la fiche de l'expérimentation").count() == 1
    page.screenshot(path=screenshot_dir / "trainings-session-multiday-phone.png", full_page=True)
    context.close()


def test_the_catalogue_and_the_organiser_pages(
    live_server,
    browser,
    screenshot_dir,
    catalogue,
):
    organiser, scaling = catalogue["organiser"], catalogue["scaling"]
    pages = [
        ("list", "/sessions/", None, "Sessions et webconférences"),
        ("cycle", catalogue["cycle"]["cycle"].get_absolute_url(), None, None),
        ("home", "/formations/", organiser, "Sessions"),
        ("manage", f"/formations/{scaling.pk}/", organiser, scaling.title),
        ("programme", f"/formations/{scaling.pk}/programme/", organiser, scaling.title),
        ("edit", f"/formations/{scaling.pk}/modifier/", organiser, scaling.title),
        ("new", "/formations/nouvelle/", organiser, "Nouvelle session"),
        ("members", f"/formations/{scaling.pk}/organisateurs/", organiser, scaling.title),
    ]
    for name, path, user, heading in pages:
        for device, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
            context, page = open_page(browser, live_server, path, viewport, user)
            if heading:
                page.get_by_role("heading", level=1, name=heading).first.wait_for()
            assert page.title().endswith("· Essaim")
            if name in ("list", "cycle", "home", "manage"):
                assert not scrolls_sideways(page), (name, device)
            page.screenshot(path=screenshot_dir / f"trainings-{name}-{device}.png", full_page=True)
            context.close()


def test_an_organiser_publishes_a_new_session_from_the_forms(
    live_server,
    browser,
    catalogue,
):
    context, page = open_page(browser, live_server, "/formations/", LAPTOP, catalogue["organiser"])
    page.get_by_role("link", name="Nouvelle session").click()
    page.get_by_label("Titre").fill("Les tiers-lieux en milieu rural")
    day = in_days(60)
    page.get_by_label("Premier jour").fill(day.isoformat())
    page.get_by_label("Dernier jour").fill(day.isoformat())
    page.get_by_role("button", name="Créer la session").click()
    page.get_by_role("link", name="Ajouter une séance").click()
    page.get_by_label("Début").fill("10:30")
    page.get_by_label("Fin").fill("12:00")
    page.get_by_label("Intitulé").fill("Repères")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("Séance « ").first.wait_for()
    page.get_by_role("link", name="Présentation").click()
    page.get_by_role("button", name="Publier la session").click()
    page.get_by_text("La session est publiée : sa page est ouverte à tous.").wait_for()
    page.get_by_role("link", name="Voir la page publique").click()
    page.get_by_role("heading", level=1, name="Les tiers-lieux en milieu rural").wait_for()
    weekday_line = page.locator(".announcement__when li").first.inner_text()
    assert weekday_line.endswith(", 10h30-12h")
    assert str(day.year) in weekday_line
    assert datetime.date.fromisoformat(day.isoformat()) == day
    context.close()
