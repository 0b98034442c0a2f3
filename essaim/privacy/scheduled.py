"""Retention: what each app keeps about people is anonymised once its retention period is over
(today, the registrants of a session; see each app's ``personal_data.py``)."""

import datetime

from essaim.core.personal_data import anonymise_expired
from essaim.core.scheduled import scheduled


@scheduled("Inscriptions anonymisées (durée de conservation écoulée)")
def anonymise_expired_registrations(now: datetime.datetime) -> int:
    """Every holder's retention job, each due session in its own transaction, so that one
    failure does not hold back the others; returns how many records were anonymised."""
    return anonymise_expired(now)
