"""The receipt of a paid membership (for those who manage it) and the membership form to
download (for anyone, without an account)."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from essaim.core.downloads import file_response
from essaim.memberships.access import get_membership_for
from essaim.memberships.documents import (
    PDF_TYPE,
    Applicant,
    build_application_form,
    receipt_filename,
    render_application_form_pdf,
    render_receipt_pdf,
)
from essaim.memberships.prefill import find_applicant

# Long enough for any real name; what is longer is cut rather than printed across the page.
MAX_PREFILL_LENGTH = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@login_required
@require_safe
def receipt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk)
    if not membership.has_receipt:
        messages.error(
            request, "Cette adhésion n'a pas de reçu : enregistrez d'abord son paiement."
        )
        return redirect(membership)
    return file_response(
        render_receipt_pdf(membership), filename=receipt_filename(membership), content_type=PDF_TYPE
    )


@never_cache
@require_safe
def application_form(request: HttpRequest) -> HttpResponse:
    """The membership form of the types on offer: pre-filled from a registration
    (``?inscription=<token>``, the token of its personal link) or from the query string
    (``?prenom=&nom=&email=&organisation=``), blank otherwise."""
    applicant, organiser_id = applicant_from(request)
    form = build_application_form(applicant, organiser_id)
    return file_response(
        render_application_form_pdf(form),
        filename=f"bulletin-adhesion-{form.year}.pdf",
        content_type=PDF_TYPE,
        inline=True,
    )


def applicant_from(request: HttpRequest) -> tuple[Applicant, int | None]:
    """Who the form is for, and the organiser of their session when they registered to one.

    A registration gives only what its holder typed (name, e-mail, organisation): the token is
    the one of the registrant's own link. An unknown token gives a blank form."""
    if (found := find_applicant(request.GET)) is not None:
        return found
    return (
        Applicant(
            first_name=_typed(request, "prenom"),
            last_name=_typed(request, "nom"),
            email=_typed(request, "email"),
            organisation=_typed(request, "organisation"),
        ),
        None,
    )


def _typed(request: HttpRequest, name: str) -> str:
    """One line of text as typed in the link: control characters and runs of spaces removed."""
    text = " ".join(_CONTROL.sub(" ", request.GET.get(name, "")).split())
    return text[:MAX_PREFILL_LENGTH].strip()


urlpatterns = [
    path("adhesions/<int:pk>/recu.pdf", receipt_pdf, name="receipt_pdf"),
    path("adhesion/bulletin.pdf", application_form, name="application_form"),
]
