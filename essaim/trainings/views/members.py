"""Tab « Organisateurs »: who organises the session and with which role, invited by e-mail.
Those who may not manage them see the list only."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse

from essaim.roles.models import Perm
from essaim.roles.permissions import has_perm
from essaim.roles.views import manage_members
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    context = {
        **session_context(session, request.user, "members"),
        "cycle_members": list(session.cycle.members()) if session.cycle else [],
        "can_manage_cycle": session.cycle is not None
        and has_perm(request.user, session.cycle, Perm.MANAGE),
    }
    if request.method == "POST" or has_perm(request.user, session, Perm.MANAGE):
        return manage_members(
            request,
            queryset=TrainingSession.objects.all(),
            pk=pk,
            breadcrumb=[("Sessions", reverse("trainings:organiser_home"))],
            template_name="trainings/members.html",
            extra_context=context,
        )
    context["members"] = list(session.members())
    return render(request, "trainings/members.html", context)


urlpatterns = [
    path("formations/<int:pk>/organisateurs/", members, name="members"),
]
