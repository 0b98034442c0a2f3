from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from essaim.organisations.models import Organisation
from essaim.roles.models import ObjectRole
from tests.conftest import client_for


def url(organisation) -> str:
    return reverse("organisations:delete", args=[organisation.pk])


def test_the_owner_deletes_it_and_its_contacts_stay(organisation, person, owner):
    response = client_for(owner).post(url(organisation), follow=True)
    assert response.redirect_chain[-1][0] == reverse("organisations:list")
    assert "est supprimée" in response.content.decode()
    assert not Organisation.objects.exists()
    person.refresh_from_db()
    assert person.organisation is None
    content_type = ContentType.objects.get_for_model(Organisation)
    assert not ObjectRole.objects.filter(content_type=content_type).exists()


def test_it_answers_405_to_get(organisation, owner):
    assert client_for(owner).get(url(organisation)).status_code == 405
    assert Organisation.objects.exists()


def test_it_requires_login(client, organisation):
    response = client.post(url(organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert Organisation.objects.exists()


def test_it_is_forbidden_to_editors_readers_and_outsiders(organisation, editor, reader, outsider):
    for user in (editor, reader, outsider):
        assert client_for(user).post(url(organisation)).status_code == 403
    assert Organisation.objects.exists()
