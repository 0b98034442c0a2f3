"""The e-mails sent to members: their receipt, and the reminder to renew. Each builder returns
the keyword arguments of :func:`essaim.mail.tasks.send_email`."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from essaim.mail.tasks import attachment
from essaim.memberships.documents import (
    PDF_TYPE,
    receipt_filename,
    receiver_name,
    render_receipt_pdf,
)
from essaim.memberships.models import Membership


def receipt_email(membership: Membership) -> dict:
    """The receipt of a paid membership, attached to a short message."""
    membership_type = membership.membership_type
    context = {"membership": membership, "receiver": receiver_name(membership_type)}
    return {
        "subject": f"Reçu de votre cotisation {membership.year} — n° {membership.receipt_number}",
        "body": render_to_string("memberships/emails/receipt.txt", context),
        "to": [membership.email],
        "reply_to": [membership_type.contact_email] if membership_type.contact_email else [],
        "attachments": [
            attachment(receipt_filename(membership), render_receipt_pdf(membership), PDF_TYPE)
        ],
    }


def renewal_reminder_email(membership: Membership, year: int) -> dict:
    """The reminder to a member of ``year - 1`` who has not renewed for ``year``."""
    membership_type = membership.membership_type
    renewal = membership.next_year()
    context = {
        "membership": membership,
        "membership_type": membership_type,
        "receiver": receiver_name(membership_type),
        "year": year,
        "amount": renewal.amount,
        "form_url": application_form_url(
            first_name=membership.first_name,
            last_name=membership.last_name,
            email=membership.email,
            organisation=membership.organisation.name if membership.organisation_id else "",
        ),
    }
    return {
        "subject": f"Renouvellement de votre adhésion {year} — {membership_type.name}",
        "body": render_to_string("memberships/emails/renewal_reminder.txt", context),
        "to": [membership.email],
        "reply_to": [membership_type.contact_email] if membership_type.contact_email else [],
    }


def application_form_url(**known: str) -> str:
    """The absolute address of the membership form, pre-filled with what is ``known``
    (first_name, last_name, email, organisation)."""
    names = {
        "first_name": "prenom",
        "last_name": "nom",
        "email": "email",
        "organisation": "organisation",
    }
    query = urlencode({names[key]: value for key, value in known.items() if value})
    path = reverse("memberships:application_form")
    return settings.SITE_URL + path + (f"?{query}" if query else "")
