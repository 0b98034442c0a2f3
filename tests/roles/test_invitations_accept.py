"""The page an invitation's link leads to: the invited person creates their account (or, signed
in with the invited address, accepts) and gets the role; a link works once, and not after it
has expired."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.models import HistoryEntry
from essaim.roles.models import Invitation, Role
from essaim.roles.services import (
    MembershipError,
    accept_invitation,
    add_member,
    cancel_invitation,
)
from tests.conftest import client_for, make_user
from tests.experiments.factories import ExperimentFactory

NEWCOMER = "nouvelle.venue@example.org"
LINK = re.compile(re.escape(settings.SITE_URL) + r"(/invitation/[\w-]+/)")
SIGNUP = {
    "full_name": "Nina Nouvelle",
    "password1": "abeilles-de-chartreuse-2024",
    "password2": "abeilles-de-chartreuse-2024",
}


@pytest.fixture
def experiment(owner, reader):
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse")
    experiment.grant(owner, Role.OWNER)
    experiment.grant(reader, Role.READER)
    return experiment


@pytest.fixture
def link(experiment, owner, mailoutbox, django_capture_on_commit_callbacks) -> str:
    """The path in the e-mail sent when the owner invites an unknown address as contributor."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            reverse("experiments:members", args=[experiment.pk]),
            {"action": "add", "add-email": NEWCOMER, "add-role": "contributor"},
        )
    assert response.status_code == 302
    [message] = mailoutbox
    return LINK.search(message.body).group(1)


def test_the_invited_person_creates_an_account_and_becomes_a_member(experiment, owner, link):
    visitor = client_for(None)
    page = visitor.get(link)
    content = page.content.decode()
    assert page.status_code == 200
    assert "Rejoindre « Autostop organisé en Chartreuse »" in content
    assert (
        "Olivia Propriétaire vous invite à rejoindre « Autostop organisé en Chartreuse » "
        "(expérimentation) sur Essaim, avec le rôle <strong>contributeur</strong>" in content
    )
    assert "Créer votre compte" in content
    assert f"<dd>{NEWCOMER}</dd>" in content
    assert 'name="email"' not in content
    response = visitor.post(link, SIGNUP | {"email": "autre@example.org"}, follow=True)
    assert response.redirect_chain == [(experiment.get_absolute_url(), 302)]
    assert "Bienvenue ! Vous êtes contributeur de « Autostop organisé en Chartreuse »." in (
        response.content.decode()
    )
    user = User.objects.get(email=NEWCOMER)
    assert user.full_name == "Nina Nouvelle"
    assert user.check_password(SIGNUP["password1"])
    assert not User.objects.filter(email="autre@example.org").exists()
    assert experiment.role_of(user) == Role.CONTRIBUTOR
    assert experiment.roles.get(user=user).granted_by == owner
    invitation = Invitation.objects.get()
    assert (invitation.accepted_by, invitation.accepted_at is not None) == (user, True)
    assert response.context["user"] == user
    entry = HistoryEntry.objects.of(experiment).first()
    assert (entry.verb, entry.actor, entry.summary) == (
        "joined",
        user,
        "Nina Nouvelle a accepté l'invitation : contributeur",
    )


def test_the_link_works_only_once(experiment, link):
    client_for(None).post(link, SIGNUP)
    for visitor in (client_for(None), client_for(User.objects.get(email=NEWCOMER))):
        response = visitor.get(link)
        assert response.status_code == 410
        content = response.content.decode()
        assert "Cette invitation a déjà servi" in content
        assert "un lien d'invitation ne sert qu'une fois" in content
    again = client_for(None).post(link, SIGNUP | {"full_name": "Usurpatrice"})
    assert again.status_code == 410
    assert User.objects.filter(email=NEWCOMER).count() == 1
    assert experiment.roles.count() == 3


def test_an_expired_link_is_refused(experiment, link):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    visitor = client_for(None)
    response = visitor.get(link)
    assert response.status_code == 410
    content = response.content.decode()
    assert "Cette invitation a expiré" in content
    assert "Demandez à Olivia Propriétaire de vous la renvoyer" in content
    assert visitor.post(link, SIGNUP).status_code == 410
    assert not User.objects.filter(email=NEWCOMER).exists()
    assert experiment.roles.count() == 2


