import pytest
from django.conf import settings

from essaim.roles.models import Role
from essaim.roles.services import MembershipError, add_member, change_role, remove_member
from tests.organisations.factories import OrganisationFactory


@pytest.fixture
def organisation(owner, editor):
    organisation = OrganisationFactory(name="Cap Rural")
    organisation.grant(owner, Role.OWNER)
    organisation.grant(editor, Role.EDITOR)
    return organisation


def test_adding_a_member_grants_the_role_and_tells_them(
    organisation, owner, reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        object_role = add_member(
            obj=organisation, email=" LECTEUR@example.org ", role=Role.READER, by=owner
        )
    assert (object_role.user, object_role.role, object_role.granted_by) == (reader, "reader", owner)
    assert organisation.role_of(reader) == Role.READER
    [message] = mailoutbox
    assert message.to == ["lecteur@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.reply_to == ["proprietaire@example.org"]
    assert message.subject == "Essaim : vous avez accès à « Cap Rural »"
    assert "Bonjour Louis," in message.body
    assert "Olivia Propriétaire vous a donné accès à « Cap Rural » (organisation)" in message.body
    assert "avec le rôle « lecteur » : consulte." in message.body
    assert settings.SITE_URL + organisation.get_absolute_url() in message.body


def test_no_mail_leaves_before_the_change_is_committed(organisation, owner, reader, mailoutbox):
    add_member(obj=organisation, email=reader.email, role=Role.READER, by=owner)
    assert mailoutbox == []


def test_a_deactivated_account_cannot_be_added(organisation, owner, reader):
    reader.is_active = False
    reader.save()
    with pytest.raises(MembershipError):
        add_member(obj=organisation, email=reader.email, role=Role.READER, by=owner)


def test_a_member_cannot_be_added_twice(organisation, owner, editor):
    with pytest.raises(MembershipError) as refused:
        add_member(obj=organisation, email=editor.email, role=Role.READER, by=owner)
    assert "est déjà membre" in refused.value.message
    assert organisation.role_of(editor) == Role.EDITOR


def test_changing_a_role(organisation, owner, editor):
    change_role(obj=organisation, user=editor, role=Role.OWNER, by=owner)
    assert organisation.role_of(editor) == Role.OWNER
    change_role(obj=organisation, user=owner, role=Role.READER, by=editor)
    assert organisation.role_of(owner) == Role.READER


def test_the_last_owner_cannot_step_down(organisation, owner):
    with pytest.raises(MembershipError) as refused:
        change_role(obj=organisation, user=owner, role=Role.EDITOR, by=owner)
    assert refused.value.message == (
        "Olivia Propriétaire est le seul propriétaire de « Cap Rural » : nommez d'abord un "
        "autre propriétaire, puis changez son rôle."
    )
    assert organisation.role_of(owner) == Role.OWNER


def test_the_last_owner_cannot_be_removed(organisation, owner):
    with pytest.raises(MembershipError) as refused:
        remove_member(obj=organisation, user=owner, by=owner)
    assert "seul propriétaire" in refused.value.message
    assert organisation.role_of(owner) == Role.OWNER


def test_an_owner_may_leave_when_another_remains(organisation, owner, editor):
    change_role(obj=organisation, user=editor, role=Role.OWNER, by=owner)
    remove_member(obj=organisation, user=owner, by=owner)
    assert organisation.role_of(owner) is None
    assert organisation.role_of(editor) == Role.OWNER


def test_removing_a_member(organisation, owner, editor):
    remove_member(obj=organisation, user=editor, by=owner)
    assert organisation.role_of(editor) is None


def test_changing_someone_who_is_not_a_member_is_refused(organisation, owner, outsider):
    with pytest.raises(MembershipError) as refused:
        change_role(obj=organisation, user=outsider, role=Role.READER, by=owner)
    assert refused.value.message == "Oscar Extérieur n'est pas membre de « Cap Rural »."
    with pytest.raises(MembershipError):
        remove_member(obj=organisation, user=outsider, by=owner)


def test_members_are_listed_owners_first(organisation, owner, editor, reader, contributor):
    organisation.grant(reader, Role.READER)
    organisation.grant(contributor, Role.CONTRIBUTOR)
    roles = [member.role for member in organisation.members()]
    assert roles == ["owner", "editor", "contributor", "reader"]
