"""Inviting by e-mail someone who has no account yet: the invitation, its e-mail, and the
pending invitations on the members page (resend, cancel)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import hash_token
from essaim.core.models import HistoryEntry
from essaim.lib.french import long_date
from essaim.roles.models import Invitation, Role
from essaim.roles.services import MembershipError, add_member
from tests.conftest import client_for, make_user
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory

NEWCOMER = "nouvelle.venue@example.org"
LINK = re.compile(re.escape(settings.SITE_URL) + r"/invitation/([\w-]+)/")


@pytest.fixture
def experiment(owner, editor, reader):
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse")
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(reader, Role.READER)
    return experiment


def members_url(experiment) -> str:
    return reverse("experiments:members", args=[experiment.pk])


def token_in(message) -> str:
    return LINK.search(message.body).group(1)


def invite_newcomer(experiment, owner, role=Role.CONTRIBUTOR, email=NEWCOMER):
    return add_member(obj=experiment, email=email, role=role, by=owner)


# The invitation and its e-mail --------------------------------------------------------------------


def test_an_unknown_address_gets_an_invitation_by_mail(
    experiment, owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_newcomer(experiment, owner, email="  Nouvelle.Venue@Example.org ")
    assert isinstance(invitation, Invitation)
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        NEWCOMER,
        Role.CONTRIBUTOR,
        owner,
    )
    assert invitation.target == experiment
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)
    assert invitation.accepted_at is None
    [message] = mailoutbox
    assert message.to == [NEWCOMER]
    assert message.reply_to == [owner.email]
    assert message.subject == (
        "Essaim : Olivia Propriétaire vous invite à rejoindre « Autostop organisé en Chartreuse »"
    )
    assert (
        "Olivia Propriétaire vous invite à rejoindre « Autostop organisé en Chartreuse » "
        "(expérimentation) sur Essaim, avec le rôle « contributeur » : consulte et ajoute des "
        "contributions." in message.body
    )
    expires = long_date(timezone.localtime(invitation.expires_at))
    assert f"valable jusqu'au {expires}, une seule fois" in message.body
    token = token_in(message)
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash
    assert experiment.role_of(owner) == Role.OWNER
    assert experiment.roles.count() == 3
    entry = HistoryEntry.objects.of(experiment).first()
    assert (entry.verb, entry.summary, entry.actor) == (
        "invited",
        f"Invitation envoyée à {NEWCOMER} (contributeur)",
        owner,
    )


def test_no_invitation_leaves_before_the_change_is_committed(experiment, owner, mailoutbox):
    invite_newcomer(experiment, owner)
    assert mailoutbox == []


def test_inviting_an_address_twice_is_refused_in_french(experiment, owner, editor):
    invite_newcomer(experiment, owner)
    with pytest.raises(MembershipError) as refused:
        invite_newcomer(experiment, owner, role=Role.READER, email=NEWCOMER.upper())
    assert refused.value.message == (
        f"Une invitation attend déjà la réponse de « {NEWCOMER} » : renvoyez-la depuis la liste "
        "des invitations en attente."
    )
    assert Invitation.objects.get().role == Role.CONTRIBUTOR


def test_an_expired_invitation_may_be_replaced(experiment, owner):
    first = invite_newcomer(experiment, owner)
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    second = invite_newcomer(experiment, owner, role=Role.READER)
    assert list(Invitation.objects.values_list("pk", "role")) == [(second.pk, "reader")]


def test_the_same_address_may_be_invited_to_other_objects(experiment, owner):
    other = ExperimentFactory()
    invite_newcomer(experiment, owner)
    invite_newcomer(other, owner)
    assert Invitation.objects.count() == 2


def test_the_database_keeps_one_pending_invitation_per_address(experiment, owner):
    invitation = invite_newcomer(experiment, owner)
    duplicate = Invitation(target=experiment, email=NEWCOMER, role=Role.READER, invited_by=owner)
    duplicate.new_token()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    accepted = Invitation.objects.get(pk=invitation.pk)
    accepted.accepted_at = timezone.now()
    accepted.save()
    duplicate.pk = None
    duplicate.save()
    assert Invitation.objects.count() == 2


def test_an_object_without_history_may_be_shared_by_invitation(owner, mailoutbox):
    organisation = OrganisationFactory(name="Cap Rural")
    organisation.grant(owner, Role.OWNER)
    invitation = add_member(obj=organisation, email=NEWCOMER, role=Role.READER, by=owner)
    assert invitation.target == organisation


def test_adding_an_account_clears_its_pending_invitation(experiment, owner):
    invite_newcomer(experiment, owner)
    newcomer = make_user(NEWCOMER, "Nina Nouvelle")
    add_member(obj=experiment, email=NEWCOMER, role=Role.READER, by=owner)
    assert experiment.role_of(newcomer) == Role.READER
    assert not Invitation.objects.exists()


def test_a_deactivated_account_is_not_invited(experiment, owner, outsider):
    outsider.is_active = False
    outsider.save()
    with pytest.raises(MembershipError) as refused:
        add_member(obj=experiment, email=outsider.email, role=Role.READER, by=owner)
    assert "est désactivé" in refused.value.message
    assert not Invitation.objects.exists()


def test_deleting_the_object_deletes_its_invitations(experiment, owner):
    invite_newcomer(experiment, owner)
    experiment.delete()
    assert not Invitation.objects.exists()


# The members page ---------------------------------------------------------------------------------


def test_the_owner_invites_from_the_members_page(
    experiment, owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            members_url(experiment),
            {"action": "add", "add-email": NEWCOMER, "add-role": "editor"},
            follow=True,
        )
    assert response.redirect_chain == [(members_url(experiment), 302)]
    content = response.content.decode()
    assert (
        f"{NEWCOMER} n&#x27;a pas encore de compte : une invitation lui a été envoyée. "
        "Il ou elle sera éditeur après avoir créé son compte." in content
    )
    assert "Invitations en attente" in content
    assert "1 invitation en attente" in content
    assert "Renvoyer" in content and "Annuler l'invitation" in content
    assert mailoutbox[0].to == [NEWCOMER]


def test_inviting_twice_from_the_page_is_explained_beside_the_field(
    experiment, owner, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    data = {"action": "add", "add-email": NEWCOMER, "add-role": "reader"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(members_url(experiment), data)
        response = client.post(members_url(experiment), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert f"Une invitation attend déjà la réponse de « {NEWCOMER} »" in content
    assert 'aria-invalid="true"' in content
    assert len(mailoutbox) == 1


def test_outsiders_and_non_owners_cannot_invite(experiment, editor, reader, outsider, mailoutbox):
    data = {"action": "add", "add-email": NEWCOMER, "add-role": "owner"}
    assert client_for(outsider).post(members_url(experiment), data).status_code == 404
    for user in (editor, reader):
        assert client_for(user).post(members_url(experiment), data).status_code == 403
    organisation = OrganisationFactory()
    organisation.grant(editor, Role.OWNER)
    url = reverse("organisations:members", args=[organisation.pk])
    assert client_for(outsider).post(url, data).status_code == 403
    assert client_for(None).post(url, data).status_code == 302
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_page_lists_pending_invitations_with_constant_queries(experiment, owner):
    page = client_for(owner)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = page.get(members_url(experiment))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    for number in range(3):
        invite_newcomer(experiment, owner, email=f"personne{number}@example.org")
    few, content = count_queries()
    assert "3 invitations en attente" in content
    assert "personne1@example.org" in content
    for number in range(3, 30):
        invite_newcomer(experiment, owner, email=f"personne{number}@example.org")
    many, content = count_queries()
    assert "30 invitations en attente" in content
    assert few == many


def test_an_expired_invitation_is_shown_as_such(experiment, owner):
    invitation = invite_newcomer(experiment, owner)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    content = client_for(owner).get(members_url(experiment)).content.decode()
    assert "expirée</span> depuis le" in content


def test_the_owner_resends_an_invitation_with_a_new_link(
    experiment, owner, editor, mailoutbox, django_capture_on_commit_callbacks
):
    experiment.grant(editor, Role.OWNER)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_newcomer(experiment, owner)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            members_url(experiment),
            {"action": "resend_invitation", "invitation": invitation.pk},
            follow=True,
        )
    assert (
        f"L&#x27;invitation est renvoyée à {NEWCOMER}, avec un nouveau lien valable quatorze "
        "jours." in response.content.decode()
    )
    first, second = mailoutbox
    assert second.to == [NEWCOMER]
    assert "Élise Éditrice vous invite" in second.body
    old, new = token_in(first), token_in(second)
    assert old != new
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(new)
    assert invitation.is_pending
    assert invitation.invited_by == editor
    anonymous = client_for(None)
    assert anonymous.get(reverse("roles:accept_invitation", args=[old])).status_code == 404
    assert anonymous.get(reverse("roles:accept_invitation", args=[new])).status_code == 200
    assert HistoryEntry.objects.of(experiment).first().summary == (
        f"Invitation renvoyée à {NEWCOMER}"
    )


def test_the_owner_cancels_an_invitation(
    experiment, owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_newcomer(experiment, owner)
    response = client_for(owner).post(
        members_url(experiment),
        {"action": "cancel_invitation", "invitation": invitation.pk},
        follow=True,
    )
    content = response.content.decode()
    assert f"L&#x27;invitation de {NEWCOMER} est annulée." in content
    assert "Invitations en attente" not in content
    assert not Invitation.objects.exists()
    link = reverse("roles:accept_invitation", args=[token_in(mailoutbox[0])])
    assert client_for(None).get(link).status_code == 404
    assert HistoryEntry.objects.of(experiment).first().summary == (
        f"Invitation de {NEWCOMER} annulée"
    )


def test_the_invitation_of_another_object_cannot_be_touched(experiment, owner):
    other = ExperimentFactory()
    other.grant(owner, Role.OWNER)
    invitation = invite_newcomer(other, owner)
    for action in ("cancel_invitation", "resend_invitation"):
        response = client_for(owner).post(
            members_url(experiment), {"action": action, "invitation": invitation.pk}, follow=True
        )
        assert "Cette invitation n&#x27;est plus en attente" in response.content.decode()
    assert Invitation.objects.get().pk == invitation.pk


def test_only_owners_resend_or_cancel(experiment, owner, editor, outsider):
    invitation = invite_newcomer(experiment, owner)
    data = {"action": "cancel_invitation", "invitation": invitation.pk}
    assert client_for(editor).post(members_url(experiment), data).status_code == 403
    assert client_for(outsider).post(members_url(experiment), data).status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()
