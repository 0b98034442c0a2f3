"""Background work of attendance: writing and sending one certificate."""

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from essaim.attendance.models import Certificate
from essaim.attendance.pdf import (
    load_certificate,
    organiser_name,
    render_certificate_pdf,
    session_dates,
)
from essaim.lib import french
from essaim.mail.tasks import about, attachment, send_email


@task()
def send_certificate(*, certificate_id: int) -> bool:
    """Write the certificate's PDF and send it to its participant, once: the certificate is
    marked sent (``sent_at``) by a conditional update, so that a task run twice, or two runs
    at once, send one e-mail. Returns whether this run sent it."""
    try:
        certificate = load_certificate(certificate_id)
    except Certificate.DoesNotExist:
        return False  # the registration was deleted meanwhile
    if certificate.sent_at is not None:
        return False
    document = render_certificate_pdf(certificate)
    claimed = Certificate.objects.filter(pk=certificate.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return False
    registration = certificate.registration
    session = registration.session
    message = {
        "subject": f"Votre attestation de présence — {session.title}",
        "body": certificate_message(certificate),
        "to": [registration.email],
        "reply_to": [session.contact_email] if session.contact_email else None,
        "attachments": [
            attachment(f"attestation-{certificate.number}.pdf", document, "application/pdf")
        ],
        "about": about(session),
    }
    transaction.on_commit(lambda: send_email.enqueue(**message))
    return True


def certificate_message(certificate: Certificate) -> str:
    registration = certificate.registration
    session = registration.session
    organiser = organiser_name(session)
    minutes = round(certificate.hours * 60)
    lines = [
        f"Bonjour {registration.first_name},",
        "",
        f"Vous avez participé à la session « {session.title} »"
        + (f", organisée par {organiser}" if organiser else "")
        + f", {session_dates(session)}.",
        "",
        f"Vous trouverez ci-joint votre attestation de présence (certificat de réalisation "
        f"n° {certificate.number}), pour une durée suivie de {french.duration(minutes)}.",
        "",
        "Conservez-la : elle peut vous être demandée par votre employeur ou par un financeur "
        "de la formation.",
    ]
    if session.contact_name or session.contact_email:
        contact = ", ".join(part for part in (session.contact_name, session.contact_email) if part)
        lines += ["", f"Une question ? Contactez {contact}."]
    lines += ["", "Bien cordialement,", organiser or session.contact_name or "L'équipe"]
    return "\n".join(lines)
