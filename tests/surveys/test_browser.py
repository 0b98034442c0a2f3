"""In a real browser: a participant answers on a phone, with the keyboard for the first notes;
an organiser reads the results on a laptop."""

import pytest

from essaim.accounts.models import User
from essaim.roles.models import Role
from essaim.surveys.models import Moment, SurveyAnswer
from essaim.surveys.services import create_default_surveys
from tests.browser.conftest import sign_in
from tests.surveys.factories import SurveyInvitationFactory, answer, past_session
from tests.trainings.factories import CycleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

TEXTS = [
    "Associer les habitants dès le cadrage de l'expérimentation.",
    "Prévoir un comité de pilotage avec les élus et un droit à l'erreur écrit.",
    "Reprendre la grille des hypothèses pour notre tiers-lieu.",
]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def laptop(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def session(transactional_db):
    session = past_session(
        days_ago=2,
        title="L'expérimentation : repères méthodologiques",
        contact_name="Mylène Thou",
        contact_email="mylene.thou@example.org",
    )
    create_default_surveys(session=session)
    return session


def test_a_participant_answers_on_a_phone(live_server, phone, session, screenshot_dir):
    invitation = SurveyInvitationFactory(survey=session.surveys.get(moment=Moment.HOT))
    phone.goto(live_server.url + invitation.get_absolute_url())
    phone.screenshot(path=screenshot_dir / "questionnaire-telephone.png", full_page=True)

    # The first two notes with the keyboard: arrows move within a group, Tab to the next one.
    phone.get_by_role("radio").first.focus()
    for _ in range(3):
        phone.keyboard.press("ArrowRight")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Space")
    phone.keyboard.press("ArrowRight")
    group = phone.get_by_role("group", name="1. Dans l'ensemble")
    assert group.get_by_role("radio", name="4 beaucoup").is_checked()
    second = phone.get_by_role("group", name="2. Les objectifs annoncés")
    assert second.get_by_role("radio", name="2 peu").is_checked()
    # The others by touch, forgetting one.
    phone.get_by_role("group", name="3. La session").get_by_text("tout à fait").click()
    phone.get_by_role("group", name="5. L'organisation").get_by_text("moyennement").click()
    phone.get_by_label("6. Qu'allez-vous mettre en application ?").fill(TEXTS[0])
    phone.get_by_role("button", name="Envoyer mes réponses").click()

    alert = phone.get_by_role("alert")
    alert.wait_for()
    assert "Vos réponses n'ont pas encore été envoyées." in alert.inner_text()
    phone.screenshot(path=screenshot_dir / "questionnaire-telephone-erreur.png", full_page=True)
    assert phone.get_by_label("6. Qu'allez-vous mettre en application ?").input_value() == TEXTS[0]
    assert group.get_by_role("radio", name="4 beaucoup").is_checked()
    alert.get_by_role("link", name="Les interventions et les témoignages").click()
    phone.get_by_role("group", name="4. Les interventions").get_by_text("beaucoup").click()
    phone.get_by_role("button", name="Envoyer mes réponses").click()

    phone.get_by_role("heading", name="Merci !").wait_for()
    phone.screenshot(path=screenshot_dir / "questionnaire-merci.png", full_page=True)
    notes = sorted(
        SurveyAnswer.objects.filter(invitation=invitation, rating__isnull=False).values_list(
            "rating", flat=True
        )
    )
    assert notes == [2, 3, 4, 4, 5]


def test_an_organiser_reads_the_results_on_a_laptop(live_server, laptop, session, screenshot_dir):
    organiser = User.objects.create_user(
        email="agent@example.org", password="Crestois-Saillans-26", full_name="Mylène Thou"
    )
    cycle = CycleFactory(title="Innovation sociale et territoriale : expérimenter")
    cycle.grant(organiser, Role.OWNER)
    session.cycle = cycle
    session.save(update_fields=["cycle"])
    other = past_session(days_ago=60, cycle=cycle, title="L'innovation sociale en pratique")
    create_default_surveys(session=other)
    for target, notes in ((session, [5, 4, 4, 3, 5, 4, 2, 5]), (other, [3, 4, 4, 5])):
        hot = target.surveys.get(moment=Moment.HOT)
        questions = list(hot.questions.all())
        for index, note in enumerate(notes):
            values = {q: max(1, note - (i % 2)) for i, q in enumerate(questions) if q.is_rating}
            values[questions[5]] = TEXTS[index % 3] if index < 3 else ""
            answer(hot, values)
        SurveyInvitationFactory(survey=hot)
        cold = target.surveys.get(moment=Moment.COLD)
        cold_questions = list(cold.questions.all())
        for note in notes[:3]:
            answer(cold, {cold_questions[0]: TEXTS[note % 3], cold_questions[2]: note})

    sign_in(laptop, live_server)
    laptop.goto(live_server.url + f"/formations/{session.pk}/satisfaction/")
    laptop.get_by_role("heading", name="Résultats").wait_for()
    laptop.screenshot(path=screenshot_dir / "satisfaction-session.png", full_page=True)
    assert laptop.get_by_role("img", name="Dans l'ensemble, êtes-vous satisfait·e").count() == 1

    laptop.get_by_role("link", name="Satisfaction sur tout le cycle").click()
    laptop.get_by_role("heading", name="Session par session").wait_for()
    laptop.screenshot(path=screenshot_dir / "satisfaction-cycle.png", full_page=True)
    rows = laptop.locator(".cycle-table tbody tr")
    assert rows.count() == 2
