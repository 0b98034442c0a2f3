"""Asking for one's data: the same answer whatever the address, a link only to known ones."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from essaim.core.models import HistoryEntry
from essaim.privacy.models import AccessLink
from essaim.privacy.tasks import send_access_link
from essaim.registrations.anonymisation import anonymise_registrations
from tests.conftest import client_for
from tests.core.test_tasks import dummy_tasks  # noqa: F401 (a fixture)
from tests.memberships.factories import MembershipFactory
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
URL = reverse("privacy:request")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def ask(email: str, capture):
    with capture(execute=True):
        return client_for(None).post(URL, {"email": email})


def link_in(message) -> str:
    (url,) = re.findall(re.escape(settings.SITE_URL) + r"(/mes-donnees/lien/\S+/)", message.body)
    return url


def test_it_shows_the_form_to_anyone_and_the_footer_links_to_it():
    response = client_for(None).get(reverse("core:home"))
    assert f'href="{URL}"' in response.content.decode()

    response = client_for(None).get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Mes données personnelles</h1>" in page
    assert 'name="email"' in page
    assert 'name="robots" content="noindex"' in page


def test_a_known_address_receives_a_link_to_its_data(
    mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(email="maia.roussel@example.org", first_name="Maïa")

    response = ask("  Maia.Roussel@Example.org ", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == URL + "?envoye=1"
    (message,) = mailoutbox
    assert message.to == ["maia.roussel@example.org"]
    assert message.subject == "Vos données personnelles dans Essaim"
    assert "valable 24 heures" in message.body
    url = link_in(message)
    assert "maia" not in url  # the address is not written in clear in the link
    page = client_for(None).get(url, follow=True)
    assert page.redirect_chain == [(reverse("privacy:mine"), 302)]
    assert page.status_code == 200
    assert escape(registration.session.title) in page.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    mailoutbox, django_capture_on_commit_callbacks
):
    RegistrationFactory(email="maia.roussel@example.org")
    known = ask("maia.roussel@example.org", django_capture_on_commit_callbacks)
    unknown = ask("personne@example.org", django_capture_on_commit_callbacks)

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert unknown.content == known.content
    assert [message.to for message in mailoutbox] == [["maia.roussel@example.org"]]
    page = client_for(None).get(unknown["Location"]).content.decode()
    assert "Si Essaim conserve des données à cette adresse, un e-mail vient d'y être envoyé" in (
        page
    )
    assert "personne@example.org" not in page


def test_a_member_without_registration_is_known(mailoutbox, django_capture_on_commit_callbacks):
    MembershipFactory(email="adherente@example.org")

    ask("adherente@example.org", django_capture_on_commit_callbacks)

    assert [message.to for message in mailoutbox] == [["adherente@example.org"]]


def test_an_anonymised_registration_no_longer_belongs_to_the_address(
    mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(email="maia.roussel@example.org")
    anonymise_registrations([registration], now=timezone.now())

    ask("maia.roussel@example.org", django_capture_on_commit_callbacks)

    assert mailoutbox == []


def test_asking_again_at_once_sends_nothing_more(mailoutbox, django_capture_on_commit_callbacks):
    RegistrationFactory(email="maia.roussel@example.org")

    first = ask("maia.roussel@example.org", django_capture_on_commit_callbacks)
    second = ask("maia.roussel@example.org", django_capture_on_commit_callbacks)

    assert first["Location"] == second["Location"]
    assert len(mailoutbox) == 1


def test_the_request_is_logged_on_the_session_without_the_address(
    mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(email="maia.roussel@example.org")

    ask("maia.roussel@example.org", django_capture_on_commit_callbacks)

    entry = HistoryEntry.objects.of(registration.session).get(verb="privacy_request")
    assert entry.summary == (
        "Demande d'accès d'une personne à ses données personnelles : lien envoyé par e-mail."
    )
    assert entry.actor is None


def test_a_wrong_address_is_explained_and_kept(mailoutbox):
    response = client_for(None).post(URL, {"email": "maia.roussel@exemple"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Cette adresse e-mail n&#x27;est pas valide" in page
    assert 'value="maia.roussel@exemple"' in page
    assert mailoutbox == []


def test_an_empty_form_asks_for_the_address(mailoutbox):
    response = client_for(None).post(URL, {})

    assert response.status_code == 200
    assert "Indiquez votre adresse e-mail." in response.content.decode()
    assert mailoutbox == []


def test_the_link_is_made_for_the_address_typed(mailoutbox, django_capture_on_commit_callbacks):
    RegistrationFactory(email="maia.roussel@example.org")
    ask("maia.roussel@example.org", django_capture_on_commit_callbacks)

    token = link_in(mailoutbox[0]).split("/")[3]

    assert AccessLink.read(token).email == "maia.roussel@example.org"


def test_other_methods_are_refused():
    assert client_for(None).put(URL).status_code == 405


def test_known_and_unknown_addresses_get_the_same_answer_after_the_same_work(
    dummy_tasks,  # noqa: F811 (the fixture imported)
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    """The request only enqueues a task, whatever the address: the worker looks it up."""
    RegistrationFactory(email="maia.roussel@example.org")
    responses = {}
    for email in ("maia.roussel@example.org", "personne@example.org"):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            responses[email] = client_for(None).post(URL, {"email": email})
        assert len(callbacks) == 1

    known, unknown = responses.values()
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert mailoutbox == []  # nothing is sent within the request
    assert not AccessLink.objects.exists()  # nor looked up
    assert [(r.task, r.kwargs) for r in dummy_tasks.results] == [
        (send_access_link, {"email": "maia.roussel@example.org"}),
        (send_access_link, {"email": "personne@example.org"}),
    ]

    for result in dummy_tasks.results:
        result.task.call(**result.kwargs)

    assert [message.to for message in mailoutbox] == [["maia.roussel@example.org"]]
