"""Creating and changing a cycle, and choosing who organises it (its organisers organise its
sessions)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from essaim.core.concurrency import save_or_conflict
from essaim.core.history import changed_labels, describe_changes
from essaim.roles.models import Perm
from essaim.roles.views import manage_members
from essaim.trainings import services
from essaim.trainings.access import get_cycle_for
from essaim.trainings.forms.cycles import CycleForm
from essaim.trainings.models import Cycle


@login_required
@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cycle = services.create_cycle(cycle=form.save(commit=False), by=request.user)
        messages.success(
            request, f"Le cycle « {cycle.title} » est créé : ajoutez-lui ses sessions."
        )
        return redirect("trainings:cycle_edit", cycle.pk)
    return render(request, "trainings/cycle_form.html", {"form": form, "cycle": None})


@login_required
@require_http_methods(["GET", "POST"])
def cycle_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_cycle_for(request.user, pk, Perm.EDIT)
    form = CycleForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        changes = describe_changes(form)

        def save() -> None:
            with transaction.atomic():
                form.save()
                cycle.log_action(
                    request.user, "updated", f"Cycle modifié : {changed_labels(changes)}", changes
                )

        if not changes:
            return redirect("trainings:cycle_edit", cycle.pk)
        if save_or_conflict(form, save=save):
            messages.success(request, "Le cycle est enregistré.")
            return redirect("trainings:cycle_edit", cycle.pk)
    context = {
        "form": form,
        "cycle": cycle,
        "sessions": list(cycle.sessions.order_by("position", "start_date", "pk")),
        "can_manage": Perm.MANAGE in cycle.permissions_for(request.user),
    }
    return render(request, "trainings/cycle_form.html", context)


@login_required
def cycle_members(request: HttpRequest, pk: int) -> HttpResponse:
    return manage_members(
        request,
        queryset=Cycle.objects.all(),
        pk=pk,
        breadcrumb=[("Sessions", reverse("trainings:organiser_home"))],
    )


urlpatterns = [
    path("formations/cycles/nouveau/", cycle_create, name="cycle_create"),
    path("formations/cycles/<int:pk>/", cycle_edit, name="cycle_edit"),
    path("formations/cycles/<int:pk>/organisateurs/", cycle_members, name="cycle_members"),
]
