"""The organiser's decisions on a registration: confirm or refuse a pending one, cancel one on
the person's behalf."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.registrations.models import MessageKind, SentMessage, Status
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.registrations.test_manage import text_of

pytestmark = pytest.mark.django_db

ACTIONS = ["confirm", "refuse", "cancel"]


def action_url(registration, action: str) -> str:
    return reverse(
        f"registrations:manage_{action}", args=[registration.session_id, registration.pk]
    )


def detail_url(registration) -> str:
    return reverse("registrations:manage_detail", args=[registration.session_id, registration.pk])


def refresh(registration):
    registration.refresh_from_db()
    return registration


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """E-mails leave once the transaction is committed: run what waits for the commit."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def pending(training_session):
    return RegistrationFactory(
        session=training_session,
        first_name="Nadia",
        last_name="Ferrand",
        email="nadia.ferrand@example.org",
        status=Status.PENDING,
        pending_reason="membership",
        confirmed_at=None,
    )


# Permissions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_an_anonymous_visitor_is_sent_to_the_login_page(pending, action, mailoutbox):
    response = client_for(None).post(action_url(pending, action))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert refresh(pending).status == Status.PENDING and mailoutbox == []


@pytest.mark.parametrize("action", ACTIONS)
def test_an_outsider_does_not_see_the_registration(pending, outsider, action, mailoutbox):
    assert client_for(outsider).post(action_url(pending, action)).status_code == 404
    assert refresh(pending).status == Status.PENDING and mailoutbox == []


@pytest.mark.parametrize("action", ACTIONS)
def test_a_reader_may_not_decide(pending, reader, action, mailoutbox):
    assert client_for(reader).post(action_url(pending, action)).status_code == 403
    assert refresh(pending).status == Status.PENDING and mailoutbox == []


@pytest.mark.parametrize("action", ACTIONS)
def test_a_decision_is_only_posted(pending, owner, action):
    assert client_for(owner).get(action_url(pending, action)).status_code == 405


@pytest.mark.parametrize("action", ACTIONS)
def test_a_registration_of_another_session_cannot_be_decided_here(training_session, owner, action):
    other = RegistrationFactory(status=Status.PENDING)
    url = reverse(f"registrations:manage_{action}", args=[training_session.pk, other.pk])
    assert client_for(owner).post(url).status_code == 404
    assert refresh(other).status == Status.PENDING


# Confirm --------------------------------------------------------------------------------------


def test_an_editor_confirms_a_pending_registration(pending, editor, mailoutbox, on_commit):
    with on_commit(execute=True):
        response = client_for(editor).post(action_url(pending, "confirm"), follow=True)

    assert response.redirect_chain[-1][0] == detail_url(pending)
    assert "L'inscription de Nadia Ferrand est confirmée" in text_of(response)
    registration = refresh(pending)
    assert registration.status == Status.CONFIRMED and registration.confirmed_at is not None
    (email,) = mailoutbox
    assert email.to == ["nadia.ferrand@example.org"]
    assert email.subject.startswith("Inscription confirmée")
    assert any(name.endswith(".ics") for name, *_ in email.attachments)
    sent = SentMessage.objects.get(registration=registration)
    assert sent.kind == MessageKind.CONFIRMATION and sent.sent_by == editor
    assert HistoryEntry.objects.filter(
        object_id=pending.session_id, summary="Inscription de Nadia Ferrand validée"
    ).exists()


def test_confirming_from_the_list_goes_back_to_the_list_with_its_filters(pending, owner):
    back = reverse("registrations:manage", args=[pending.session_id]) + "?status=pending"
    response = client_for(owner).post(action_url(pending, "confirm"), {"next": back})
    assert response["Location"] == back


def test_it_does_not_go_back_to_another_site(pending, owner):
    response = client_for(owner).post(
        action_url(pending, "confirm"), {"next": "https://example.com/"}
    )
    assert response["Location"] == detail_url(pending)


def test_a_registration_not_pending_is_not_confirmed(training_session, owner, mailoutbox):
    waiting = RegistrationFactory(
        session=training_session, last_name="Roux", status=Status.WAITING, confirmed_at=None
    )
    response = client_for(owner).post(action_url(waiting, "confirm"), follow=True)
    assert (
        "L'inscription de Camille Roux n'est pas en attente de validation "
        "(elle est en liste d'attente)."
    ) in text_of(response)
    assert refresh(waiting).status == Status.WAITING and mailoutbox == []


