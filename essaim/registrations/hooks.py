"""What registrations lend the apps below them, through the hooks those apps own: the tab
Inscriptions of a session (``trainings/tabs.py``), the places taken for the catalogue
(``trainings/places.py``), the places added offered to the people waiting, who follows a slot,
the membership form filled in from a registration (``memberships/prefill.py``), and the
registrations pending a *cotisation* confirmed once it is paid (``memberships/payments.py``).
Imported when the apps are ready (``RegistrationsConfig.ready``)."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from essaim.core.tabs import Tab
from essaim.memberships.documents import Applicant
from essaim.memberships.payments import on_payment_recorded
from essaim.memberships.prefill import applicant_finder
from essaim.registrations.emails import personal_url
from essaim.registrations.models import HOLDS_A_PLACE, Registration, Status
from essaim.registrations.services import confirm_members, offer_free_places
from essaim.trainings.models import Slot, TrainingSession
from essaim.trainings.places import (
    Registrant,
    count_registrations_with,
    find_slot_registrants_with,
    on_places_added,
)
from essaim.trainings.tabs import TABS

TABS.add(Tab("registrations", "Inscriptions", "registrations:manage"), after="programme")


def _count(condition: Q) -> Coalesce:
    counted = (
        Registration.objects.filter(condition, session=OuterRef("pk"))
        .order_by()
        .values("session")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)


@count_registrations_with
def registration_counts() -> dict:
    return {
        "places_taken": _count(Q(status__in=HOLDS_A_PLACE)),
        "confirmed_count": _count(Q(status=Status.CONFIRMED)),
        "waiting_count": _count(Q(status=Status.WAITING)),
        "awaiting_count": _count(Q(status__in=[Status.PENDING, Status.OFFERED])),
    }


@on_places_added
def offer_added_places(session: TrainingSession) -> int:
    return len(offer_free_places(session))


@find_slot_registrants_with
def registrants_of_slot(slot: Slot) -> list[Registrant]:
    """The active registrations that chose ``slot``, or chose none (they follow every slot)."""
    registrations = (
        Registration.objects.active()
        .filter(session_id=slot.session_id, anonymised_at__isnull=True)
        .filter(Q(slots=slot) | Q(slots__isnull=True))
        .select_related("session")
        .distinct()
        .order_by("pk")
    )
    return [
        Registrant(
            first_name=registration.first_name,
            email=registration.email,
            meeting_url=registration.meeting_url,
            personal_url=personal_url(registration),
        )
        for registration in registrations
    ]


@applicant_finder("inscription")
def applicant_of_registration(token: str) -> tuple[Applicant, int | None] | None:
    """A registration gives only what its holder typed (name, e-mail, organisation); the token
    is the one of the registrant's own link."""
    registration = (
        Registration.objects.filter(token=token[:40], anonymised_at__isnull=True)
        .select_related("organisation", "session")
        .first()
    )
    if registration is None:
        return None
    organisation = (
        registration.organisation.name
        if registration.organisation_id
        else registration.organisation_name
    )
    applicant = Applicant(
        first_name=registration.first_name,
        last_name=registration.last_name,
        email=registration.email,
        organisation=organisation,
    )
    return applicant, registration.session.organiser_id


@on_payment_recorded
def confirm_registrations_of_member(membership, *, by) -> int:
    return len(confirm_members(membership, by=by))
