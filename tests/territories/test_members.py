from django.urls import reverse

from essaim.roles.models import Role
from tests.conftest import client_for


def url(territory) -> str:
    return reverse("territories:members", args=[territory.pk])


def test_owners_manage_the_members_of_a_territory(owner, outsider, private_territory):
    client = client_for(owner)
    page = client.get(url(private_territory)).content.decode()
    assert "Membres de « Vallée de la Drôme »" in page
    response = client.post(
        url(private_territory),
        {"action": "add", "add-email": outsider.email, "add-role": Role.READER},
    )
    assert response.status_code == 302
    assert private_territory.role_of(outsider) == Role.READER


def test_others_may_not(outsider, editor, private_territory):
    assert client_for(outsider).get(url(private_territory)).status_code == 404
    assert client_for(editor).get(url(private_territory)).status_code == 403
