"""Essaim on a phone (390 px wide) and on a laptop, on the demo data: a folded menu, the current
tab and framing step in view with their titles, readable charts, a usable attendance grid."""

import pytest
from django.urls import reverse

from essaim.demo.loader import load_demo_data
from essaim.demo.owner import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, ensure_demo_admin
from essaim.evaluation.models import Indicator
from essaim.registrations.models import Registration, Status
from essaim.surveys.models import SurveyAnswer
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(transactional_db, referential):
    load_demo_data(report=lambda text: None)
    return ensure_demo_admin()


@pytest.fixture
def signed_in(demo, page, live_server):
    sign_in(page, live_server, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD)
    return page


def within_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def smallest_chart_text(page, selector: str) -> float:
    """The smallest text of the charts matched, in CSS pixels as drawn."""
    return page.eval_on_selector_all(
        selector,
        """svgs => Math.min(...svgs.flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map(
                text => parseFloat(getComputedStyle(text).fontSize) * scale);
        }))""",
    )


def test_on_a_phone_and_a_laptop(signed_in, live_server, screenshot_dir):
    """One walk through the demo (loading it is slow): each part is a function below."""
    page = signed_in
    check_the_header_folds_behind_a_menu_button_used_with_the_keyboard(
        page, live_server, screenshot_dir
    )
    check_the_current_tab_and_framing_step_are_in_view_with_their_titles(
        page, live_server, screenshot_dir
    )
    check_chart_text_stays_readable_on_a_phone(page, live_server, screenshot_dir)
    check_the_attendance_grid_keeps_the_names_in_view_with_big_boxes(
        page, live_server, screenshot_dir
    )


def check_the_header_folds_behind_a_menu_button_used_with_the_keyboard(
    page, live_server, screenshot_dir
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    header = page.locator(".site-header")
    menu_button = page.get_by_role("button", name="Menu")
    experiments = page.locator(".site-header").get_by_role("link", name="Expérimentations")

    assert header.bounding_box()["height"] <= 80
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert not experiments.is_visible()
    page.screenshot(path=screenshot_dir / "telephone-accueil.png", full_page=True)

    menu_button.focus()
    page.keyboard.press("Enter")
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert experiments.is_visible()
    assert page.get_by_role("button", name="Se déconnecter").is_visible()
    page.screenshot(path=screenshot_dir / "telephone-menu-ouvert.png")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#site-menu') !== null")
    page.keyboard.press("Escape")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert not experiments.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-button')")
    page.keyboard.press("Space")
    assert experiments.is_visible()
    page.keyboard.press("Space")
    assert not experiments.is_visible()

    page.set_viewport_size(LAPTOP)
    assert not menu_button.is_visible()
    assert experiments.is_visible()
    page.screenshot(path=screenshot_dir / "ordinateur-accueil.png", full_page=True)


def test_without_javascript_the_links_of_the_header_stay_visible(
    transactional_db, browser, live_server
):
    context = browser.new_context(locale="fr-FR", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert page.locator(".site-header").get_by_role("link", name="Sessions").is_visible()
        assert not page.get_by_role("button", name="Menu").is_visible()
    finally:
        context.close()


def check_the_current_tab_and_framing_step_are_in_view_with_their_titles(
    page, live_server, screenshot_dir
) -> None:
    indicator = Indicator.objects.filter(measurements__isnull=False).first()
    experiment = indicator.experiment
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + reverse("experiments:history", args=[experiment.pk]))
    current = page.locator('.tabs a[aria-current="page"]')
    assert current.inner_text() == "Historique"
    assert within_viewport(page, current)
    page.screenshot(path=screenshot_dir / "telephone-historique.png")

    page.goto(live_server.url + reverse("experiments:framing", args=[experiment.pk]))
    steps = page.locator(".framing-nav a")
    page.goto(live_server.url + steps.nth(steps.count() - 2).get_attribute("href"))
    titles = page.locator(".framing-nav__title")
    assert titles.count() == 9
    for number in range(titles.count()):
        assert titles.nth(number).bounding_box()["width"] > 40
    current_step = page.locator('.framing-nav a[aria-current="step"]')
    assert within_viewport(page, current_step)
    assert current_step.locator(".framing-nav__title").is_visible()
    page.screenshot(path=screenshot_dir / "telephone-cadrage.png")

    page.set_viewport_size(LAPTOP)
    page.reload()
    page.screenshot(path=screenshot_dir / "ordinateur-cadrage.png")


def check_chart_text_stays_readable_on_a_phone(page, live_server, screenshot_dir) -> None:
    indicator = Indicator.objects.filter(measurements__isnull=False).first()
    page.set_viewport_size(PHONE)
    page.goto(
        live_server.url
        + reverse("evaluation:indicator", args=[indicator.experiment_id, indicator.pk])
    )
    assert page.locator(".indicator-chart svg text").count() > 3
    assert smallest_chart_text(page, ".indicator-chart svg") >= 11
    page.screenshot(path=screenshot_dir / "telephone-indicateur.png", full_page=True)

    answer = SurveyAnswer.objects.select_related("question__survey").first()
    page.goto(live_server.url + reverse("surveys:manage", args=[answer.question.survey.session_id]))
    assert page.locator(".survey-chart svg text").count() > 3
    assert smallest_chart_text(page, ".survey-chart svg") >= 11
    page.screenshot(path=screenshot_dir / "telephone-satisfaction.png", full_page=True)


def check_the_attendance_grid_keeps_the_names_in_view_with_big_boxes(
    page, live_server, screenshot_dir
) -> None:
    registration = Registration.objects.filter(status=Status.CONFIRMED).first()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("attendance:manage", args=[registration.session_id]))

    wrap = page.locator(".attendance-grid__wrap")
    name = page.locator("tbody .attendance-grid__person").first
    box = page.locator(".attendance-grid__cell input[type=checkbox]").first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert name.evaluate("cell => getComputedStyle(cell).position") == "sticky"
    # The names (at most 10rem) leave most of the width to the boxes.
    assert name.bounding_box()["width"] <= 160
    # The page itself does not scroll sideways: the grid does, inside its frame.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wrap.evaluate("wrap => wrap.scrollWidth > wrap.clientWidth")
    before = name.bounding_box()["x"]
    wrap.evaluate("wrap => { wrap.scrollLeft = wrap.scrollWidth; }")
    assert name.bounding_box()["x"] == before
    assert within_viewport(page, name)
    page.screenshot(path=screenshot_dir / "telephone-presences.png", full_page=True)
