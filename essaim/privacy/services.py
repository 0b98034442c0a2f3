"""A person's rights over their data, without an account: ask for a link by e-mail, see and
download what Essaim holds about their address, have it erased.

Every request and erasure is written in the history of the sessions (and memberships)
concerned, without the address: the organisers know it happened, not who asked."""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.core.models import record_history
from essaim.mail.tasks import send_email
from essaim.memberships.models import Membership
from essaim.privacy.anonymisation import anonymise_registrations
from essaim.privacy.holdings import Holdings, holdings_of
from essaim.privacy.tokens import LINK_VALIDITY, normalise_email, sign_email
from essaim.registrations import services as registrations
from essaim.registrations.models import Registration

# One link per address in this lapse of time, so that the form cannot be used to flood a
# mailbox; asking again sooner shows the same answer and sends nothing.
RESEND_DELAY = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class Erasure:
    cancelled: int
    anonymised: int
    memberships_kept: int


def send_access_link(*, email: str, link_for: Callable[[str], str]) -> bool:
    """E-mail the personal link to ``email`` when Essaim holds something about it; returns
    whether a link was sent. The caller shows the same answer either way."""
    email = normalise_email(email)
    registrations_held = Registration.objects.filter(email__iexact=email, anonymised_at=None)
    memberships_held = Membership.objects.filter(email__iexact=email)
    if not (registrations_held.exists() or memberships_held.exists()):
        return False
    if not cache.add(_resend_key(email), True, timeout=RESEND_DELAY.total_seconds()):
        return False
    body = render_to_string(
        "privacy/access_email.txt",
        {"email": email, "url": link_for(sign_email(email)), "hours": _hours(LINK_VALIDITY)},
    )
    with transaction.atomic():
        _log(
            holdings_of(email),
            "privacy_request",
            "Demande d'accès d'une personne à ses données personnelles : lien envoyé par e-mail.",
        )
        transaction.on_commit(
            lambda: send_email.enqueue(
                subject="Vos données personnelles dans Essaim", body=body, to=[email]
            )
        )
    return True


def record_export(holdings: Holdings) -> None:
    _log(holdings, "privacy_export", "Export par une personne de ses données personnelles.")


def erase_personal_data(*, email: str, now: datetime.datetime | None = None) -> Erasure:
    """Cancel the person's registrations to sessions not over yet (the waiting list moves on),
    then anonymise all their registrations as the retention period would; memberships are
    accounting records and are kept."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        holdings = holdings_of(normalise_email(email))
        to_cancel = holdings.to_cancel(today)
        for registration in to_cancel:
            registrations.cancel(registration, now=now)
        fresh = Registration.objects.filter(pk__in=[r.pk for r in holdings.registrations])
        anonymised = anonymise_registrations(list(fresh), now=now)
        _log(
            holdings,
            "privacy_erasure",
            "Effacement, à sa demande, des données personnelles d'une personne inscrite : "
            "inscription anonymisée (présences et réponses conservées pour les statistiques).",
            membership_summary="Demande d'effacement des données personnelles : adhésion "
            "conservée (pièce comptable).",
        )
    return Erasure(
        cancelled=len(to_cancel), anonymised=anonymised, memberships_kept=len(holdings.memberships)
    )


def _log(holdings: Holdings, verb: str, summary: str, *, membership_summary: str = "") -> None:
    for session in holdings.sessions():
        session.log_action(None, verb, summary)
    for membership in holdings.memberships:
        record_history(membership, actor=None, verb=verb, summary=membership_summary or summary)


def _resend_key(email: str) -> str:
    return "privacy-link:" + hashlib.sha256(email.encode()).hexdigest()


def _hours(delta: datetime.timedelta) -> int:
    return int(delta.total_seconds() // 3600)
