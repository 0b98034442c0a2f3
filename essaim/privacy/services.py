"""A person's rights over their data, without an account: ask for a link by e-mail, see and
download what Essaim holds about their address, have it erased.

Asking for a link only enqueues a task, whatever the address: the worker looks the address up
and sends the link, so the answer takes the same time whether Essaim knows it or not.

What is held, and how it is exported and erased, is declared by each app in its own
``personal_data.py`` (see ``essaim.core.personal_data``). Every request, export and erasure is
written in the history of what the records belong to (sessions, memberships, organisations),
without the address: the organisers know it happened, not who asked."""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from essaim.core import personal_data
from essaim.core.personal_data import PersonalData
from essaim.dossiers.services import forget_built_files
from essaim.mail.tasks import send_email
from essaim.privacy.models import AccessLink
from essaim.privacy.tokens import LINK_VALIDITY, normalise_email

# One link per address in this lapse of time, so that the form cannot be used to flood a
# mailbox; asking again sooner shows the same answer and sends nothing.
RESEND_DELAY = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class Erasure:
    done: list[str]  # what each holder did, in French (« 2 inscriptions anonymisées »)
    kept: list[str]  # why some records stay (« Vos adhésions sont conservées : … »)


def find_personal_data(email: str, *, details: bool = False) -> PersonalData:
    return personal_data.find_personal_data(
        normalise_email(email), today=timezone.localdate(), details=details
    )


def request_access_link(*, email: str) -> None:
    """Have the worker send a personal link to ``email`` (:func:`send_access_link`): the same
    work whether the address is known or not. Asking again within :data:`RESEND_DELAY` does
    nothing, for any address, so that the form cannot be used to flood a mailbox."""
    email = normalise_email(email)
    if not cache.add(_resend_key(email), True, timeout=RESEND_DELAY.total_seconds()):
        return
    # Imported here: the task module imports this one.
    from essaim.privacy.tasks import send_access_link as task

    transaction.on_commit(lambda: task.enqueue(email=email))


def send_access_link(*, email: str, now: datetime.datetime | None = None) -> bool:
    """E-mail a personal link to ``email`` when Essaim holds something about it; returns whether
    a link was sent. Runs in the worker."""
    email = normalise_email(email)
    if not personal_data.holds_anything(email):
        return False
    with transaction.atomic():
        _, token = AccessLink.issue(email=email, now=now)
        body = render_to_string(
            "privacy/access_email.txt",
            {
                "email": email,
                "url": settings.SITE_URL + reverse("privacy:open", args=[token]),
                "hours": _hours(LINK_VALIDITY),
            },
        )
        personal_data.note_request(
            find_personal_data(email),
            verb="privacy_request",
            summary="Demande d'accès d'une personne à ses données personnelles : lien envoyé par "
            "e-mail.",
        )
    send_email.call(subject="Vos données personnelles dans Essaim", body=body, to=[email])
    return True


def delete_expired_links(now: datetime.datetime) -> int:
    number, _ = AccessLink.objects.filter(expires_at__lte=now).delete()
    return number


def export_personal_data(*, email: str, now: datetime.datetime | None = None) -> dict[str, object]:
    """The person's data, in French, as JSON-ready values; the export is noted in the history."""
    now = now or timezone.now()
    data = find_personal_data(email, details=True)
    personal_data.note_request(
        data, verb="privacy_export", summary="Export par une personne de ses données personnelles."
    )
    return {
        "adresse_e_mail": data.email,
        "exporte_le": now.isoformat(),
        "source": "Essaim",
        **personal_data.export_personal_data(data),
    }


def erase_personal_data(*, email: str, now: datetime.datetime | None = None) -> Erasure:
    """Have every holder erase what it keeps about the address — registrations to sessions not
    over yet are cancelled (the waiting list moves on), then all registrations anonymised as the
    retention period would; directory contacts are deleted — and keep accounting records."""
    now = now or timezone.now()
    with transaction.atomic():
        data = find_personal_data(email)
        done = personal_data.erase_personal_data(data, now=now)
        personal_data.note_request(data, verb="privacy_erasure")
        # The dossiers already written may name the person: they are written again when asked.
        forget_built_files()
    return Erasure(done=done, kept=[holding.holder.kept for holding in data.kept()])


def _resend_key(email: str) -> str:
    return "privacy-link:" + hashlib.sha256(email.encode()).hexdigest()


def _hours(delta: datetime.timedelta) -> int:
    return int(delta.total_seconds() // 3600)
