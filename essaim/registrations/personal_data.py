"""Registrations held about an address: shown, exported, cancelled and anonymised on request,
anonymised by the retention job. Anonymised registrations are no longer anyone's: left out."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from essaim.core.personal_data import Holder, iso, register
from essaim.lib import french
from essaim.registrations import services
from essaim.registrations.anonymisation import (
    anonymise_registrations,
    anonymise_session,
    sessions_due,
)
from essaim.registrations.models import ACTIVE, Answer, Registration


def find(email: str) -> list[Registration]:
    return list(
        Registration.objects.filter(email__iexact=email, anonymised_at__isnull=True)
        .select_related("session", "commune", "organisation")
        .prefetch_related(
            "slots", Prefetch("answers", queryset=Answer.objects.select_related("question"))
        )
        .order_by("-session__start_date", "-pk")
    )


def to_cancel(registrations: list[Registration], today: datetime.date) -> list[Registration]:
    """Active registrations to sessions not over yet: erasing them gives the place back."""
    return [r for r in registrations if r.session.end_date >= today and r.status in ACTIVE]


def context(registrations: list[Registration], today: datetime.date) -> dict:
    return {"to_cancel": to_cancel(registrations, today)}


def export(registration: Registration) -> dict:
    session = registration.session
    return {
        "session": session.title,
        "premier_jour": session.start_date.isoformat(),
        "dernier_jour": session.end_date.isoformat(),
        "statut": registration.get_status_display(),
        "prenom": registration.first_name,
        "nom": registration.last_name,
        "adresse_e_mail": registration.email,
        "telephone": registration.phone,
        "organisation": registration.organisation_name,
        "categorie": registration.get_category_display(),
        "commune": registration.commune.name if registration.commune else "",
        "besoins_d_accessibilite": registration.accessibility_needs,
        "consentement": registration.consent,
        "consentement_donne_le": iso(registration.consent_at),
        "inscrit_le": iso(registration.created_at),
        "confirmee_le": iso(registration.confirmed_at),
        "annulee_le": iso(registration.cancelled_at),
        "seances_choisies": [str(slot) for slot in registration.slots.all()],
        "reponses": [
            {"question": answer.question.label, "reponse": answer.value}
            for answer in registration.answers.all()
        ],
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    """Cancel the registrations to sessions not over yet (the waiting list moves on), then
    anonymise all of them as the retention period would."""
    registrations = find(email)
    cancelled = to_cancel(registrations, timezone.localdate(now))
    for registration in cancelled:
        services.cancel(registration, now=now)
    fresh = Registration.objects.filter(pk__in=[r.pk for r in registrations])
    anonymised = anonymise_registrations(list(fresh), now=now)
    done = []
    if cancelled:
        done.append(
            french.counted(
                len(cancelled), "inscription à venir annulée", "inscriptions à venir annulées"
            )
        )
    if anonymised:
        done.append(
            french.counted(anonymised, "inscription anonymisée", "inscriptions anonymisées")
        )
    return done


def anonymise(now: datetime.datetime) -> int:
    """Each session past its retention period, in its own transaction."""
    return sum(anonymise_session(pk, now=now) for pk in sessions_due(timezone.localdate(now)))


def note(registrations: list[Registration], verb: str, summary: str) -> None:
    """In the history of the sessions, each once."""
    for session in {r.session_id: r.session for r in registrations}.values():
        session.log_action(None, verb, summary)


register(
    Holder(
        key="inscriptions",
        label="Inscriptions aux sessions",
        models=(Registration,),
        find=find,
        export=export,
        erase=erase,
        anonymise=anonymise,
        note=note,
        erasure_note=(
            "Effacement, à sa demande, des données personnelles d'une personne inscrite : "
            "inscription anonymisée (présences et réponses conservées pour les statistiques)."
        ),
        template="registrations/personal_data.html",
        erase_template="registrations/personal_data_erase.html",
        context=context,
        counts_as=("inscription", "inscriptions"),
        order=10,
    )
)
