"""Downloading an attachment: only through the permission check of its row, never cached."""

from django.urls import reverse

from essaim.attachments.models import Attachment
from tests.attachments.conftest import PDF, make_attachment
from tests.conftest import client_for
from tests.platform_app.factories import make_programme


def url(attachment) -> str:
    return reverse("attachments:download", args=[attachment.pk])


def test_a_reader_downloads_the_file_as_an_attachment_never_cached(visit, contributor, reader):
    attachment = make_attachment(visit, contributor)
    response = client_for(reader).get(url(attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Lettre" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_outsiders_get_a_404_and_anonymous_visitors_the_login_page(visit, contributor, outsider):
    attachment = make_attachment(visit, contributor)
    assert client_for(outsider).get(url(attachment)).status_code == 404
    response = client_for(None).get(url(attachment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_only_answers_get(visit, contributor):
    attachment = make_attachment(visit, contributor)
    assert client_for(contributor).post(url(attachment)).status_code == 405


def test_a_missing_attachment_or_a_row_that_takes_none_is_a_404(visit, owner, contributor):
    assert client_for(owner).get(reverse("attachments:download", args=[999])).status_code == 404
    attachment = make_attachment(visit, contributor)
    # Moved (by hand) onto a programme, whose model does not take attachments.
    programme = make_programme("Autre", owner=owner)
    Attachment.objects.filter(pk=attachment.pk).update(
        content_type=attachment.content_type.__class__.objects.get_for_model(programme),
        object_id=programme.pk,
    )
    assert client_for(owner).get(url(attachment)).status_code == 404


def test_no_media_address_is_exposed_on_the_page(visit, contributor, reader):
    attachment = make_attachment(visit, contributor)
    content = client_for(reader).get(reverse("platform_app:visit", args=[visit.pk])).content
    assert url(attachment).encode() in content
    assert attachment.file.name.encode() not in content
    assert b"/media/" not in content
