"""The registry of personal data: « Mes données » reads what each app declares, so that a new
holder is shown, exported and erased without changing ``privacy``; and every model that keeps
an e-mail address is covered by a holder."""

import datetime
import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.urls import reverse

from essaim.accounts.models import User
from essaim.core.models import HistoryEntry, SearchEntry
from essaim.core.personal_data import Holder, holders, register, unregister
from essaim.core.search import search
from essaim.memberships.models import MembershipType
from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Invitation, Role
from essaim.scaling.models import TransferKit
from essaim.trainings.models import Speaker, TrainingSession
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, PersonFactory
from tests.privacy.factories import link_client
from tests.trainings.factories import SpeakerFactory

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"


@dataclass
class Note:
    pk: int
    email: str
    text: str


@pytest.fixture
def notebook():
    """A holder that no app declares: notes kept in memory about an address."""
    notes = [Note(1, EMAIL, "Préfère être appelée le matin"), Note(2, "autre@example.org", "…")]

    def erase(email: str, now: datetime.datetime) -> list[str]:
        mine = [note for note in notes if note.email == email]
        for note in mine:
            notes.remove(note)
        return [f"{len(mine)} note effacée"] if mine else []

    register(
        Holder(
            key="carnet",
            label="Carnet",
            models=(),
            find=lambda email: [note for note in notes if note.email == email],
            export=lambda note: {"texte": note.text},
            erase=erase,
            counts_as=("note du carnet", "notes du carnet"),
            order=99,
        )
    )
    yield notes
    unregister("carnet")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_new_holder_is_shown_exported_and_erased(notebook, django_capture_on_commit_callbacks):
    client = link_client(EMAIL)

    page = client.get(reverse("privacy:mine")).text
    assert "<strong>1</strong> note du carnet" in page
    assert "Effacer mes données</a>" in page

    document = json.loads(client.get(reverse("privacy:export")).content)
    assert document["carnet"] == [{"texte": "Préfère être appelée le matin"}]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:erase"), {"confirm": "on"}, follow=True)
    assert "Vos données ont été effacées : 1 note effacée." in response.text
    assert [note.email for note in notebook] == ["autre@example.org"]
    assert "Essaim ne conserve aucune donnée à cette adresse" in response.text


def test_a_new_holder_makes_the_address_known(
    notebook, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(None).post(reverse("privacy:request"), {"email": EMAIL})

    assert [message.to for message in mailoutbox] == [[EMAIL]]


# Every model that keeps an e-mail address has a holder ------------------------------------------

NOT_HELD_ABOUT_SOMEONE_ELSE = {
    # The account of a signed-in user: the address is their login, which they see and change
    # on their own profile page; it is not data that someone else keeps about them.
    User,
    # The contact address an organiser publishes on purpose on a session's announcement, and
    # the one of a membership type, the one published with a transfer kit: addresses of a
    # structure's staff, given to be written to.
    TrainingSession,
    MembershipType,
    TransferKit,
}


def keeps_an_email(model: type[models.Model]) -> bool:
    return any(
        isinstance(field, models.EmailField) or field.name == "email"
        for field in model._meta.get_fields()
        if field.concrete
    )


def test_every_model_keeping_an_email_address_has_a_holder():
    covered = {model for holder in holders() for model in holder.models}
    keeping = {
        model
        for model in apps.get_models()
        if model.__module__.startswith("essaim.") and keeps_an_email(model)
    }

    assert keeping - covered - NOT_HELD_ABOUT_SOMEONE_ELSE == set()
    # The walk does find them: a broken walk would pass the line above for nothing.
    assert {Person, Invitation, User} <= keeping


# Directory contacts --------------------------------------------------------------------------


@pytest.fixture
def contact():
    organisation = OrganisationFactory(name="Cap Rural")
    person = PersonFactory(
        first_name="Maïa",
        last_name="Roussel",
        email="Maia.Roussel@example.org",
        function="Chargée de mission",
        phone="04 75 00 00 00",
        organisation=organisation,
    )
    return person


def test_a_directory_contact_is_shown_and_exported(contact):
    client = link_client(EMAIL)

    page = client.get(reverse("privacy:mine")).text
    document = json.loads(client.get(reverse("privacy:export")).content)

    assert "Contacts de l'annuaire" in page and "Maïa Roussel" in page
    assert "Chargée de mission" in page and "Cap Rural" in page
    (exported,) = document["contacts"]
    assert exported["prenom"] == "Maïa"
    assert exported["organisation"] == "Cap Rural"
    assert exported["telephone"] == "04 75 00 00 00"
    entry = HistoryEntry.objects.of(contact.organisation).get(verb="privacy_export")
    assert EMAIL not in entry.summary.lower()


def test_erasing_deletes_the_contact_and_keeps_what_was_published(
    contact, owner, django_capture_on_commit_callbacks
):
    speaker = SpeakerFactory(person=contact, name="Maïa Roussel")
    contact.grant(owner, Role.OWNER)
    other = PersonFactory(first_name="Oscar", email="oscar@example.org")
    client = link_client(EMAIL)

    explained = client.get(reverse("privacy:erase")).text
    assert "1 contact de l'annuaire sera supprimé" in explained
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:erase"), {"confirm": "on"}, follow=True)

    assert "Vos données ont été effacées : 1 contact de l&#x27;annuaire supprimé." in response.text
    assert not Person.objects.filter(pk=contact.pk).exists()
    assert Person.objects.filter(pk=other.pk).exists()
    assert Speaker.objects.get(pk=speaker.pk).name == "Maïa Roussel"
    assert search(Person.objects.all(), "roussel").count() == 0
    assert not SearchEntry.objects.filter(object_id=contact.pk, title__contains="roussel")
    entry = HistoryEntry.objects.of(contact.organisation).get(verb="privacy_erasure")
    assert "Maïa" not in entry.summary and EMAIL not in entry.summary


def test_a_pending_invitation_is_exported_and_erased(contact):
    invitation = Invitation.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=contact.organisation.pk,
        email=EMAIL,
        role=Role.EDITOR,
        token_hash="x" * 64,
        expires_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    client = link_client(EMAIL)

    document = json.loads(client.get(reverse("privacy:export")).content)
    assert document["invitations"][0]["pour"] == "Cap Rural"
    client.post(reverse("privacy:erase"), {"confirm": "on"})

    assert not Invitation.objects.filter(pk=invitation.pk).exists()
