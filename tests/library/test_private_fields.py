"""What a sheet keeps private never leaves it: a published sheet carries a unique mark in each
private field — internal notes, the review's remarks, a contact who did not consent (name,
e-mail, phone), its author's e-mail — and none of the marks may be found in its public page,
the open data files, the API, the Atom feed, the search page or the stored search index."""

import datetime
import json

import pytest
from django.urls import reverse

from essaim.core.models import SearchEntry
from essaim.library.models import SheetContact
from tests.conftest import client_for, make_user
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

TITLE = "Covoiturage des vallées"
SENTINELS = {
    "internal_notes": "notesinternessentinelle",
    "review_note": "remarquerelecturesentinelle",
    "contact name": "Zéphirin Sentinellecontact",
    "contact e-mail": "contact-sentinelle@example.org",
    "contact phone": "06 99 88 77 66",
    "author's e-mail": "auteur-sentinelle@example.org",
}


@pytest.fixture
def sheet(referential):
    author = make_user(SENTINELS["author's e-mail"], "Autrice de la fiche")
    sheet = make_sheet(
        TITLE,
        themes=("mobilite",),
        summary="Un réseau d'autostop organisé entre les villages.",
        internal_notes=f"À ne pas dire : {SENTINELS['internal_notes']}.",
        review_note=f"Relecture : {SENTINELS['review_note']}.",
        created_by=author,
        owner=author,
    )
    SheetContact.objects.create(
        sheet=sheet,
        name=SENTINELS["contact name"],
        email=SENTINELS["contact e-mail"],
        phone=SENTINELS["contact phone"],
        consented=False,
    )
    SheetContact.objects.create(
        sheet=sheet,
        name="Anne Publique",
        email="anne-publique@example.org",
        consented=True,
        consented_on=datetime.date(2024, 3, 1),
    )
    return sheet


def read(response) -> str:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    if response["Content-Type"].startswith("application/json"):
        # Accents as they are: a mark written « \u00e9 » would hide from the comparison.
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def assert_private(text: str, where: str, *, open_data: bool = False) -> None:
    lowered = text.lower()
    for field, sentinel in SENTINELS.items():
        assert sentinel.lower() not in lowered, f"{field} found in {where}"
    if open_data:  # names, roles and organisations only, even of the contacts who consented
        assert "anne-publique@example.org" not in lowered, f"a contact's e-mail in {where}"


def test_the_public_page_shows_no_private_field(sheet):
    page = read(client_for(None).get(reverse("library:public_sheet", args=[sheet.pk, sheet.slug])))
    assert TITLE in page and "Anne Publique" in page
    assert_private(page, "the public page")


@pytest.mark.parametrize("name", ["library:opendata_csv", "library:opendata_json"])
def test_the_open_data_files_show_no_private_field(sheet, name):
    text = read(client_for(None).get(reverse(name)))
    assert TITLE in text and "Anne Publique" in text
    assert_private(text, name, open_data=True)


def test_the_api_shows_no_private_field(sheet):
    client = client_for(None)
    listing = read(client.get("/api/v1/library/sheets"))
    detail = read(client.get(f"/api/v1/library/sheets/{sheet.pk}"))
    for where, text in (("the API list", listing), ("the API detail", detail)):
        assert TITLE in text and "Anne Publique" in text
        assert_private(text, where, open_data=True)


def test_the_feed_shows_no_private_field(sheet):
    feed = read(client_for(None).get(reverse("library:feed")))
    assert TITLE in feed
    assert_private(feed, "the Atom feed")


def test_the_search_page_shows_no_private_field(sheet):
    page = read(client_for(None).get(reverse("library:search"), {"q": TITLE}))
    assert TITLE in page
    assert_private(page, "the search page")


def test_the_search_index_holds_no_private_field(sheet):
    from essaim.lib.search_terms import index_words

    entries = list(SearchEntry.objects.values_list("title", "body"))
    assert any(index_words(TITLE) in title for title, _ in entries)
    stored = " ".join(f"{title} {body}" for title, body in entries)
    for field, sentinel in SENTINELS.items():
        for word in index_words(sentinel).split():
            if len(word) > 5:  # the words only a sentinel has
                assert word not in stored.split(), f"{field} in the search index"
    # Nobody can find the sheet by a private word either.
    for sentinel in ("notesinternessentinelle", "remarquerelecturesentinelle", "sentinellecontact"):
        page = read(client_for(None).get(reverse("library:search"), {"q": sentinel}))
        assert TITLE not in page, sentinel
