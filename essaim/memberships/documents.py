"""The printed documents of memberships, made by WeasyPrint from HTML templates: the receipt of
a paid membership, and the membership form (*bulletin d'adhésion*) to fill in and send back."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.lib.french import euros_in_words
from essaim.lib.pdf import print_pdf
from essaim.memberships.models import FeeBracket, Membership, MembershipType, PaymentMethod

STATIC = Path(__file__).resolve().parent / "static" / "memberships"
STYLESHEET = STATIC / "documents.css"
PDF_TYPE = "application/pdf"


def render_pdf(template_name: str, context: dict, identifier: str) -> bytes:
    html = render_to_string(template_name, context)
    return print_pdf(html, stylesheet=STYLESHEET, identifier=identifier)


# The receipt -----------------------------------------------------------------------------------


def render_receipt_pdf(membership: Membership) -> bytes:
    """The receipt of a paid membership (``membership`` fetched with its type, organiser,
    organisation and bracket)."""
    if not membership.has_receipt:
        raise ValueError("A membership without a recorded payment has no receipt.")
    membership_type = membership.membership_type
    receiver = receiver_name(membership_type)
    context = {
        "membership": membership,
        "membership_type": membership_type,
        "receiver": receiver,
        "receiver_address": without_name(membership_type.send_to, receiver),
        "amount_in_words": euros_in_words(membership.amount),
        "issued_on": timezone.localdate(),
    }
    return render_pdf(
        "memberships/documents/receipt.html", context, f"essaim-recu-{membership.receipt_number}"
    )


def receipt_filename(membership: Membership) -> str:
    return f"recu-cotisation-{membership.receipt_number}.pdf"


def receiver_name(membership_type: MembershipType) -> str:
    """Who receives the fees: the organisation named on the type, else the type itself."""
    if membership_type.organiser_id:
        return membership_type.organiser.name
    return ""


def without_name(address: str, name: str) -> str:
    """``address`` without its first line when that line is ``name``, already printed above."""
    lines = address.strip().splitlines()
    if lines and name and lines[0].strip().casefold() == name.strip().casefold():
        lines = lines[1:]
    return "\n".join(lines).strip()


# The membership form -------------------------------------------------------------------------


@dataclass(frozen=True)
class Applicant:
    """What is known of the person who will fill in the form, to print it already written."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    organisation: str = ""


@dataclass
class ApplicationForm:
    year: int
    types: list[MembershipType]
    applicant: Applicant
    receivers: list[str] = field(default_factory=list)
    payment_instructions: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    contact_emails: list[str] = field(default_factory=list)


def build_application_form(
    applicant: Applicant, organiser_id: int | None = None
) -> ApplicationForm:
    """The form of the types on offer, those of ``organiser_id`` when it offers some. What to
    pay, how, and where to send the form are gathered from the types, each said once."""
    types = MembershipType.objects.filter(active=True).select_related("organiser")
    if organiser_id is not None and types.filter(organiser_id=organiser_id).exists():
        types = types.filter(organiser_id=organiser_id)
    types = list(
        types.order_by("member_kind", "name", "pk").prefetch_related(
            Prefetch("brackets", queryset=FeeBracket.objects.order_by("position", "pk"))
        )
    )
    return ApplicationForm(
        year=timezone.localdate().year,
        types=types,
        applicant=applicant,
        receivers=_distinct(receiver_name(kind) for kind in types),
        payment_instructions=_distinct(kind.payment_instructions for kind in types),
        addresses=_distinct(without_name(kind.send_to, receiver_name(kind)) for kind in types),
        contact_emails=_distinct(kind.contact_email for kind in types),
    )


def render_application_form_pdf(form: ApplicationForm) -> bytes:
    return render_pdf(
        "memberships/documents/application_form.html",
        {"form": form, "applicant": form.applicant, "payment_methods": PaymentMethod.choices},
        f"essaim-bulletin-{form.year}",
    )


def _distinct(values) -> list[str]:
    seen: list[str] = []
    for value in values:
        value = (value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return seen
