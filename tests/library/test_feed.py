"""The Atom feed of the newest published sheets: only published sheets, only public fields."""

import pytest
from django.urls import reverse

from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db
FEED = "/experiences/flux.atom"


def test_it_is_the_url_of_the_feed():
    assert reverse("library:feed") == FEED


def test_it_lists_the_published_sheets_newest_first_with_their_public_fields(
    client, referential, owner
):
    older = make_sheet("Covoiturage des salariés", summary="Des trajets partagés.")
    newer = make_sheet("Épicerie solidaire", summary="Une épicerie & un café.")
    make_sheet("Brouillon secret", published=False)
    withdrawn = make_sheet("Fiche retirée", owner=owner)
    withdrawn.withdraw(owner, "Erreur")

    response = client.get(FEED)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert xml.index("Épicerie solidaire") < xml.index("Covoiturage des salariés")
    assert "Une épicerie &amp;amp; un café." in xml or "Une épicerie &amp; un café." in xml
    assert f"http://testserver{newer.get_public_url()}" in xml
    assert f"http://testserver{older.get_public_url()}" in xml
    assert "Brouillon secret" not in xml and "Fiche retirée" not in xml


def test_private_fields_never_reach_the_feed(client, referential, owner):
    make_sheet(
        "Tiers-lieu",
        summary="Un lieu ouvert.",
        internal_notes="notes-tres-internes",
        review_note="remarque-de-relecture",
        owner=owner,
        created_by=owner,
    )
    xml = client.get(FEED).content.decode()
    assert "Tiers-lieu" in xml
    for private in ("notes-tres-internes", "remarque-de-relecture", owner.email):
        assert private not in xml
    assert "<author>" not in xml


def test_the_feed_holds_at_most_thirty_sheets(client, referential, django_assert_max_num_queries):
    for number in range(32):
        make_sheet(f"Fiche {number}", insee_code=None)
    with django_assert_max_num_queries(3):
        xml = client.get(FEED).content.decode()
    assert xml.count("<entry>") == 30


def test_a_summary_is_escaped_in_the_feed(client, referential):
    make_sheet("Fiche piégée", summary="<script>alert(1)</script>\nDeuxième ligne & fin")
    xml = client.get(FEED).content.decode()
    assert "<script>" not in xml and "&lt;script&gt;" not in xml
    # The HTML sent is the escaped text, in paragraphs: « &lt; » escaped once more as XML.
    assert "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;br&gt;" in xml
    assert "Deuxième ligne &amp;amp; fin" in xml
