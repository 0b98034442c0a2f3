"""Who reaches the private pages of a sheet: its team by role, the library's editors; nobody
else (404), a reader without changing anything (403), nobody without an account."""

import pytest
from django.urls import reverse

from essaim.library.models import SheetContact
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.library.conftest import make_sheet


@pytest.fixture
def sheet(referential, owner, reader):
    sheet = make_sheet("Une fiche privée", published=False, owner=owner)
    sheet.grant(reader, Role.READER)
    sheet.contact = SheetContact.objects.create(sheet=sheet, name="Paul Roux")
    return sheet


def private_pages(sheet) -> list[tuple[str, str]]:
    """(method, url) of every private page of ``sheet``."""
    pk, contact = sheet.pk, sheet.contact.pk
    return [
        ("get", reverse("library:sheet", args=[pk])),
        ("get", reverse("library:sheet_preview", args=[pk])),
        ("get", reverse("library:edit_sheet", args=[pk])),
        ("get", reverse("library:add_contact", args=[pk])),
        ("get", reverse("library:edit_contact", args=[pk, contact])),
        ("post", reverse("library:remove_contact", args=[pk, contact])),
        ("get", reverse("library:sheet_members", args=[pk])),
        ("post", reverse("library:ask_review", args=[pk])),
        ("post", reverse("library:sheet_publication", args=[pk, "publier"])),
    ]


def test_an_outsider_finds_no_private_page(sheet, outsider):
    client = client_for(outsider)
    for method, url in private_pages(sheet):
        assert getattr(client, method)(url).status_code == 404, url
    assert "Une fiche privée" not in client.get(reverse("library:my_sheets")).text


def test_an_anonymous_visitor_is_sent_to_log_in(sheet):
    client = client_for(None)
    for method, url in private_pages(sheet):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/connexion/" in response["Location"], url


def test_a_reader_reads_but_changes_nothing(sheet, reader):
    client = client_for(reader)
    assert client.get(reverse("library:sheet", args=[sheet.pk])).status_code == 200
    for method, url in private_pages(sheet)[2:]:
        assert getattr(client, method)(url).status_code == 403, url
    sheet.refresh_from_db()
    assert sheet.review_requested_at is None
    assert SheetContact.objects.filter(sheet=sheet).exists()


def test_the_library_editors_read_and_edit_every_sheet(sheet, library_editor):
    client = client_for(library_editor)
    assert client.get(reverse("library:sheet", args=[sheet.pk])).status_code == 200
    assert client.get(reverse("library:edit_sheet", args=[sheet.pk])).status_code == 200
    # The team's members are the owners' to manage.
    assert client.get(reverse("library:sheet_members", args=[sheet.pk])).status_code == 403


def test_a_contact_of_another_sheet_is_not_found(sheet, owner, referential):
    other = make_sheet("Une autre", published=False, owner=owner)
    url = reverse("library:edit_contact", args=[other.pk, sheet.contact.pk])
    assert client_for(owner).get(url).status_code == 404