# Refuse ---------------------------------------------------------------------------------------


def test_an_editor_refuses_a_pending_registration_with_a_reason(
    pending, editor, mailoutbox, on_commit
):
    reason = "La session est réservée aux adhérents : votre cotisation n'est pas arrivée."
    with on_commit(execute=True):
        response = client_for(editor).post(
            action_url(pending, "refuse"), {"reason": reason}, follow=True
        )

    assert "L'inscription de Nadia Ferrand est refusée" in text_of(response)
    registration = refresh(pending)
    assert registration.status == Status.REFUSED
    (email,) = mailoutbox
    assert email.to == ["nadia.ferrand@example.org"]
    assert reason in email.body
    assert SentMessage.objects.get(registration=registration).kind == MessageKind.REFUSAL


def test_refusing_offers_the_place_to_the_first_person_waiting(
    training_session, owner, mailoutbox, on_commit
):
    training_session.capacity = 1
    training_session.save()
    pending = RegistrationFactory(session=training_session, status=Status.PENDING)
    waiting = RegistrationFactory(
        session=training_session, email="suivante@example.org", status=Status.WAITING
    )
    with on_commit(execute=True):
        client_for(owner).post(action_url(pending, "refuse"), {"reason": ""})
    assert refresh(waiting).status == Status.OFFERED
    assert sorted(email.to[0] for email in mailoutbox) == [pending.email, "suivante@example.org"]


def test_a_reason_too_long_is_refused_and_kept(pending, owner, mailoutbox):
    reason = "Trop long. " * 100
    response = client_for(owner).post(action_url(pending, "refuse"), {"reason": reason})
    assert response.status_code == 200
    assert "Assurez-vous que cette valeur comporte au plus 1000 caractères" in text_of(response)
    assert reason.strip() in text_of(response)
    assert refresh(pending).status == Status.PENDING and mailoutbox == []


def test_the_detail_of_a_pending_registration_offers_both_decisions(pending, editor):
    text = text_of(client_for(editor).get(detail_url(pending)))
    assert "Confirmer l'inscription" in text
    assert "Motif du refus (facultatif)" in text
    assert "Refuser l'inscription" in text


# Cancel ---------------------------------------------------------------------------------------


def test_an_editor_cancels_a_registration_and_the_place_goes_to_the_waiting_list(
    training_session, editor, mailoutbox, on_commit
):
    training_session.capacity = 1
    training_session.save()
    confirmed = RegistrationFactory(
        session=training_session, first_name="Paul", last_name="Roux", email="paul@example.org"
    )
    waiting = RegistrationFactory(
        session=training_session, email="suivante@example.org", status=Status.WAITING
    )

    with on_commit(execute=True):
        response = client_for(editor).post(action_url(confirmed, "cancel"), follow=True)

    assert "L'inscription de Paul Roux est annulée : un e-mail l'en informe, et sa place" in (
        text_of(response)
    )
    assert refresh(confirmed).status == Status.CANCELLED
    assert refresh(waiting).status == Status.OFFERED
    subjects = {email.to[0]: email.subject for email in mailoutbox}
    assert subjects["paul@example.org"].startswith("Inscription annulée")
    assert subjects["suivante@example.org"].startswith("Une place s'est libérée")
    cancelled = SentMessage.objects.get(registration=confirmed)
    assert cancelled.kind == MessageKind.CANCELLATION and cancelled.sent_by == editor


def test_a_cancelled_registration_is_not_cancelled_again(training_session, owner, mailoutbox):
    cancelled = RegistrationFactory(
        session=training_session,
        last_name="Roux",
        status=Status.CANCELLED,
        cancelled_at=timezone.now() - datetime.timedelta(days=1),
    )
    response = client_for(owner).post(action_url(cancelled, "cancel"), follow=True)
    assert "L'inscription de Camille Roux est déjà annulée : elle ne peut être annulée." in (
        text_of(response)
    )
    assert mailoutbox == []
    assert "Annuler cette inscription" not in text_of(response)
