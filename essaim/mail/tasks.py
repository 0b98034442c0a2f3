"""Outgoing mail: one task that sends a plain-text e-mail with its attachments, enqueued once the
transaction that decided it has been committed."""

import base64

from django.core.mail import EmailMessage
from django.tasks import task


def attachment(filename: str, content: bytes, mimetype: str) -> dict:
    """An attachment for :func:`send_email`, in a form a task's arguments can carry (JSON)."""
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str] | None = None,
    attachments: list[dict] | None = None,
) -> int:
    """Send one plain-text e-mail, with the attachments made by :func:`attachment`; returns the
    number of messages sent."""
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or [])
    for item in attachments or []:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message.send()
