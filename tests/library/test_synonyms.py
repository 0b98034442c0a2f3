"""The synonyms page of the library's editors: list, add, change, delete; nobody else."""

import pytest
from django.urls import reverse

from essaim.library.models import Synonym
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def synonym(db):
    return Synonym.objects.get_or_create(expressions="autostop organisé / covoiturage")[0]


def urls(synonym) -> list[str]:
    return [
        reverse("library:synonyms"),
        reverse("library:synonym_create"),
        reverse("library:synonym_update", args=[synonym.pk]),
        reverse("library:synonym_delete", args=[synonym.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, synonym):
    for url in urls(synonym):
        response = client.get(url)
        assert response.status_code == 302 and "/compte/" in response["Location"]


def test_others_are_refused(outsider, editor, synonym):
    for user in (outsider, editor):
        for url in urls(synonym):
            assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(reverse("library:synonym_create"), {}).status_code == 403
    assert Synonym.objects.count() == 1


def test_an_editor_sees_the_list(library_editor, synonym):
    response = client_for(library_editor).get(reverse("library:synonyms"))
    assert response.status_code == 200
    assert "autostop organisé / covoiturage" in response.content.decode()
    assert reverse("library:synonym_update", args=[synonym.pk]) in response.content.decode()


def test_an_editor_adds_a_group_written_cleanly(library_editor):
    client = client_for(library_editor)
    response = client.post(
        reverse("library:synonym_create"), {"expressions": "  tiers-lieu /  tiers lieux / fablab "}
    )
    assert response.status_code == 302
    added = Synonym.objects.get(expressions__startswith="tiers")
    assert added.terms == ["tiers-lieu", "tiers lieux", "fablab"]
    assert added.updated_by == library_editor


def test_a_group_needs_two_expressions(library_editor):
    client = client_for(library_editor)
    response = client.post(reverse("library:synonym_create"), {"expressions": "covoiturage / ;"})
    assert response.status_code == 200
    assert "au moins deux expressions" in response.content.decode()
    assert not Synonym.objects.filter(expressions__startswith="covoiturage /").exists()


def test_an_editor_changes_a_group_and_the_search_follows(library_editor, synonym, referential):
    from tests.library.conftest import make_sheet

    make_sheet("Navette", summary="Du covoiturage.")
    client = client_for(library_editor)
    page = client.get(reverse("library:synonym_update", args=[synonym.pk]))
    version = page.context["form"]["version"].value()
    response = client.post(
        reverse("library:synonym_update", args=[synonym.pk]),
        {"expressions": "autopartage / covoiturage", "version": version},
    )
    assert response.status_code == 302
    synonym.refresh_from_db()
    assert synonym.terms == ["autopartage", "covoiturage"]
    found = client.get("/experiences/", {"q": "autopartage"}).context["catalogue"].total
    assert found == 1


def test_two_editors_changing_the_same_group_do_not_undo_each_other(library_editor, synonym):
    client = client_for(library_editor)
    page = client.get(reverse("library:synonym_update", args=[synonym.pk]))
    version = page.context["form"]["version"].value()
    Synonym.objects.filter(pk=synonym.pk).update(expressions="stop organisé / covoiturage")
    response = client.post(
        reverse("library:synonym_update", args=[synonym.pk]),
        {"expressions": "autopartage / covoiturage", "version": version},
    )
    assert response.status_code == 200  # the form again, telling the other change
    synonym.refresh_from_db()
    assert synonym.expressions == "stop organisé / covoiturage"


def test_an_editor_deletes_a_group(library_editor, synonym):
    client = client_for(library_editor)
    assert client.get(reverse("library:synonym_delete", args=[synonym.pk])).status_code == 200
    response = client.post(reverse("library:synonym_delete", args=[synonym.pk]))
    assert response.status_code == 302
    assert not Synonym.objects.filter(pk=synonym.pk).exists()
