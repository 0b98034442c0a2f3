"""The organiser's home: the sessions they organise, upcoming and past, with their registrations,
and their cycles."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.roles.models import Perm
from essaim.trainings.models import Cycle, TrainingSession


@login_required
@require_safe
def organiser_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    sessions = list(
        TrainingSession.objects.visible_to(user)
        .select_related("cycle")
        .with_registration_counts()
        .order_by("start_date", "pk")
    )
    cycles = list(
        Cycle.objects.visible_to(user)
        .with_role_of(user)
        .annotate(session_count=Count("sessions"))
        .order_by("-created_at", "pk")
    )
    for cycle in cycles:
        permissions = cycle.permissions_for(user)
        cycle.can_edit, cycle.can_manage = Perm.EDIT in permissions, Perm.MANAGE in permissions
    context = {
        "upcoming": [session for session in sessions if session.end_date >= today],
        "past": [session for session in reversed(sessions) if session.end_date < today],
        "cycles": cycles,
    }
    return render(request, "trainings/organiser_home.html", context)


urlpatterns = [
    path("formations/", organiser_home, name="organiser_home"),
]
