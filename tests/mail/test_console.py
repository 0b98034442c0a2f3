"""The console mail backend prints each e-mail as a person reads it."""

import io

from django.core.mail import EmailMultiAlternatives

from essaim.mail.console import EmailBackend

LINK = (
    "http://127.0.0.1:8001/mes-donnees/acces/eyJpZCI6NDJ9:1vQmXk:"
    "Zr8yb0yq3oJrQn5C6XgL0t7p1wWkQ9sUu4hH2aE/?suivant=%2Fd%C3%A9marches%2F"
)


def printed(message) -> str:
    stream = io.StringIO()
    assert EmailBackend(stream=stream).send_messages([message]) == 1
    return stream.getvalue()


def test_it_prints_headers_accents_and_whole_links():
    message = EmailMultiAlternatives(
        subject="Réinitialisation du mot de passe",
        body=f"Bonjour Élodie,\n\nVoici votre lien : {LINK}\n\nÀ bientôt, l'équipe " + "é" * 90,
        from_email="Essaim <essaim@example.org>",
        to=["élodie@example.org"],
        reply_to=["cap-rural@example.org"],
    )

    text = printed(message)

    assert "From: Essaim <essaim@example.org>\nTo: élodie@example.org\n" in text
    assert "Reply-To: cap-rural@example.org\nSubject: Réinitialisation du mot de passe\n" in text
    assert (
        f"Bonjour Élodie,\n\nVoici votre lien : {LINK}\n\nÀ bientôt, l'équipe {'é' * 90}\n" in text
    )
    assert "=C3" not in text and "Content-Transfer-Encoding" not in text


def test_it_names_the_attachments_instead_of_printing_them():
    message = EmailMultiAlternatives(
        subject="Attestation", body="Votre attestation.", to=["a@example.org"]
    )
    message.attach("attestation-2026-0042.pdf", b"%PDF-1.7 " + bytes(range(256)), "application/pdf")

    text = printed(message)

    assert "Votre attestation." in text
    assert "[Pièce jointe : attestation-2026-0042.pdf (application/pdf, 265 octets)]" in text
    assert "%PDF" not in text
