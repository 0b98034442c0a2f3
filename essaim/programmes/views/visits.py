"""Tab « Écoute territoriale »: the listening visits of the territories, each with its pair of
experts, its agenda in time slots (as a calendar file, and sent by e-mail), its debrief and,
for the programme's team, the interview notes taken there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict, save_with_history
from essaim.core.downloads import ICS_TYPE, file_response
from essaim.core.forms import tell_errors
from essaim.lib import french
from essaim.programmes.access import (
    get_programme_for,
    get_team_programme_for,
    get_territory_for,
    is_team,
)
from essaim.programmes.children import ProgrammePart, part_urls
from essaim.programmes.forms.visits import DebriefForm, SlotForm, VisitForm
from essaim.programmes.models import Interview, TerritoryStatus, Visit, VisitSlot
from essaim.programmes.services.visits import send_agenda, visit_calendar, visit_filename
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for


def visit_url(programme, slot=None) -> str:
    if slot is None:
        return reverse("programmes:visits", args=[programme.pk])
    return f"{reverse('programmes:visit', args=[programme.pk, slot.visit_id])}#agenda"


def new_slot(programme, visit_pk) -> VisitSlot:
    visit = Visit.objects.filter(territory__programme=programme, pk=visit_pk).first()
    if visit is None:
        raise Http404("Cette page n'existe pas.")
    return VisitSlot(visit=visit)


SLOTS = ProgrammePart(
    model=VisitSlot,
    form_class=SlotForm,
    label="créneau",
    tab="visits",
    back_url=visit_url,
    path_to_programme="visit__territory__programme",
    new_child=new_slot,
    owner_of=lambda slot: slot.visit,
    owner_in_url=True,
)


def get_visit_for(user, programme_pk: int, pk: int, perm: Perm | str = Perm.VIEW) -> Visit:
    queryset = Visit.objects.select_related("territory__programme")
    return get_object_for(user, queryset, perm, pk=pk, territory__programme_id=programme_pk)


@login_required
@require_safe
def visit_list(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    territories = list(
        programme.territories.filter(status=TerritoryStatus.CONFIRMED).prefetch_related(
            Prefetch(
                "visits",
                queryset=Visit.objects.annotate(
                    slot_count=Count("slots", distinct=True),
                    interview_count=Count("interviews", distinct=True),
                ).prefetch_related("experts"),
            )
        )
    )
    planned = sum(1 for territory in territories if territory.visits.all())
    context = {
        **programme_context(programme, request.user, "visits"),
        "territories": territories,
        "planned_count": planned,
    }
    return render(request, "programmes/visits.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def visit_add(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    territory = get_territory_for(request.user, programme.pk, territory_pk)
    if not territory.takes_part:
        messages.error(
            request,
            "L'écoute territoriale se programme pour un territoire confirmé : « "
            f"{territory.name} » est « {territory.get_status_display()} ».",
        )
        return redirect(territory.get_absolute_url())
    visit = Visit(territory=territory)
    form = VisitForm(request.POST or None, instance=visit, programme=programme)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            visit = form.save()
            programme.log_action(
                request.user,
                "visit",
                f"Écoute territoriale programmée : {territory.name}, "
                f"{french.date_range(visit.start_date, visit.end_date, capital=False)}",
            )
        messages.success(request, "L'écoute territoriale est programmée : ajoutez son agenda.")
        return redirect(visit.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "visits"),
        "territory": territory,
        "form": form,
        "visit": None,
    }
    return render(request, "programmes/visit_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def visit_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    visit = get_visit_for(request.user, programme.pk, pk)
    form = VisitForm(request.POST or None, instance=visit, programme=programme)
    if request.method == "POST" and form.is_valid():
        saved = save_with_history(
            form,
            owner=programme,
            actor=request.user,
            verb="visit",
            what=f"Écoute territoriale de « {visit.territory.name} » modifiée",
        )
        if saved:
            messages.success(request, "L'écoute territoriale est enregistrée.")
            return redirect(visit.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "visits"),
        "territory": visit.territory,
        "form": form,
        "visit": visit,
    }
    return render(request, "programmes/visit_form.html", context)


@login_required
@require_safe
def visit_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, programme_pk, pk)
    programme = visit.territory.programme
    team = is_team(request.user, programme)
    slots = list(visit.slots.all())
    interviews = []
    if team:
        interviews = list(
            Interview.objects.filter(visit=visit)
            .select_related("interviewee", "slot")
            .annotate(quote_count=Count("quotes"))
        )
    context = {
        **programme_context(programme, request.user, "visits"),
        "visit": visit,
        "territory": visit.territory,
        "experts": list(visit.experts.all()),
        "slots": slots,
        "interviews": interviews,
        "debrief_form": DebriefForm(instance=visit) if team else None,
    }
    return render(request, "programmes/visit.html", context)


@login_required
@require_POST
def debrief_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """The notes of the debrief, written by the team (a contributor is enough)."""
    programme = get_team_programme_for(request.user, programme_pk, Perm.CONTRIBUTE)
    visit = get_visit_for(request.user, programme.pk, pk)
    form = DebriefForm(request.POST, instance=visit)
    if form.is_valid():

        def save() -> None:
            with transaction.atomic():
                form.save()
                programme.log_action(
                    request.user,
                    "visit",
                    f"Restitution à chaud notée : {visit.territory.name}",
                )

        if save_or_conflict(form, save=save):
            messages.success(request, "Les notes de la restitution sont enregistrées.")
            return redirect(f"{visit.get_absolute_url()}#restitution")
    tell_errors(request, form)
    return redirect(f"{visit.get_absolute_url()}#restitution")


@login_required
@require_safe
def visit_ics(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    visit = get_visit_for(request.user, programme_pk, pk)
    url = request.build_absolute_uri(visit.get_absolute_url())
    content = visit_calendar(visit, list(visit.slots.all()), url=url)
    return file_response(content, filename=visit_filename(visit), content_type=ICS_TYPE)


@login_required
@require_POST
def visit_send(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    visit = get_visit_for(request.user, programme.pk, pk)
    recipients = send_agenda(visit, by=request.user)
    if recipients:
        names = french.enumeration([person.name for person in recipients])
        messages.success(request, f"L'agenda est envoyé à {names}, avec son fichier calendrier.")
    else:
        messages.error(
            request,
            "Personne à qui envoyer l'agenda : ni les experts ni le référent n'ont d'adresse "
            "e-mail.",
        )
    return redirect(f"{visit.get_absolute_url()}#agenda")


urlpatterns = [
    path("programmes/<int:pk>/ecoute/", visit_list, name="visits"),
    path(
        "programmes/<int:programme_pk>/territoires/<int:territory_pk>/ecoute/ajouter/",
        visit_add,
        name="add_visit",
    ),
    path("programmes/<int:programme_pk>/ecoute/<int:pk>/", visit_page, name="visit"),
    path("programmes/<int:programme_pk>/ecoute/<int:pk>/modifier/", visit_edit, name="edit_visit"),
    path(
        "programmes/<int:programme_pk>/ecoute/<int:pk>/restitution/",
        debrief_edit,
        name="edit_debrief",
    ),
    path("programmes/<int:programme_pk>/ecoute/<int:pk>/agenda.ics", visit_ics, name="visit_ics"),
    path("programmes/<int:programme_pk>/ecoute/<int:pk>/envoyer/", visit_send, name="send_agenda"),
    *part_urls("creneaux", SLOTS, "slot"),
]
