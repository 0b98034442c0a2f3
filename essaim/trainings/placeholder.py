"""A page of a session whose area is being built: the tab exists, its content comes next."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from essaim.trainings.access import get_session_for
from essaim.trainings.tabs import session_context


def placeholder(tab: str, heading: str):
    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        session = get_session_for(request.user, pk)
        context = {**session_context(session, request.user, tab), "heading": heading}
        return render(request, "trainings/placeholder.html", context)

    return view
