"""Retention: once a session's retention period is over, its registrants are anonymised."""

import datetime

from django.utils import timezone

from essaim.core.scheduled import scheduled
from essaim.privacy.anonymisation import anonymise_session, sessions_due


@scheduled("Inscriptions anonymisées (durée de conservation écoulée)")
def anonymise_expired_registrations(now: datetime.datetime) -> int:
    """Each due session in its own transaction, so that one failure does not hold back the
    others; returns how many registrations were anonymised."""
    today = timezone.localdate(now)
    return sum(anonymise_session(pk, now=now) for pk in sessions_due(today))
