"""The public pages of the catalogue: no account needed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from essaim.trainings.models import Cycle, TrainingSession


@require_safe
def session_page(request: HttpRequest, slug: str) -> HttpResponse:
    session = get_object_or_404(TrainingSession.objects.published(), slug=slug)
    return render(request, "trainings/public_session.html", {"session": session})


@require_safe
def cycle_page(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.published(), slug=slug)
    return render(request, "trainings/public_cycle.html", {"cycle": cycle})
