"""Outgoing mail: one task that sends a plain-text e-mail with its attachments, enqueued once the
transaction that decided it has been committed. A message that cannot be sent about an object
(a session…) is kept as a :class:`~essaim.mail.models.FailedEmail`, which its organisers see."""

import base64
import smtplib

from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models
from django.tasks import task
from django.utils import timezone

from essaim.lib.bounds import one_line
from essaim.mail.models import FailedEmail


def attachment(filename: str, content: bytes, mimetype: str) -> dict:
    """An attachment for :func:`send_email`, in a form a task's arguments can carry (JSON)."""
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


def about(target: models.Model) -> dict:
    """What an e-mail is about, for :func:`send_email`, in a form a task's arguments carry."""
    return {"model": target._meta.label_lower, "pk": target.pk}


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str] | None = None,
    attachments: list[dict] | None = None,
    about: dict | None = None,
) -> int:
    """Send one plain-text e-mail, with the attachments made by :func:`attachment`; returns the
    number of messages sent. The subject is put on one line (a title typed on two lines
    before it was refused would make the message unsendable). When sending fails, the failure
    is kept about ``about`` (made by :func:`about`), and the task fails."""
    subject = one_line(subject)
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or [])
    for item in attachments or []:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    try:
        return message.send()
    except Exception as error:
        if about is not None:
            record_failure(about=about, subject=subject, to=to, reason=failure_reason(error))
        raise


def failure_reason(error: Exception) -> str:
    """Why an e-mail could not be sent, in French."""
    if isinstance(error, ValueError):  # a line break in a header, a malformed address
        return "un en-tête du message (objet, adresse) est invalide"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "le serveur d'envoi a refusé l'adresse du destinataire"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "le serveur d'envoi a refusé l'identification de la plateforme"
    if isinstance(error, smtplib.SMTPException | OSError):
        return "le serveur d'envoi n'a pas pu être joint ou a refusé le message"
    return "une erreur inattendue a empêché l'envoi"


def record_failure(*, about: dict, subject: str, to: list[str], reason: str) -> FailedEmail:
    """Keep the failure to send ``subject`` to ``to``; the failures past their time go."""
    now = timezone.now()
    FailedEmail.objects.past_their_time(now).delete()
    app_label, model = about["model"].split(".")
    return FailedEmail.objects.create(
        content_type=ContentType.objects.get_by_natural_key(app_label, model),
        object_id=about["pk"],
        recipients=", ".join(to)[:1000],
        subject=subject[:250],
        reason=reason,
        failed_at=now,
    )
