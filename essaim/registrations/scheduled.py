"""Registration jobs run every hour by ``essaim scheduled``: reminders before the sessions, and
the places offered but not confirmed in time, which go to the next person waiting."""

import datetime

from essaim.core.scheduled import scheduled
from essaim.registrations import services


@scheduled("Rappels envoyés aux inscrits avant les sessions")
def send_reminders(now: datetime.datetime) -> int:
    return services.send_reminders(now)


@scheduled("Places libérées non confirmées à temps, proposées à la personne suivante")
def expire_offers(now: datetime.datetime) -> int:
    return services.expire_offers(now)
