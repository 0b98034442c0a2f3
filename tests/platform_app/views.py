"""Pages written the way a pillar writes them with the shared pieces."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from essaim.attachments.views import attachments_context
from essaim.core.publication import render_public_detail
from essaim.core.uploads import limit_upload_size, upload_too_large_message, upload_was_too_large
from essaim.roles.permissions import assert_confidential_respected, get_object_for
from tests.platform_app.models import ExperienceSheet, InterviewNote, Visit


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = get_object_for(request.user, Visit.objects.select_related("programme"), pk=pk)
    context = {"visit": visit, **attachments_context(request, visit)}
    return render(request, "platform_app/visit_detail.html", context)


@login_required
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_object_for(request.user, InterviewNote.objects.all(), pk=pk)
    return HttpResponse(note.text)


@login_required
def notes_export(request: HttpRequest) -> HttpResponse:
    notes = list(InterviewNote.objects.visible_to(request.user).order_by("pk"))
    assert_confidential_respected(request.user, notes)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response, delimiter=";")
    for note in notes:
        writer.writerow([note.pk, note.text])
    return response


def sheet_public(request: HttpRequest, pk: int) -> HttpResponse:
    return render_public_detail(request, ExperienceSheet.objects.all(), pk=pk)


@limit_upload_size(max_bytes=64 * 1024, tells_in_form=True)
def public_upload(request: HttpRequest) -> HttpResponse:
    """A public form that receives a file, without an account."""
    if upload_was_too_large(request):
        return HttpResponse(upload_too_large_message(request.upload_limit), status=400)
    return HttpResponse(f"{request.FILES['file'].size} octets reçus")
