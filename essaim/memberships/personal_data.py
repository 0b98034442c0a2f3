"""Memberships held about an address: shown and exported; kept when the person asks for
erasure, for they are accounting records — the page says whom to write to about them."""

import datetime
from dataclasses import dataclass

from essaim.core.models import record_history
from essaim.core.personal_data import Holder, iso, register
from essaim.memberships.models import Membership
from essaim.organisations.models import Organisation
from essaim.trainings.models import TrainingSession


@dataclass(frozen=True)
class MembershipContact:
    """Whom to write to about memberships received by ``organisation``."""

    organisation: Organisation | None
    name: str = ""
    email: str = ""


def find(email: str) -> list[Membership]:
    return list(
        Membership.objects.filter(email__iexact=email)
        .select_related("membership_type__organiser", "organisation", "bracket")
        .order_by("-year", "pk")
    )


def membership_contacts(memberships: list[Membership]) -> list[MembershipContact]:
    """Whom to write to about the person's memberships: the contact address of each membership
    type, or else the contact of the latest session of the structure receiving it (a resource
    centre names one on each announcement). One query at most, whatever the number of rows."""
    types = list({m.membership_type_id: m.membership_type for m in memberships}.values())
    without_contact = {t.organiser_id for t in types if t.organiser_id and not t.contact_email}
    session_contacts: dict[int, tuple[str, str]] = {}
    if without_contact:
        rows = (
            TrainingSession.objects.filter(organiser__in=without_contact)
            .exclude(contact_email="")
            .order_by("organiser_id", "-start_date")
            .values_list("organiser_id", "contact_name", "contact_email")
        )
        for organiser_pk, name, email in rows:
            session_contacts.setdefault(organiser_pk, (name, email))
    contacts: list[MembershipContact] = []
    for membership_type in types:
        if membership_type.contact_email:
            name, email = "", membership_type.contact_email
        else:
            name, email = session_contacts.get(membership_type.organiser_id, ("", ""))
        contact = MembershipContact(membership_type.organiser, name, email)
        if contact not in contacts:
            contacts.append(contact)
    return contacts


def context(memberships: list[Membership], today: datetime.date) -> dict:
    return {"contacts": membership_contacts(memberships)}


def export(membership: Membership) -> dict:
    organiser = membership.membership_type.organiser
    return {
        "type": membership.membership_type.name,
        "aupres_de": organiser.name if organiser else "",
        "annee": membership.year,
        "statut": membership.get_status_display(),
        "structure_adherente": membership.organisation.name if membership.organisation else "",
        "prenom": membership.first_name,
        "nom": membership.last_name,
        "adresse_e_mail": membership.email,
        "adresse_postale": membership.postal_address,
        "tranche": membership.bracket.label if membership.bracket else "",
        "montant_euros": str(membership.amount),
        "payee_le": iso(membership.paid_on),
        "moyen_de_paiement": membership.get_payment_method_display(),
        "numero_de_recu": membership.receipt_number,
    }


def note(memberships: list[Membership], verb: str, summary: str) -> None:
    for membership in memberships:
        record_history(membership, actor=None, verb=verb, summary=summary)


register(
    Holder(
        key="adhesions",
        label="Adhésions",
        models=(Membership,),
        find=find,
        export=export,
        kept="Vos adhésions sont conservées : ce sont des pièces comptables.",
        note=note,
        erasure_note=(
            "Demande d'effacement des données personnelles : adhésion conservée (pièce comptable)."
        ),
        template="memberships/personal_data.html",
        erase_template="memberships/personal_data_erase.html",
        context=context,
        counts_as=("adhésion", "adhésions"),
        order=30,
    )
)
