"""The attachments partial on a row's page."""

from django.urls import reverse

from tests.attachments.conftest import make_attachment
from tests.conftest import client_for


def url(visit) -> str:
    return reverse("platform_app:visit", args=[visit.pk])


def test_contributors_see_the_form_and_may_remove_their_own(visit, contributor, editor):
    make_attachment(visit, contributor, "Reçu du traiteur")
    make_attachment(visit, editor, "Charte du programme")
    content = client_for(contributor).get(url(visit)).content.decode()
    assert "Reçu du traiteur" in content and "Charte du programme" in content
    assert "lettre d&#x27;engagement" in content
    assert 'enctype="multipart/form-data"' in content
    assert content.count("Retirer") == 1


def test_readers_see_the_list_without_form_or_removal(visit, contributor, reader):
    make_attachment(visit, contributor, "Reçu du traiteur")
    content = client_for(reader).get(url(visit)).content.decode()
    assert "Reçu du traiteur" in content
    assert "multipart/form-data" not in content
    assert "Retirer" not in content


def test_the_page_queries_do_not_grow_with_the_attachments(
    visit, contributor, django_assert_max_num_queries
):
    client = client_for(contributor)
    make_attachment(visit, contributor)
    client.get(url(visit))
    with django_assert_max_num_queries(20) as one:
        client.get(url(visit))
    for number in range(5):
        make_attachment(visit, contributor, f"Pièce {number}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url(visit)).status_code == 200
