"""Removing an attachment: its uploader, or whoever edits the row."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from essaim.attachments.models import Attachment
from essaim.core.models import HistoryEntry
from tests.attachments.conftest import make_attachment
from tests.conftest import client_for


def url(attachment) -> str:
    return reverse("attachments:delete", args=[attachment.pk])


def test_the_uploader_removes_their_attachment_and_its_file(
    visit, contributor, django_capture_on_commit_callbacks
):
    attachment = make_attachment(visit, contributor)
    name = attachment.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(contributor).post(url(attachment), {"next": "/essais/visites/1/"})
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not default_storage.exists(name)
    assert HistoryEntry.objects.of(visit).first().verb == "attachment_deleted"


def test_an_editor_removes_anyone_s_attachment(visit, contributor, editor):
    attachment = make_attachment(visit, contributor)
    response = client_for(editor).post(url(attachment))
    assert response.status_code == 302
    assert response.url == visit.get_absolute_url()
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("persona", ["contributor", "reader"])
def test_others_may_not_remove_it(visit, editor, persona, request):
    attachment = make_attachment(visit, editor)
    assert client_for(request.getfixturevalue(persona)).post(url(attachment)).status_code == 403
    assert Attachment.objects.exists()


def test_outsiders_get_a_404_anonymous_visitors_the_login_page(visit, editor, outsider):
    attachment = make_attachment(visit, editor)
    assert client_for(outsider).post(url(attachment)).status_code == 404
    response = client_for(None).post(url(attachment))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert client_for(editor).get(url(attachment)).status_code == 405
    assert Attachment.objects.exists()


def test_deleting_the_row_deletes_its_attachments(visit, editor):
    make_attachment(visit, editor)
    visit.delete()
    assert not Attachment.objects.exists()
