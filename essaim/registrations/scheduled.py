"""Registration jobs run every hour by ``essaim scheduled``: reminders before the sessions, the
places offered but not confirmed in time, which go to the next person waiting, and the daily
digest of new registrations sent to the organisers."""

import datetime

from essaim.core.scheduled import scheduled
from essaim.registrations import digest, services


@scheduled("Rappels envoyés aux inscrits avant les sessions")
def send_reminders(now: datetime.datetime) -> int:
    return services.send_reminders(now)


@scheduled("Places libérées non confirmées à temps, proposées à la personne suivante")
def expire_offers(now: datetime.datetime) -> int:
    return services.expire_offers(now)


@scheduled("Récapitulatif des nouvelles inscriptions envoyé aux organisateurs, une fois par jour")
def send_organiser_digests(now: datetime.datetime) -> int:
    return digest.send_organiser_digests(now)
