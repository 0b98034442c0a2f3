"""The shared members page, as the organisations app wires it."""

import pytest
from django.urls import reverse

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, PersonFactory


@pytest.fixture
def organisation(owner, editor, reader):
    organisation = OrganisationFactory(name="Cap Rural")
    organisation.grant(owner, Role.OWNER)
    organisation.grant(editor, Role.EDITOR)
    organisation.grant(reader, Role.READER)
    return organisation


def url(obj) -> str:
    return reverse("organisations:members", args=[obj.pk])


def test_the_owner_sees_the_members_and_their_roles(organisation, owner):
    response = client_for(owner).get(url(organisation))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Membres de « Cap Rural »" in content
    assert "Élise Éditrice" in content and "editrice@example.org" in content
    assert "modifie tout le contenu" in content
    assert content.count('name="csrfmiddlewaretoken"') >= 7


def test_it_requires_login(client, organisation):
    response = client.get(url(organisation))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_is_forbidden_to_outsiders_readers_and_editors(organisation, outsider, reader, editor):
    for user in (outsider, reader, editor):
        assert client_for(user).get(url(organisation)).status_code == 403
        response = client_for(user).post(
            url(organisation), {"action": "add", "add-email": user.email, "add-role": "owner"}
        )
        assert response.status_code == 403
    assert organisation.role_of(outsider) is None


def test_a_contact_record_is_a_404_for_outsiders(outsider):
    person = PersonFactory()
    response = client_for(outsider).get(reverse("organisations:person_members", args=[person.pk]))
    assert response.status_code == 404


def test_the_owner_adds_a_member_who_is_told_by_mail(
    organisation, owner, contributor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            url(organisation),
            {"action": "add", "add-email": "contributeur@example.org", "add-role": "contributor"},
            follow=True,
        )
    assert response.redirect_chain == [(url(organisation), 302)]
    assert "Camille Contributeur est maintenant contributeur" in response.content.decode()
    assert organisation.role_of(contributor) == Role.CONTRIBUTOR
    assert mailoutbox[0].to == ["contributeur@example.org"]
    assert organisation.get_absolute_url() in mailoutbox[0].body


def test_the_owner_changes_a_role(organisation, owner, editor):
    member = organisation.roles.get(user=editor)
    response = client_for(owner).post(
        url(organisation), {"action": "change", "member": member.pk, "role": "reader"}
    )
    assert response.status_code == 302
    assert organisation.role_of(editor) == Role.READER


def test_the_owner_removes_a_member(organisation, owner, reader):
    member = organisation.roles.get(user=reader)
    response = client_for(owner).post(url(organisation), {"action": "remove", "member": member.pk})
    assert response.status_code == 302
    assert organisation.role_of(reader) is None


def test_the_last_owner_is_kept_with_a_french_message(organisation, owner):
    member = organisation.roles.get(user=owner)
    client = client_for(owner)
    response = client.post(
        url(organisation), {"action": "remove", "member": member.pk}, follow=True
    )
    assert "Olivia Propriétaire est le seul propriétaire de « Cap Rural »" in (
        response.content.decode()
    )
    response = client.post(
        url(organisation), {"action": "change", "member": member.pk, "role": "reader"}, follow=True
    )
    assert "nommez d&#x27;abord un autre propriétaire" in response.content.decode()
    assert organisation.role_of(owner) == Role.OWNER


def test_an_owner_who_leaves_goes_back_to_the_organisation(organisation, owner, editor):
    organisation.grant(editor, Role.OWNER)
    member = organisation.roles.get(user=owner)
    response = client_for(owner).post(url(organisation), {"action": "remove", "member": member.pk})
    assert response.url == organisation.get_absolute_url()
    assert organisation.role_of(owner) is None


def test_the_member_of_another_object_cannot_be_touched(organisation, owner):
    other = OrganisationFactory()
    other.grant(owner, Role.OWNER)
    member = other.roles.get(user=owner)
    response = client_for(owner).post(
        url(organisation), {"action": "remove", "member": member.pk}, follow=True
    )
    assert "Ce membre n&#x27;existe plus" in response.content.decode()
    assert other.role_of(owner) == Role.OWNER


def test_it_refuses_an_unknown_role(organisation, owner, editor):
    member = organisation.roles.get(user=editor)
    client_for(owner).post(
        url(organisation), {"action": "change", "member": member.pk, "role": "roi"}
    )
    assert organisation.role_of(editor) == Role.EDITOR


def test_the_owner_of_a_contact_record_shares_it(owner, reader):
    person = PersonFactory(organisation=None)
    person.grant(owner, Role.OWNER)
    members = reverse("organisations:person_members", args=[person.pk])
    client_for(owner).post(
        members, {"action": "add", "add-email": reader.email, "add-role": "reader"}
    )
    assert client_for(reader).get(person.get_absolute_url()).status_code == 200
    assert client_for(reader).get(members).status_code == 403


def test_it_answers_405_to_delete(organisation, owner):
    assert client_for(owner).delete(url(organisation)).status_code == 405
