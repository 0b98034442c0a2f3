"""The organiser's home: the sessions and cycles they organise."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from essaim.trainings.models import Cycle, TrainingSession


@login_required
@require_safe
def organiser_home(request: HttpRequest) -> HttpResponse:
    sessions = (
        TrainingSession.objects.visible_to(request.user)
        .select_related("cycle")
        .order_by("-start_date", "pk")
    )
    cycles = Cycle.objects.visible_to(request.user).order_by("-created_at", "pk")
    return render(
        request, "trainings/organiser_home.html", {"sessions": sessions, "cycles": cycles}
    )
