"""Attendance certificates: the PDF of one participant, and sending them all in one action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST

from essaim.attendance.forms import SendCertificatesForm
from essaim.attendance.grid import confirmed_registrations
from essaim.attendance.models import Certificate
from essaim.attendance.pdf import load_certificate, render_certificate_pdf
from essaim.attendance.services import (
    AttendanceError,
    default_place,
    issue_certificate,
    send_certificates,
)
from essaim.core.downloads import PDF_TYPE, file_response
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def certificate_pdf(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    """GET: the certificate as issued. POST: issue it first (numbered once)."""
    posted = request.method == "POST"
    session = get_session_for(request.user, pk, Perm.EDIT if posted else Perm.VIEW)
    registration = get_object_or_404(
        confirmed_registrations(session).select_related("session"), pk=registration_pk
    )
    back = reverse("attendance:manage", args=[session.pk]) + "#attestations"
    if posted:
        try:
            issue_certificate(
                registration=registration, place=default_place(session), actor=request.user
            )
        except AttendanceError as error:
            messages.error(request, error.message)
            return redirect(back)
        return redirect("attendance:certificate_pdf", session.pk, registration.pk)
    certificate = Certificate.objects.filter(registration=registration).first()
    if certificate is None:
        messages.info(
            request,
            f"L'attestation de {registration.full_name} n'est pas encore établie.",
        )
        return redirect(back)
    return file_response(
        render_certificate_pdf(load_certificate(certificate.pk)),
        filename=f"attestation-{certificate.number}.pdf",
        content_type=PDF_TYPE,
        inline=True,
    )


@login_required
@require_POST
def send_all(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    form = SendCertificatesForm(request.POST)
    place = form.cleaned_data["place"] if form.is_valid() else default_place(session)
    try:
        run = send_certificates(session=session, place=place.strip(), actor=request.user)
    except AttendanceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, run.summary)
    return redirect(reverse("attendance:manage", args=[session.pk]) + "#attestations")


urlpatterns = [
    path(
        "formations/<int:pk>/presences/attestations/<int:registration_pk>.pdf",
        certificate_pdf,
        name="certificate_pdf",
    ),
    path(
        "formations/<int:pk>/presences/attestations/envoyer/",
        send_all,
        name="send_certificates",
    ),
]
