"""Tab « Fiches et synthèse »."""

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
    context = programme_context(programme, request.user, "synthesis")
    return render(request, "programmes/synthesis.html", context)


urlpatterns = [
    path("programmes/<int:pk>/synthese/", index, name="synthesis"),
]
