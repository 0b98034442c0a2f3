"""A programme for its team: the list, create one, its page (aims, organisers, accompaniment
group, stages and deliverables on a timeline), change it, its history and its team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.attachments.views import attachments_context
from essaim.core.concurrency import save_with_history
from essaim.core.history import history_page
from essaim.programmes.access import get_programme_for, get_team_programme_for
from essaim.programmes.children import ProgrammePart, overview_url, part_urls
from essaim.programmes.forms.programme import (
    DeliverableForm,
    GroupMemberForm,
    ProgrammeForm,
    StageForm,
)
from essaim.programmes.models import (
    Deliverable,
    GroupMember,
    Programme,
    Stage,
    TerritoryStatus,
)
from essaim.programmes.services.programme import (
    create_programme,
    deliverable_status,
    files_by_deliverable,
    programme_timeline,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for, has_perm
from essaim.roles.views import manage_members

STAGES = ProgrammePart(
    model=Stage,
    form_class=StageForm,
    label="étape",
    feminine=True,
    tab="overview",
    back_url=overview_url("etapes"),
)
DELIVERABLES = ProgrammePart(
    model=Deliverable,
    form_class=DeliverableForm,
    label="production attendue",
    feminine=True,
    tab="overview",
    back_url=overview_url("productions"),
)
GROUP = ProgrammePart(
    model=GroupMember,
    form_class=GroupMemberForm,
    label="membre du groupe d'accompagnement",
    tab="overview",
    back_url=overview_url("groupe"),
    anonymous_history=lambda member: "Membre du groupe d'accompagnement",
)


@login_required
@require_safe
def programme_list(request: HttpRequest) -> HttpResponse:
    """The programmes the person may see, with their territories taking part."""
    programmes = (
        Programme.objects.visible_to(request.user)
        .annotate(
            territory_count=Count(
                "territories",
                filter=Q(territories__status=TerritoryStatus.CONFIRMED),
                distinct=True,
            )
        )
        .prefetch_related("organisers")
    )
    return render(request, "programmes/list.html", {"programmes": programmes})


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            programme = create_programme(programme=form.save(commit=False), by=request.user)
            form.save_m2m()
        messages.success(
            request,
            f"Le programme « {programme.title} » est créé : ajoutez ses étapes, ses productions "
            "attendues et son groupe d'accompagnement, puis les territoires candidats.",
        )
        return redirect("programmes:overview", programme.pk)
    return render(request, "programmes/create.html", {"form": form})


@login_required
@require_safe
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    stages = list(programme.stages.all())
    deliverables = list(programme.deliverables.select_related("stage"))
    files = files_by_deliverable(deliverables)
    today = timezone.localdate()
    for deliverable in deliverables:
        deliverable.file_count = files.get(deliverable.pk, 0)
        deliverable.late = deliverable_status(deliverable, today) == "en_retard"
    territories = list(programme.territories.values_list("status", flat=True))
    context = {
        **programme_context(programme, request.user, "overview"),
        "organisers": list(programme.organisers.all()),
        "group": list(programme.group_members.select_related("organisation")),
        "stages": stages,
        "deliverables": deliverables,
        "timeline": programme_timeline(programme, stages, deliverables, today=today),
        "confirmed_count": territories.count(TerritoryStatus.CONFIRMED),
        "candidate_count": len(territories),
    }
    return render(request, "programmes/overview.html", context)


@login_required
@require_safe
def deliverable_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """A deliverable and its files."""
    programme = get_programme_for(request.user, programme_pk)
    deliverable = get_object_for(
        request.user, Deliverable.objects.select_related("stage"), pk=pk, programme=programme
    )
    context = {
        **programme_context(programme, request.user, "overview"),
        "deliverable": deliverable,
        **attachments_context(request, deliverable),
    }
    return render(request, "programmes/deliverable.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk, Perm.EDIT)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        saved = save_with_history(
            form, owner=programme, actor=request.user, verb="updated", what="Programme modifié"
        )
        if saved:
            messages.success(request, "Le programme est enregistré.")
            return redirect("programmes:overview", programme.pk)
    context = {**programme_context(programme, request.user, "overview"), "form": form}
    return render(request, "programmes/edit.html", context)


@login_required
@require_safe
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """The team's alone: it tells what the notes, sheets and synthesis became."""
    programme = get_team_programme_for(request.user, pk)
    context = {
        **programme_context(programme, request.user, "history"),
        **history_page(request, programme),
    }
    return render(request, "programmes/history.html", context)


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    """Tab « Équipe »: who runs the programme, with which role; its owners invite others."""
    programme = get_programme_for(request.user, pk)
    context = programme_context(programme, request.user, "members")
    if request.method == "POST" or has_perm(request.user, programme, Perm.MANAGE):
        return manage_members(
            request,
            queryset=Programme.objects.all(),
            pk=pk,
            breadcrumb=[("Programmes", reverse("programmes:list"))],
            template_name="programmes/members.html",
            extra_context=context,
        )
    context["members"] = list(programme.members())
    return render(request, "programmes/members.html", context)


urlpatterns = [
    path("programmes/", programme_list, name="list"),
    path("programmes/nouveau/", programme_create, name="create"),
    path("programmes/<int:pk>/", overview, name="overview"),
    path("programmes/<int:pk>/modifier/", programme_edit, name="edit"),
    path("programmes/<int:pk>/historique/", history, name="history"),
    path("programmes/<int:pk>/equipe/", members, name="members"),
    path(
        "programmes/<int:programme_pk>/productions/<int:pk>/",
        deliverable_page,
        name="deliverable",
    ),
    *part_urls("etapes", STAGES, "stage"),
    *part_urls("productions", DELIVERABLES, "deliverable"),
    *part_urls("groupe", GROUP, "group_member"),
]
