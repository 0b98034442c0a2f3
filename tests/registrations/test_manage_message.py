"""« Écrire aux inscrits »: a message written, reviewed, then e-mailed to each registrant."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.registrations.models import MessageKind, SentMessage, Status
from essaim.registrations.views.manage import AlreadySent, send_organiser_message
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.registrations.test_concurrency import run_together
from tests.registrations.test_manage import text_of

pytestmark = pytest.mark.django_db

MESSAGE = {
    "recipients": "confirmed",
    "subject": "Support de la webconférence",
    "body": "Bonjour,\r\n\r\nVous trouverez le support sur la page de la session.\r\n",
}


def message_url(session) -> str:
    return reverse("registrations:manage_message", args=[session.pk])


def draft_of(response) -> str:
    return re.search(r'name="draft" value="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def registrants(training_session):
    """Three confirmed, one pending, one waiting, one cancelled and one anonymised."""
    session = training_session
    confirmed = [
        RegistrationFactory(session=session, email=f"confirme{n}@example.org") for n in range(3)
    ]
    RegistrationFactory(session=session, email="attente@example.org", status=Status.PENDING)
    RegistrationFactory(session=session, email="liste@example.org", status=Status.WAITING)
    RegistrationFactory(session=session, email="annule@example.org", status=Status.CANCELLED)
    RegistrationFactory(
        session=session,
        email="anonyme@example.invalid",
        anonymised_at=timezone.now() - datetime.timedelta(days=1),
    )
    return confirmed


def review_then_send(client, session, data=MESSAGE, capture=None):
    review = client.post(message_url(session), data)
    assert review.status_code == 200
    with capture(execute=True):
        sent = client.post(
            message_url(session), {**data, "draft": draft_of(review), "send": "1"}, follow=True
        )
    return review, sent


# Permissions ----------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_the_login_page(training_session):
    for response in (
        client_for(None).get(message_url(training_session)),
        client_for(None).post(message_url(training_session), MESSAGE),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_an_outsider_does_not_see_the_page(training_session, outsider):
    assert client_for(outsider).get(message_url(training_session)).status_code == 404
    assert client_for(outsider).post(message_url(training_session), MESSAGE).status_code == 404


def test_a_reader_reads_the_messages_sent_but_does_not_write(
    training_session, reader, registrants, mailoutbox
):
    SentMessage.objects.create(
        session=training_session,
        kind=MessageKind.ORGANISER,
        subject="Programme mis à jour",
        body="Le programme a changé.",
        recipient_count=3,
    )
    client = client_for(reader)
    page = client.get(message_url(training_session))
    assert page.status_code == 200
    assert "Programme mis à jour" in text_of(page)
    assert "Votre rôle vous permet de lire les messages envoyés, pas d'en écrire." in text_of(page)
    assert 'name="subject"' not in page.content.decode()
    response = client.post(message_url(training_session), {**MESSAGE, "send": "1"})
    assert response.status_code == 403
    assert mailoutbox == []


# Writing, reviewing, sending ------------------------------------------------------------------


def test_the_form_says_how_many_people_each_choice_reaches(training_session, owner, registrants):
    text = text_of(client_for(owner).get(message_url(training_session)))
    assert "Les inscrits confirmés (3)" in text
    assert "Les inscriptions en attente de validation (1)" in text
    assert "La liste d'attente (1)" in text
    assert "Toutes les personnes inscrites, liste d'attente comprise (5)" in text


def test_the_message_is_reviewed_before_it_is_sent(
    training_session, owner, registrants, mailoutbox
):
    response = client_for(owner).post(message_url(training_session), MESSAGE)
    assert response.status_code == 200
    text = text_of(response)
    assert "Ce message partira à 3 personnes — les inscrits confirmés." in text
    assert "Réponses à contact@example.org" in text
    assert "Vous trouverez le support sur la page de la session." in text
    assert f"au sujet de votre inscription à la session « {training_session.title} » le " in text
    weekday = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")[
        training_session.start_date.weekday()
    ]
    assert f"» le {weekday} {training_session.start_date.day}" in text.replace(" 1er ", " 1 ")
    assert "Envoyer à 3 personnes" in text
    assert mailoutbox == [] and not SentMessage.objects.exists()


def test_each_registrant_receives_their_own_email(
    training_session, editor, registrants, mailoutbox, django_capture_on_commit_callbacks
):
    _, response = review_then_send(
        client_for(editor), training_session, capture=django_capture_on_commit_callbacks
    )

    assert response.redirect_chain[-1][0] == message_url(training_session)
    assert "Message « Support de la webconférence » envoyé à 3 personnes." in text_of(response)
    assert sorted(email.to[0] for email in mailoutbox) == [
        "confirme0@example.org",
        "confirme1@example.org",
        "confirme2@example.org",
    ]
    for email in mailoutbox:
        assert len(email.to) == 1 and email.cc == [] and email.bcc == []
        assert email.reply_to == ["contact@example.org"]
        assert email.subject == "Support de la webconférence"
        assert email.body.startswith(
            "Bonjour,\n\nVous trouverez le support sur la page de la session.\n\n-- \n"
        )
        assert training_session.title in email.body
        assert "@" not in email.body.replace("contact@example.org", "")  # no one else's address
    sent = SentMessage.objects.get()
    assert sent.kind == MessageKind.ORGANISER
    assert sent.recipient_count == 3
    assert sent.sent_by == editor
    assert sent.registration is None
    assert "Support de la webconférence" in text_of(response)  # in the messages already sent
    assert HistoryEntry.objects.filter(
        object_id=training_session.pk,
        verb="message",
        summary__startswith="Message « Support de la webconférence » envoyé à 3 personnes",
    ).exists()


@pytest.mark.parametrize(
    ("recipients", "addresses"),
    [
        ("pending", ["attente@example.org"]),
        ("waiting", ["liste@example.org"]),
        (
            "all",
            [
                "attente@example.org",
                "confirme0@example.org",
                "confirme1@example.org",
                "confirme2@example.org",
                "liste@example.org",
            ],
        ),
    ],
)
def test_it_writes_to_the_recipients_chosen(
    training_session,
    owner,
    registrants,
    mailoutbox,
    recipients,
    addresses,
    django_capture_on_commit_callbacks,
):
    review_then_send(
        client_for(owner),
        training_session,
        {**MESSAGE, "recipients": recipients},
        capture=django_capture_on_commit_callbacks,
    )
    assert sorted(email.to[0] for email in mailoutbox) == addresses
    assert SentMessage.objects.get().recipient_count == len(addresses)


def test_a_double_submit_sends_once(
    training_session, owner, registrants, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    review, _ = review_then_send(
        client, training_session, capture=django_capture_on_commit_callbacks
    )
    again = client.post(
        message_url(training_session),
        {**MESSAGE, "draft": draft_of(review), "send": "1"},
        follow=True,
    )
    assert "Ce message a déjà été envoyé le" in text_of(again)
    assert "il n'est pas envoyé une seconde fois" in text_of(again)
    assert len(mailoutbox) == 3
    assert SentMessage.objects.count() == 1


def test_the_same_message_reviewed_again_is_sent_again(
    training_session, owner, registrants, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    review_then_send(client, training_session, capture=django_capture_on_commit_callbacks)
    review_then_send(client, training_session, capture=django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 6
    assert SentMessage.objects.count() == 2


def test_a_forged_or_stale_review_is_reviewed_again(
    training_session, owner, registrants, mailoutbox
):
    response = client_for(owner).post(
        message_url(training_session), {**MESSAGE, "draft": "falsifié", "send": "1"}
    )
    assert response.status_code == 200
    assert "relisez-le et confirmez l'envoi de nouveau" in text_of(response)
    assert "Envoyer à 3 personnes" in text_of(response)
    assert mailoutbox == []


def test_the_message_can_be_changed_after_review(training_session, owner, registrants):
    response = client_for(owner).post(message_url(training_session), {**MESSAGE, "edit": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="subject"' in page and "Support de la webconférence" in page
    assert "Relire avant d'envoyer" in text_of(response)


def test_an_incomplete_message_is_refused_with_nothing_lost(
    training_session, owner, registrants, mailoutbox
):
    response = client_for(owner).post(
        message_url(training_session), {**MESSAGE, "subject": "", "body": "Texte gardé"}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Ce champ est obligatoire." in text
    assert "Texte gardé" in text
    assert mailoutbox == []


def test_no_message_to_nobody(training_session, owner, mailoutbox):
    RegistrationFactory(session=training_session)
    response = client_for(owner).post(
        message_url(training_session), {**MESSAGE, "recipients": "waiting"}
    )
    assert "Personne n'est concerné pour l'instant" in text_of(response)
    assert mailoutbox == []


def test_without_a_contact_replies_go_to_the_organiser_who_writes(
    training_session, owner, registrants, mailoutbox, django_capture_on_commit_callbacks
):
    training_session.contact_email = ""
    training_session.contact_name = ""
    training_session.save()
    review_then_send(
        client_for(owner), training_session, capture=django_capture_on_commit_callbacks
    )
    assert {tuple(email.reply_to) for email in mailoutbox} == {(owner.email,)}
    assert f"votre réponse parviendra à {owner.get_full_name()} ({owner.email})" in (
        mailoutbox[0].body
    )


def test_the_messages_page_costs_the_same_queries_whatever_was_sent(
    training_session, owner, django_assert_max_num_queries
):
    client = client_for(owner)

    def write(count: int) -> None:
        for number in range(count):
            SentMessage.objects.create(
                session=training_session,
                kind=MessageKind.ORGANISER,
                subject=f"Message {number}",
                sent_by=owner,
            )

    write(1)
    # The login session and the user (2), the session with the user's role (1), the recipient
    # counts (1), the messages sent with their authors (1).
    with django_assert_max_num_queries(5) as few:
        client.get(message_url(training_session))
    write(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(message_url(training_session))
    assert len(response.context["sent_messages"]) == 21


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_send_once(training_session, owner, registrants, mailoutbox):
    """Two clicks on « Envoyer » reach the server together: the session row is locked while
    the first sends, the others then find its record."""
    drafted_at = timezone.now()

    def send():
        return send_organiser_message(
            training_session,
            by=owner,
            recipients="confirmed",
            subject=MESSAGE["subject"],
            body="Bonjour,\n\nVous trouverez le support sur la page de la session.",
            drafted_at=drafted_at,
        )

    results, errors = run_together([send for _ in range(5)])

    assert len(results) == 1
    assert len(errors) == 4 and all(isinstance(error, AlreadySent) for error in errors)
    assert SentMessage.objects.filter(kind=MessageKind.ORGANISER).count() == 1
    assert sorted(email.to[0] for email in mailoutbox) == [
        "confirme0@example.org",
        "confirme1@example.org",
        "confirme2@example.org",
    ]
