from django.urls import reverse

from essaim.organisations.models import Person
from tests.conftest import client_for


def url(person) -> str:
    return reverse("organisations:person_delete", args=[person.pk])


def test_the_owner_of_the_record_deletes_it(person, owner):
    response = client_for(owner).post(url(person), follow=True)
    assert response.redirect_chain[-1][0] == reverse("organisations:person_list")
    assert "« Mylène Thou » et toutes ses données sont supprimés" in response.content.decode()
    assert not Person.objects.exists()


def test_it_answers_405_to_get(person, owner):
    assert client_for(owner).get(url(person)).status_code == 405
    assert Person.objects.exists()


def test_it_requires_login(client, person):
    response = client.post(url(person))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert Person.objects.exists()


def test_it_is_forbidden_to_editors_and_readers(person, editor, reader):
    for user in (editor, reader):
        assert client_for(user).post(url(person)).status_code == 403
    assert Person.objects.exists()


def test_it_does_not_exist_for_outsiders(person, outsider):
    assert client_for(outsider).post(url(person)).status_code == 404
    assert Person.objects.exists()
