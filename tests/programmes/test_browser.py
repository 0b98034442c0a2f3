"""Writing interview notes on a phone during a listening visit, in a real browser at 390 px: the
expert opens the visit's agenda, takes notes on the slot of the interview, names the person met,
ticks the themes, writes a key quote, and finds the note on the visit's page."""

import datetime

import pytest
from django.utils import timezone

from essaim.accounts.models import User
from essaim.programmes.models import (
    GroupMember,
    Interview,
    Programme,
    ProgrammeTerritory,
    SlotKind,
    TerritoryStatus,
    Theme,
    Visit,
    VisitSlot,
)
from essaim.roles.models import Role
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
PASSWORD = "Ecoute-Trois-Vallees-15"
DAY = datetime.date(2015, 3, 12)


@pytest.fixture
def visit(transactional_db):
    expert = User.objects.create_user(
        email="martine.olivier@example.org", password=PASSWORD, full_name="Martine Olivier"
    )
    programme = Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser-pour-innover",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )
    programme.grant(expert, Role.CONTRIBUTOR)
    for name in ("Organisation de l'ingénierie", "Coopération entre territoires"):
        Theme.objects.create(programme=programme, name=name)
    territory = ProgrammeTerritory.objects.create(
        programme=programme, name="Pays des Trois Vallées", status=TerritoryStatus.CONFIRMED
    )
    visit = Visit.objects.create(
        territory=territory, start_date=DAY, end_date=DAY, place="Maison des services"
    )
    visit.experts.add(
        GroupMember.objects.create(programme=programme, name="Martine Olivier", is_expert=True)
    )
    start = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(9)))
    VisitSlot.objects.create(
        visit=visit,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        kind=SlotKind.INTERVIEW,
        title="Entretien avec la directrice des services",
        who="Sylvie Roux",
        role="technicien",
    )
    return expert, visit


def test_an_expert_writes_interview_notes_on_a_phone(live_server, browser, visit, screenshot_dir):
    expert, visit = visit
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    sign_in(page, live_server, expert.email, PASSWORD)
    page.goto(live_server.url + visit.get_absolute_url())
    page.get_by_role(
        "link", name="Prendre des notes : Entretien avec la directrice des services"
    ).click()
    page.get_by_role("heading", name="Prendre des notes").wait_for()
    assert page.get_by_label("Créneau").input_value() == str(visit.slots.get().pk)
    page.get_by_label("Ou une nouvelle personne : nom").fill("Sylvie Roux")
    page.get_by_label("Sa qualité").select_option("technicien")
    page.get_by_label("Sa fonction").fill("directrice générale des services")
    page.get_by_label("Consentement donné").check()
    page.get_by_label("Notes (facultatif)").fill(
        "Trois structures, trois agendas : l'ingénierie s'éparpille entre le pays et les "
        "communautés."
    )
    # The note's themes come first; each quote has its own below.
    page.get_by_role("checkbox", name="Organisation de l'ingénierie").first.check()
    page.get_by_label("Citation (facultatif)").first.fill(
        "On passe notre temps à répondre aux appels à projets."
    )
    page.screenshot(path=screenshot_dir / "programme-note-390.png", full_page=True)
    # Nothing sideways: the form fits the phone's width.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.get_by_role("button", name="Enregistrer la note").click()
    page.get_by_text("La note d'entretien est enregistrée.").wait_for()
    assert page.get_by_text("On passe notre temps à répondre aux appels à projets.").is_visible()
    context.close()

    interview = Interview.objects.get()
    assert interview.interviewee.name == "Sylvie Roux"
    assert interview.written_by == expert
    assert [theme.name for theme in interview.themes.all()] == ["Organisation de l'ingénierie"]
    assert interview.quotes.get().text == "On passe notre temps à répondre aux appels à projets."
    assert interview.consent_given is True
