"""Tab « Ateliers et séminaires »."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.programmes.access import get_programme_for
from essaim.programmes.tabs import programme_context


@login_required
@require_safe
def index(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    context = programme_context(programme, request.user, "workshops")
    return render(request, "programmes/workshops.html", context)


urlpatterns = [
    path("programmes/<int:pk>/ateliers/", index, name="workshops"),
]
