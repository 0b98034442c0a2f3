"""The front page, and the dashboard a signed-in user lands on."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from essaim.core.dashboard import collect_dashboard


def home(request: HttpRequest) -> HttpResponse:
    """The public front page; signed-in users land on their dashboard."""
    if request.user.is_authenticated:
        return dashboard(request)
    return render(request, "dashboard/home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """What each app has for the user (see ``core/dashboard.py``), and the first steps left."""
    return render(
        request, "dashboard/dashboard.html", {"dashboard": collect_dashboard(request.user)}
    )
