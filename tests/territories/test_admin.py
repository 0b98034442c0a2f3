from django.urls import reverse

from tests.conftest import client_for


def test_the_referential_is_read_only_in_the_admin(staff):
    client = client_for(staff)
    response = client.get(reverse("admin:territories_commune_changelist"), {"q": "Saillans"})
    assert response.status_code == 200
    assert "Saillans" in response.content.decode()
    assert client.get(reverse("admin:territories_commune_add")).status_code == 403


def test_territories_are_managed_in_the_admin(staff, shared_territory):
    client = client_for(staff)
    assert client.get(reverse("admin:territories_territory_changelist")).status_code == 200
    change = reverse("admin:territories_territory_change", args=[shared_territory.pk])
    assert client.get(change).status_code == 200
