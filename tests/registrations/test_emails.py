"""What registrants receive: the confirmation and its .ics, the pending and waiting-list
messages, the offer of a freed place, the cancellation. The meeting link goes to confirmed
registrants only."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from essaim.registrations import services
from essaim.registrations.models import Registration
from essaim.trainings.models import Access, Format
from tests.registrations.helpers import NOW, calendar_attached, person, session_of, slots_of

pytestmark = pytest.mark.django_db
MEETING = "https://visio.example.org/essaim-session"


@pytest.fixture
def send(mailoutbox, django_capture_on_commit_callbacks):
    """Run a workflow and return the e-mails it sent once committed."""

    def run(workflow, *args, **kwargs):
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            result = workflow(*args, **kwargs)
        return result, mailoutbox[before:]

    return run


def test_the_confirmation_carries_the_slots_the_personal_link_and_an_ics(send):
    session = session_of(
        slots=3, title="Accompagner le changement d'échelle", contact_name="Mylène Thou"
    )
    chosen = slots_of(session)[:2]
    registration, (message,) = send(
        services.register, session, data=person(1), slots=chosen, now=NOW
    )
    assert message.subject == "Inscription confirmée : Accompagner le changement d'échelle"
    assert message.to == ["camille.martin1@example.org"]
    assert message.reply_to == ["contact@example.org"]
    body = message.body
    assert "Bonjour Camille," in body
    assert "Votre inscription est confirmée" in body
    assert "Séance 1" in body and "Séance 2" in body and "Séance 3" not in body
    assert ", 10h30-12h : Séance 1\n" in body
    assert reverse("registrations:mine", args=[registration.token]) in body
    assert f"Lien de connexion : {MEETING}" in body
    assert "Contact : Mylène Thou, contact@example.org" in body

    calendar = calendar_attached(message)
    events = calendar.walk("VEVENT")
    assert len(events) == 2  # the slots attended
    first = events[0]
    assert str(first["summary"]) == "Accompagner le changement d'échelle — Séance 1"
    assert first["dtstart"].dt == chosen[0].starts_at
    assert first["dtend"].dt - first["dtstart"].dt == datetime.timedelta(minutes=90)
    assert str(first["location"]) == MEETING
    assert MEETING in str(first["description"])
    assert str(first["url"]).endswith(session.get_absolute_url())


def test_an_in_person_confirmation_gives_the_place(send):
    session = session_of(
        format=Format.IN_PERSON,
        venue="Maison du Parc",
        address="38380 Saint-Pierre",
        meeting_url="",
    )
    _, (message,) = send(services.register, session, data=person(), now=NOW)
    assert "Lieu : Maison du Parc, 38380 Saint-Pierre." in message.body
    event = calendar_attached(message).walk("VEVENT")[0]
    assert str(event["location"]) == "Maison du Parc, 38380 Saint-Pierre"


def test_a_waiting_registrant_learns_their_position_and_never_the_meeting_link(send):
    session = session_of(capacity=1, offer_hours=48)
    services.register(session, data=person(1), now=NOW)
    services.register(session, data=person(2), now=NOW)
    _, (message,) = send(services.register, session, data=person(3), now=NOW)
    assert message.subject.startswith("Liste d'attente")
    assert "liste d'attente, en position 2" in message.body
    assert "48 heures" in message.body
    assert MEETING not in message.body
    assert message.attachments == []


def test_a_pending_registrant_is_told_how_to_pay_the_cotisation(send):
    session = session_of(access=Access.MEMBERS)
    registration, (message,) = send(
        services.register, session, data=person(wait_for_membership=True), now=NOW
    )
    assert message.subject.startswith("Inscription en attente")
    assert "réservée aux adhérents à jour de leur cotisation annuelle" in message.body
    assert "Votre place est réservée" in message.body
    assert MEETING not in message.body
    try:
        form = reverse("memberships:application_form")
    except NoReverseMatch:  # the membership form is published by the memberships pages
        form = None
    if form:
        assert f"{form}?inscription={registration.token}" in message.body


def test_the_offer_gives_the_deadline_and_the_link_to_take_the_place(send):
    session = session_of(capacity=1, offer_hours=24)
    holder = services.register(session, data=person(1), now=NOW)
    waiting = services.register(session, data=person(2), now=NOW)
    _, (cancellation, offer) = send(services.cancel, holder, now=NOW)
    assert cancellation.subject.startswith("Inscription annulée")
    assert cancellation.to == ["camille.martin1@example.org"]
    assert offer.subject.startswith("Une place s'est libérée")
    assert offer.to == ["camille.martin2@example.org"]
    assert reverse("registrations:accept", args=[waiting.token]) in offer.body
    assert "confirmez avant le dimanche 2 mars 2031 à 10h :" in offer.body
    assert MEETING not in offer.body


def test_after_taking_the_offer_the_confirmation_has_the_meeting_link(send):
    session = session_of(capacity=1)
    holder = services.register(session, data=person(1), now=NOW)
    waiting = services.register(session, data=person(2), now=NOW)
    services.cancel(holder, now=NOW)
    _, (message,) = send(services.accept_offer, waiting, now=NOW)
    assert message.subject.startswith("Inscription confirmée")
    assert MEETING in str(calendar_attached(message).walk("VEVENT")[0]["location"])


def test_every_email_is_recorded(send):
    session = session_of(capacity=1)
    registration, _ = send(services.register, session, data=person(), now=NOW)
    sent = registration.messages.get()
    assert sent.session == session
    assert sent.subject.startswith("Inscription confirmée")
    assert "Votre inscription est confirmée" in sent.body
    assert Registration.objects.get().messages.count() == 1
