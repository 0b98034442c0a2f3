from django.urls import reverse

from essaim.organisations.models import Organisation
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, TerritoryFactory


def url(organisation) -> str:
    return reverse("organisations:edit", args=[organisation.pk])


def data(organisation, **changes) -> dict:
    return {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "siren": organisation.siren,
        "territory": organisation.territory_id or "",
        "website": organisation.website,
        "description": organisation.description,
        **changes,
    }


def test_it_shows_the_form_filled_in(organisation, editor):
    response = client_for(editor).get(url(organisation))
    assert response.status_code == 200
    assert 'value="Cap Rural"' in response.content.decode()


def test_an_editor_saves_the_changes(organisation, editor):
    response = client_for(editor).post(url(organisation), data(organisation, short_name="CAP"))
    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert organisation.short_name == "CAP"


def test_staff_may_edit_any_organisation(organisation, staff):
    response = client_for(staff).post(url(organisation), data(organisation, name="Cap Rural AURA"))
    assert response.status_code == 302
    assert Organisation.objects.get().name == "Cap Rural AURA"


def test_it_requires_login(client, organisation):
    response = client.get(url(organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_is_forbidden_to_readers_and_outsiders(organisation, reader, contributor, outsider):
    for user in (reader, contributor, outsider):
        assert client_for(user).get(url(organisation)).status_code == 403
        response = client_for(user).post(url(organisation), data(organisation, name="Piraté"))
        assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Cap Rural"


def test_it_refuses_the_name_of_another_organisation(organisation, editor):
    OrganisationFactory(name="UNADEL")
    response = client_for(editor).post(url(organisation), data(organisation, name="unadel"))
    assert "Une organisation porte déjà ce nom." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.name == "Cap Rural"


def test_it_keeps_a_territory_the_editor_may_not_see(organisation, editor):
    organisation.territory = TerritoryFactory(name="Périmètre confidentiel", shared=False)
    organisation.save()
    response = client_for(editor).post(url(organisation), data(organisation, short_name="CAP"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.territory.name == "Périmètre confidentiel"
