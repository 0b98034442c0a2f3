"""The attendance sheet (feuille d'émargement) of one half-day, as PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from essaim.attendance.halfdays import find_half_day, half_days
from essaim.attendance.pdf import render_sheet_pdf
from essaim.core.downloads import PDF_TYPE, file_response
from essaim.trainings.access import get_session_for


@login_required
@require_safe
def sheet_pdf(request: HttpRequest, pk: int, half_day: str) -> HttpResponse:
    session = get_session_for(request.user, pk)
    day = find_half_day(half_days(session.slots.all()), half_day)
    if day is None:
        raise Http404("Cette demi-journée ne fait pas partie du programme.")
    slug = slugify(session.title)
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0]  # whole words
    slug = slug or f"session-{session.pk}"
    return file_response(
        render_sheet_pdf(session, day),
        filename=f"emargement-{slug}-{day.key}.pdf",
        content_type=PDF_TYPE,
        inline=True,
    )


urlpatterns = [
    path(
        "formations/<int:pk>/presences/emargement/<slug:half_day>.pdf",
        sheet_pdf,
        name="sheet_pdf",
    )
]
