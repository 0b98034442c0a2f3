"""The satisfaction of a whole cycle: one row per session to compare them, and each rating
question of the cycle pooled across its sessions."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.surveys.results import cycle_results
from essaim.trainings.access import get_cycle_for


@login_required
@require_safe
def cycle_results_view(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_cycle_for(request.user, pk)
    context = {"cycle": cycle, "results": cycle_results(cycle)}
    return render(request, "surveys/cycle_results.html", context)


urlpatterns = [
    path("formations/cycles/<int:pk>/satisfaction/", cycle_results_view, name="cycle_results"),
]
