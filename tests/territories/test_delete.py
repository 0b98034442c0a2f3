from django.urls import reverse

from essaim.roles.models import ObjectRole
from essaim.territories.models import Commune, Territory
from tests.conftest import client_for


def url(territory) -> str:
    return reverse("territories:delete", args=[territory.pk])


def test_it_requires_login(client, private_territory):
    response = client.post(url(private_territory))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_answers_post_only(owner, private_territory):
    assert client_for(owner).get(url(private_territory)).status_code == 405
    assert Territory.objects.filter(pk=private_territory.pk).exists()


def test_only_owners_may_delete(outsider, reader, editor, private_territory):
    assert client_for(outsider).post(url(private_territory)).status_code == 404
    assert client_for(reader).post(url(private_territory)).status_code == 403
    assert client_for(editor).post(url(private_territory)).status_code == 403
    assert Territory.objects.filter(pk=private_territory.pk).exists()


def test_owners_delete_the_territory_and_its_roles_not_the_communes(owner, private_territory):
    communes = Commune.objects.count()
    response = client_for(owner).post(url(private_territory), follow=True)
    assert response.redirect_chain[-1][0] == reverse("territories:list")
    assert "Le territoire « Vallée de la Drôme » a été supprimé." in response.content.decode()
    assert not Territory.objects.filter(pk=private_territory.pk).exists()
    assert not ObjectRole.objects.filter(object_id=private_territory.pk).exists()
    assert Commune.objects.count() == communes
