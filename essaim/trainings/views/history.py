"""Tab « Historique »: every change made to the session, who made it and when."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.core.models import HistoryEntry
from essaim.trainings.access import get_session_for
from essaim.trainings.tabs import session_context

ENTRIES_PER_PAGE = 50


@login_required
@require_safe
def history(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    entries = HistoryEntry.objects.of(session).select_related("actor")
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {**session_context(session, request.user, "history"), "entries": page}
    return render(request, "trainings/history.html", context)


urlpatterns = [
    path("formations/<int:pk>/historique/", history, name="history"),
]
