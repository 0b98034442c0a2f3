"""A visitor registers from the public page of a session: the form, the confirmation page, and
the e-mail with its .ics file."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from essaim.registrations.models import Registration, Status
from essaim.territories import referential_views
from tests.trainings.factories import SlotFactory, TrainingSessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
MEETING = "https://visio.example.org/essaim-session"


@pytest.fixture
def session(transactional_db):
    start = timezone.localdate() + datetime.timedelta(days=20)
    session = TrainingSessionFactory(
        title="Accompagner la pérennisation et le changement d'échelle",
        slug="perennisation-changement-echelle",
        start_date=start,
        end_date=start + datetime.timedelta(days=7),
        capacity=25,
        retention_months=36,
        contact_name="Mylène Thou",
        with_slot=False,
    )
    SlotFactory(session=session, date=start, title="Repères")
    SlotFactory(session=session, date=start + datetime.timedelta(days=7), title="Témoignages")
    return session


def test_a_visitor_registers_from_the_session_page_and_receives_the_ics(
    live_server, page, session, mailoutbox, screenshot_dir
):
    page.goto(live_server.url + session.get_absolute_url())
    assert MEETING not in page.content()
    page.get_by_role("link", name="S'inscrire").first.click()

    page.get_by_role("heading", name="S'inscrire à").wait_for()
    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label("Nom", exact=True).fill("Martin")
    page.get_by_label("Adresse e-mail").fill("camille.martin@example.org")
    page.get_by_label("Organisation ou structure").fill("Communauté de communes du Diois")
    page.get_by_label("élu·e").check()
    slots = page.get_by_role("group", name="Séances auxquelles vous assisterez")
    assert slots.get_by_role("checkbox").count() == 2
    assert all(box.is_checked() for box in slots.get_by_role("checkbox").all())
    page.get_by_label("Besoins d'accessibilité ou d'adaptation").fill("Sous-titrage")
    assert "conservés 36 mois après la session" in page.content()
    page.screenshot(path=screenshot_dir / "registration-form.png", full_page=True)

    # Without the consent, the form comes back with the message and what was typed.
    page.get_by_role("button", name="M'inscrire").click()
    page.get_by_text("Cochez cette case").wait_for()
    assert page.get_by_label("Prénom").input_value() == "Camille"

    page.get_by_label("J'accepte que ces informations soient conservées").check()
    page.get_by_role("button", name="M'inscrire").click()
    page.get_by_role("heading", name="Votre inscription est confirmée").wait_for()
    assert MEETING in page.content()  # confirmed and online: the link is on their page
    page.screenshot(path=screenshot_dir / "registration-confirmed.png", full_page=True)

    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.category == "elu"
    assert registration.slots.count() == 2
    (message,) = mailoutbox
    assert message.to == ["camille.martin@example.org"]
    assert message.subject.startswith("Inscription confirmée")
    assert f"/inscriptions/{registration.token}/" in message.body
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == (f"session-{session.start_date:%Y-%m-%d}.ics", "text/calendar")
    events = Calendar.from_ical(content).walk("VEVENT")
    assert [str(event["summary"]).split(" — ")[1] for event in events] == [
        "Repères",
        "Témoignages",
    ]
    assert str(events[0]["location"]) == MEETING


def test_the_form_reads_well_on_a_phone(live_server, browser, session, screenshot_dir):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(live_server.url + f"/sessions/{session.slug}/inscription/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    phone.screenshot(path=screenshot_dir / "registration-form-phone.png", full_page=True)
    context.close()
    assert width <= 390


def test_an_anonymous_visitor_picks_the_commune_of_their_structure(
    live_server, page, session, screenshot_dir, monkeypatch, referential
):
    cache.clear()  # the public search counts each address's searches in the cache
    page.goto(live_server.url + f"/sessions/{session.slug}/inscription/")
    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label("Nom", exact=True).fill("Martin")
    page.get_by_label("Adresse e-mail").fill("camille.martin@example.org")
    page.get_by_label("agent de développement").check()

    page.get_by_role("searchbox", name="Commune de votre structure").fill("saillans")
    page.get_by_role("button", name="Saillans (26289)").click()
    chosen = page.get_by_role("list", name="Commune choisie")
    assert chosen.get_by_text("Saillans (26289)").is_visible()
    assert page.get_by_role("heading", name="Connexion").count() == 0
    page.screenshot(path=screenshot_dir / "registration-commune.png", full_page=True)

    # Past the limit of searches, the picker reads out why, and keeps the commune chosen.
    monkeypatch.setattr(referential_views, "PUBLIC_SEARCHES_PER_WINDOW", 0)
    page.get_by_role("searchbox", name="Commune de votre structure").fill("crest")
    page.get_by_text("Trop de recherches en peu de temps").wait_for()
    assert chosen.get_by_text("Saillans (26289)").is_visible()

    page.get_by_label("J'accepte que ces informations soient conservées").check()
    page.get_by_role("button", name="M'inscrire").click()
    page.get_by_role("heading", name="Votre inscription est confirmée").wait_for()
    registration = Registration.objects.get()
    assert registration.commune.insee_code == "26289"
    assert registration.commune.departement.code == "26"
