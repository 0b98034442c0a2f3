"""axe-core on the library's pages, in a real browser: no « serious » or « critical » violation.
axe-core comes inside the ``axe-playwright-python`` package: nothing is downloaded."""

import contextlib
from pathlib import Path

import axe_playwright_python
import pytest
from django.urls import NoReverseMatch, reverse

from tests.library.conftest import make_sheet

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
GRAVE = {"serious", "critical"}


def grave_violations(page) -> list[str]:
    page.evaluate(AXE)
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}) : {[node['target'] for node in v['nodes']][:3]}"
        for v in found
        if v["impact"] in GRAVE
    ]


def library_pages(sheet) -> list[str]:
    pages = ["/experiences/?q=covoiturage", "/experiences/?departement=07", sheet.get_public_url()]
    with contextlib.suppress(NoReverseMatch):  # the notebooks' list, once it exists
        pages.append(reverse("library:notebooks"))
    return pages


def test_the_library_pages_have_no_grave_violation(live_server, page, referential):
    sheet = make_sheet(
        "Covoiturage des vallées",
        themes=("mobilite",),
        setting="rural",
        summary="Des habitants qui covoiturent pour aller au marché.",
        year_start=2019,
    )
    make_sheet("Centrale villageoise", insee_code="29019", themes=("energie",))
    for url in library_pages(sheet):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert grave_violations(page) == [], url