def test_an_unknown_link_is_explained(db):
    response = client_for(None).get(reverse("roles:accept_invitation", args=["nimportequoi"]))
    assert response.status_code == 404
    assert "Cette invitation n'est pas valable" in response.content.decode()


def test_the_account_form_explains_its_errors_in_french(experiment, link):
    visitor = client_for(None)
    mismatch = visitor.post(link, SIGNUP | {"password2": "autre-chose-encore-2024"})
    assert mismatch.status_code == 200
    assert "Les deux mots de passe ne correspondent pas" in mismatch.content.decode()
    weak = visitor.post(link, SIGNUP | {"password1": "azerty", "password2": "azerty"})
    content = weak.content.decode()
    assert "Ce mot de passe est trop court" in content
    assert 'aria-invalid="true"' in content
    like_the_address = visitor.post(
        link, SIGNUP | {"password1": "nouvelle.venue", "password2": "nouvelle.venue"}
    )
    assert "trop semblable" in like_the_address.content.decode()
    no_name = visitor.post(link, SIGNUP | {"full_name": "   "})
    assert no_name.status_code == 200
    assert not User.objects.filter(email=NEWCOMER).exists()
    assert Invitation.objects.get().accepted_at is None


def test_someone_signed_in_with_the_invited_address_just_accepts(experiment, link):
    newcomer = make_user(NEWCOMER, "Nina Nouvelle")
    client = client_for(newcomer)
    page = client.get(link).content.decode()
    assert "Accepter l'invitation" in page
    assert "Créer votre compte" not in page
    response = client.post(link)
    assert response.status_code == 302
    assert response.url == experiment.get_absolute_url()
    assert experiment.role_of(newcomer) == Role.CONTRIBUTOR


def test_a_member_who_accepts_keeps_the_role_they_already_hold(experiment, owner, link):
    newcomer = make_user(NEWCOMER, "Nina Nouvelle")
    experiment.grant(newcomer, Role.EDITOR)
    client_for(newcomer).post(link)
    assert experiment.role_of(newcomer) == Role.EDITOR
    assert Invitation.objects.get().accepted_by == newcomer


def test_an_existing_account_is_asked_to_sign_in_first(experiment, link):
    make_user(NEWCOMER, "Nina Nouvelle")
    visitor = client_for(None)
    content = visitor.get(link).content.decode()
    assert "Un compte Essaim utilise déjà l'adresse" in content
    login = reverse("accounts:login")
    assert f'href="{login}?next={link}"' in content
    assert visitor.post(link, SIGNUP).status_code == 200
    assert User.objects.filter(email=NEWCOMER).count() == 1
    assert Invitation.objects.get().accepted_at is None


def test_someone_signed_in_with_another_address_cannot_accept(experiment, outsider, link):
    client = client_for(outsider)
    response = client.get(link)
    assert response.status_code == 403
    content = response.content.decode()
    assert f"Cette invitation est adressée à <strong>{NEWCOMER}</strong>" in content
    assert "exterieur@example.org" in content
    assert client.post(link).status_code == 403
    assert experiment.role_of(outsider) is None
    assert Invitation.objects.get().accepted_at is None


def test_an_invitation_to_a_deleted_object_is_not_valid(experiment, link):
    experiment.delete()
    assert client_for(None).get(link).status_code == 404


def test_a_cancelled_then_accepted_race_is_refused(experiment, owner, link):
    invitation = Invitation.objects.get()
    cancel_invitation(invitation=invitation, by=owner)
    newcomer = make_user(NEWCOMER, "Nina Nouvelle")
    with pytest.raises(MembershipError) as refused:
        accept_invitation(invitation=invitation, user=newcomer)
    assert refused.value.message == "Cette invitation a déjà été acceptée ou annulée."


def test_the_page_answers_405_to_other_methods(link):
    assert client_for(None).delete(link).status_code == 405


def test_the_newcomer_is_added_directly_when_invited_again_after_signing_up(
    experiment, owner, link
):
    client_for(None).post(link, SIGNUP)
    other = ExperimentFactory()
    other.grant(owner, Role.OWNER)
    added = add_member(obj=other, email=NEWCOMER, role=Role.READER, by=owner)
    assert added.user.email == NEWCOMER
