"""Tab « Historique »: every change made to the session, who made it and when."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.core.history import history_page
from essaim.trainings.access import get_session_for
from essaim.trainings.tabs import session_context


@login_required
@require_safe
def history(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    context = {
        **session_context(session, request.user, "history"),
        **history_page(request, session),
    }
    return render(request, "trainings/history.html", context)


urlpatterns = [
    path("formations/<int:pk>/historique/", history, name="history"),
]
