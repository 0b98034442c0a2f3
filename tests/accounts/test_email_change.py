"""Changing one's login address: pending until the link sent to the new address is followed,
and the page never says whether another account uses the address."""

import re

import pytest
from django.urls import reverse

from essaim.accounts.tokens import EMAIL_CHANGE_VALIDITY, EmailChangeTokenGenerator
from essaim.roles.models import Role
from essaim.roles.services import MembershipError, accept_invitation, invite
from tests.conftest import client_for

PROFILE_URL = reverse("accounts:profile")


@pytest.fixture(autouse=True)
def mails_sent_on_commit(django_capture_on_commit_callbacks, monkeypatch):
    """The mails leave once the request's transaction is committed, as in production."""
    from django.test import Client

    request = Client.request

    def committed(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(Client, "request", committed)


def ask_for(client, owner, address: str):
    return client.post(PROFILE_URL, {"full_name": owner.full_name, "email": address}, follow=True)


def link_in(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/compte/adresse/confirmer/\S+/)", message.body)[1]


def test_the_new_address_waits_for_its_link(owner, mailoutbox):
    client = client_for(owner)
    response = ask_for(client, owner, "Olivia.Martin@Example.org")
    page = response.content.decode()
    assert "Un lien de confirmation vient d&#x27;être envoyé à olivia.martin@example.org" in page
    assert "Nouvelle adresse en attente de confirmation" in page
    owner.refresh_from_db()
    assert owner.email == "proprietaire@example.org"
    assert owner.pending_email == "olivia.martin@example.org"
    [message] = mailoutbox
    assert message.to == ["olivia.martin@example.org"]
    assert message.subject == "Essaim : confirmer votre nouvelle adresse e-mail"
    assert "olivia.martin@example.org" not in link_in(message)


def test_following_the_link_changes_the_address_and_tells_the_former_one(owner, mailoutbox):
    client = client_for(owner)
    ask_for(client, owner, "olivia.martin@example.org")
    link = link_in(mailoutbox[0])

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    owner.refresh_from_db()
    assert owner.email == "proprietaire@example.org"  # a GET changes nothing
    assert "Confirmer la nouvelle adresse" in confirm_page.content.decode()

    response = client.post(link, follow=True)
    assert "Votre adresse de connexion est désormais olivia.martin@example.org" in (
        response.content.decode()
    )
    owner.refresh_from_db()
    assert (owner.email, owner.pending_email) == ("olivia.martin@example.org", "")
    notice = mailoutbox[-1]
    assert notice.to == ["proprietaire@example.org"]
    assert notice.subject == "Essaim : votre adresse de connexion a changé"
    assert "olivia.martin@example.org" in notice.body

    again = client.post(link)
    assert again.status_code == 400
    assert "Ce lien n&#x27;est plus valable" in again.content.decode()


def test_an_address_of_another_account_gets_the_same_answer_and_a_notice(owner, editor, mailoutbox):
    free = ask_for(client_for(owner), owner, "libre@example.org").content.decode()
    mailoutbox.clear()
    taken = ask_for(client_for(owner), owner, editor.email.upper()).content.decode()

    def said(page: str, address: str) -> str:
        return re.search(r"Un lien de confirmation.*?suivi\.", page, re.S)[0].replace(address, "…")

    assert said(free, "libre@example.org") == said(taken, editor.email)
    assert "autre compte" not in taken
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert message.subject == "Essaim : quelqu'un a voulu utiliser votre adresse"
    assert "rien n'a changé" in message.body
    assert "/compte/adresse/confirmer/" not in message.body
    owner.refresh_from_db()
    editor.refresh_from_db()
    assert owner.email == "proprietaire@example.org"
    assert editor.email == "editrice@example.org"


def test_a_claimed_address_does_not_receive_the_invitations_made_to_it(
    owner, outsider, mailoutbox, training_session
):
    invitation = invite(
        obj=training_session, email="future@example.org", role=Role.EDITOR, by=owner
    )
    ask_for(client_for(outsider), outsider, "future@example.org")
    outsider.refresh_from_db()
    with pytest.raises(MembershipError, match=r"adressée à future@example\.org"):
        accept_invitation(invitation=invitation, user=outsider)


def test_the_link_works_only_for_its_account(owner, outsider, mailoutbox):
    ask_for(client_for(owner), owner, "olivia.martin@example.org")
    link = link_in(mailoutbox[0])
    response = client_for(outsider).post(link)
    assert response.status_code == 400
    owner.refresh_from_db()
    outsider.refresh_from_db()
    assert owner.email == "proprietaire@example.org"
    assert outsider.email != "olivia.martin@example.org"


def test_an_expired_link_is_refused(owner, mailoutbox, monkeypatch):
    client = client_for(owner)
    ask_for(client, owner, "olivia.martin@example.org")
    link = link_in(mailoutbox[0])
    later = EmailChangeTokenGenerator()._now() + EMAIL_CHANGE_VALIDITY * 2
    monkeypatch.setattr(EmailChangeTokenGenerator, "_now", lambda self: later)
    response = client.post(link)
    assert response.status_code == 400
    owner.refresh_from_db()
    assert owner.email == "proprietaire@example.org"


def test_a_newer_request_replaces_the_older_link(owner, mailoutbox):
    client = client_for(owner)
    ask_for(client, owner, "premiere@example.org")
    ask_for(client, owner, "seconde@example.org")
    assert client.post(link_in(mailoutbox[0])).status_code == 400
    client.post(link_in(mailoutbox[1]))
    owner.refresh_from_db()
    assert owner.email == "seconde@example.org"


def test_an_address_taken_before_the_link_is_followed_is_refused_in_french(
    owner, mailoutbox, django_user_model
):
    client = client_for(owner)
    ask_for(client, owner, "olivia.martin@example.org")
    django_user_model.objects.create_user(email="olivia.martin@example.org", password="x" * 12)
    response = client.post(link_in(mailoutbox[0]))
    assert response.status_code == 400
    assert "est désormais celle d&#x27;un autre compte" in response.content.decode()
    owner.refresh_from_db()
    assert owner.email == "proprietaire@example.org"


def test_the_link_needs_to_be_signed_in(owner, mailoutbox, client):
    ask_for(client_for(owner), owner, "olivia.martin@example.org")
    response = client.get(link_in(mailoutbox[0]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
