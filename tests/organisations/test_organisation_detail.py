from django.urls import reverse

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, PersonFactory


def url(organisation) -> str:
    return reverse("organisations:detail", args=[organisation.pk])


def test_it_shows_every_field_to_any_signed_in_user(organisation, outsider):
    organisation.siren = "732829320"
    organisation.website = "https://www.caprural.org"
    organisation.description = "Centre de ressources sur le développement local."
    organisation.save()
    response = client_for(outsider).get(url(organisation))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Cap Rural" in content
    assert "732829320" in content
    assert 'href="https://www.caprural.org"' in content
    assert "Centre de ressources sur le développement local." in content
    assert f'<a href="{organisation.territory.get_absolute_url()}">' in content


def test_it_requires_login(client, organisation):
    response = client.get(url(organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_answers_404_for_an_organisation_that_does_not_exist(outsider):
    assert (
        client_for(outsider).get(reverse("organisations:detail", args=[999999])).status_code == 404
    )


def test_it_shows_the_contacts_to_members_only(organisation, person, reader, outsider):
    assert "Mylène Thou" in client_for(reader).get(url(organisation)).content.decode()
    content = client_for(outsider).get(url(organisation)).content.decode()
    assert "Mylène Thou" not in content
    assert "Aucun contact pour l'instant : ajoutez" in content


def test_it_shows_a_contact_to_the_one_who_holds_a_role_on_it(outsider):
    organisation = OrganisationFactory()
    PersonFactory(organisation=organisation, first_name="Sabine", last_name="Girard").grant(
        outsider, Role.READER
    )
    PersonFactory(organisation=organisation, first_name="Daniel", last_name="Helle")
    content = client_for(outsider).get(url(organisation)).content.decode()
    assert "Sabine Girard" in content
    assert "Daniel Helle" not in content


def test_it_shows_the_members_with_their_role(organisation, outsider):
    content = client_for(outsider).get(url(organisation)).content.decode()
    assert "Olivia Propriétaire" in content
    assert "modifie, supprime et gère les membres" in content
    assert "Louis Lecteur" in content


def test_it_offers_the_actions_each_role_allows(organisation, owner, editor, reader):
    edit = reverse("organisations:edit", args=[organisation.pk])
    delete = reverse("organisations:delete", args=[organisation.pk])
    members = reverse("organisations:members", args=[organisation.pk])

    as_reader = client_for(reader).get(url(organisation)).content.decode()
    assert edit not in as_reader and delete not in as_reader and members not in as_reader

    as_editor = client_for(editor).get(url(organisation)).content.decode()
    assert edit in as_editor
    assert delete not in as_editor and members not in as_editor

    as_owner = client_for(owner).get(url(organisation)).content.decode()
    assert edit in as_owner and delete in as_owner and members in as_owner


def test_it_names_a_private_territory_without_linking_to_it(organisation, outsider):
    organisation.territory.shared = False
    organisation.territory.save()
    content = client_for(outsider).get(url(organisation)).content.decode()
    assert organisation.territory.name in content
    assert organisation.territory.get_absolute_url() not in content


def test_it_answers_405_to_post(organisation, owner):
    assert client_for(owner).post(url(organisation)).status_code == 405
