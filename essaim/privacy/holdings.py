"""What Essaim holds about one e-mail address: registrations (with their answers, slots,
attendance and certificate), the satisfaction questionnaires sent for them, and memberships.

Read in a fixed number of queries whatever the number of rows, for the person's page and for
the JSON export."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from essaim.attendance.models import Attendance
from essaim.memberships.models import Membership
from essaim.organisations.models import Organisation
from essaim.registrations.models import ACTIVE, Answer, Registration
from essaim.surveys.models import SurveyAnswer, SurveyInvitation
from essaim.trainings.models import TrainingSession


@dataclass(frozen=True)
class MembershipContact:
    """Whom to write to about memberships received by ``organisation``."""

    organisation: Organisation | None
    name: str = ""
    email: str = ""


@dataclass
class Holdings:
    email: str
    registrations: list[Registration] = field(default_factory=list)
    invitations: list[SurveyInvitation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    membership_contacts: list[MembershipContact] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.registrations or self.memberships)

    def sessions(self) -> list[TrainingSession]:
        """The sessions of the registrations, each once."""
        return list({r.session_id: r.session for r in self.registrations}.values())

    def to_cancel(self, today: datetime.date) -> list[Registration]:
        """Active registrations to sessions not over yet: erasing them gives the place back."""
        return [r for r in self.registrations if r.session.end_date >= today and r.status in ACTIVE]

    def to_anonymise_only(self, today: datetime.date) -> list[Registration]:
        cancelled = {r.pk for r in self.to_cancel(today)}
        return [r for r in self.registrations if r.pk not in cancelled]


def holdings_of(email: str) -> Holdings:
    """Everything Essaim holds about ``email`` (anonymised registrations are no longer his or
    hers: they are left out)."""
    registrations = list(
        Registration.objects.filter(email__iexact=email, anonymised_at__isnull=True)
        .select_related("session", "commune", "organisation", "certificate")
        .prefetch_related(
            "slots",
            Prefetch("answers", queryset=Answer.objects.select_related("question")),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("slot").order_by("slot__date"),
            ),
        )
        .order_by("-session__start_date", "-pk")
    )
    invitations = list(
        SurveyInvitation.objects.filter(registration__in=[r.pk for r in registrations])
        .select_related("survey__session")
        .prefetch_related(
            Prefetch("answers", queryset=SurveyAnswer.objects.select_related("question"))
        )
        .order_by("-sent_at", "-pk")
    )
    memberships = list(
        Membership.objects.filter(email__iexact=email)
        .select_related("membership_type__organiser", "organisation", "bracket")
        .order_by("-year", "pk")
    )
    return Holdings(
        email=email,
        registrations=registrations,
        invitations=invitations,
        memberships=memberships,
        membership_contacts=membership_contacts(memberships),
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


# The JSON export -------------------------------------------------------------------------------


def export_document(holdings: Holdings, *, now: datetime.datetime | None = None) -> dict:
    """The person's data, in French, as JSON-ready values."""
    now = now or timezone.now()
    invitations_by_registration: dict[int, list[SurveyInvitation]] = {}
    for invitation in holdings.invitations:
        invitations_by_registration.setdefault(invitation.registration_id, []).append(invitation)
    return {
        "adresse_e_mail": holdings.email,
        "exporte_le": now.isoformat(),
        "source": "Essaim",
        "inscriptions": [
            _registration(r, invitations_by_registration.get(r.pk, []))
            for r in holdings.registrations
        ],
        "adhesions": [_membership(m) for m in holdings.memberships],
    }


def _registration(registration: Registration, invitations: list[SurveyInvitation]) -> dict:
    session = registration.session
    certificate = getattr(registration, "certificate", None)
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
        "consentement_donne_le": _iso(registration.consent_at),
        "inscrit_le": _iso(registration.created_at),
        "confirmee_le": _iso(registration.confirmed_at),
        "annulee_le": _iso(registration.cancelled_at),
        "seances_choisies": [str(slot) for slot in registration.slots.all()],
        "reponses": [
            {"question": answer.question.label, "reponse": answer.value}
            for answer in registration.answers.all()
        ],
        "presences": [
            {
                "seance": str(attendance.slot),
                "present": attendance.present,
                "minutes": attendance.minutes,
            }
            for attendance in registration.attendances.all()
        ],
        "attestation": certificate.number if certificate else None,
        "questionnaires": [_invitation(invitation) for invitation in invitations],
    }


def _invitation(invitation: SurveyInvitation) -> dict:
    return {
        "questionnaire": invitation.survey.title,
        "moment": invitation.survey.get_moment_display(),
        "envoye_le": _iso(invitation.sent_at),
        "repondu_le": _iso(invitation.answered_at),
        "reponses": [
            {"question": answer.question.label, "note": answer.rating, "reponse": answer.value}
            for answer in invitation.answers.all()
        ],
    }


def _membership(membership: Membership) -> dict:
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
        "payee_le": _iso(membership.paid_on),
        "moyen_de_paiement": membership.get_payment_method_display(),
        "numero_de_recu": membership.receipt_number,
    }


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
