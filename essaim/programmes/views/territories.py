"""Tab « Territoires »: the candidates and the territories taking part, each with the
organisers' expectations as a checklist, moved through the statuses of the selection; the map
of the participating territories and their populations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.views import attachments_context
from essaim.core.concurrency import save_with_history
from essaim.programmes import selection
from essaim.programmes.access import get_programme_for, get_territory_for
from essaim.programmes.children import ProgrammePart, part_urls
from essaim.programmes.forms.territories import (
    CandidateForm,
    ContactForm,
    StatusForm,
    TerritoryForm,
)
from essaim.programmes.models import (
    ContactKind,
    ProgrammeTerritory,
    SelectionError,
    TerritoryContact,
)
from essaim.programmes.services.territories import (
    add_candidate,
    annotated,
    counts_by_status,
    move_territory,
    perimeter_figures,
    progress_of,
    territories_map,
    with_progress,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm


def territory_url(programme, contact=None) -> str:
    """Back to the territory of ``contact`` (``contact`` None: the list of territories)."""
    if contact is None:
        return reverse("programmes:territories", args=[programme.pk])
    url = reverse("programmes:territory", args=[programme.pk, contact.territory_id])
    return f"{url}#contacts"


def new_contact(programme, territory_pk) -> TerritoryContact:
    territory = ProgrammeTerritory.objects.filter(programme=programme, pk=territory_pk).first()
    if territory is None:
        raise Http404("Cette page n'existe pas.")
    return TerritoryContact(territory=territory, kind=ContactKind.PARTICIPANT)


CONTACTS = ProgrammePart(
    model=TerritoryContact,
    form_class=ContactForm,
    label="contact",
    tab="territories",
    back_url=territory_url,
    path_to_programme="territory__programme",
    new_child=new_contact,
    owner_of=lambda contact: contact.territory,
    owner_in_url=True,
    anonymous_history=lambda contact: (
        f"{contact.get_kind_display().capitalize()} de « {contact.territory.name} »"
    ),
)


@login_required
@require_safe
def territory_list(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    territories = list(
        with_progress(programme.territories.select_related("perimeter", "programme"))
    )
    figures = perimeter_figures(territories)
    for territory in territories:
        territory.figures = figures.get(territory.pk)
        territory.checklist = selection.checklist(progress_of(territory))
        territory.items_done = sum(item.done for item in territory.checklist)
    taking_part = [territory for territory in territories if territory.takes_part]
    context = {
        **programme_context(programme, request.user, "territories"),
        "territories": territories,
        "taking_part": taking_part,
        "total_population": sum(
            territory.figures.population for territory in taking_part if territory.figures
        ),
        "status_counts": counts_by_status(territories),
        "any_illustrative": any(territory.illustrative for territory in territories),
        # lib/svg_france_map escapes every text it writes.
        "map": mark_safe(territories_map(territories, figures)),
    }
    return render(request, "programmes/territories.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def territory_add(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk, Perm.EDIT)
    form = CandidateForm(request.POST or None, programme=programme, user=request.user)
    if request.method == "POST" and form.is_valid():
        territory = add_candidate(
            programme=programme,
            form_data=form.cleaned_data,
            actor=request.user,
            on=timezone.localdate(),
        )
        messages.success(request, f"Territoire « {territory.name} » ajouté, statut « contacté ».")
        return redirect(territory.get_absolute_url())
    context = {**programme_context(programme, request.user, "territories"), "form": form}
    return render(request, "programmes/territory_add.html", context)


@login_required
@require_safe
def territory_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    territory = annotated(get_territory_for(request.user, programme_pk, pk))
    programme = territory.programme
    can_edit_programme = Perm.EDIT in programme.permissions_for(request.user)
    context = _territory_context(request, territory)
    context["status_form"] = StatusForm(initial={"on": timezone.localdate()}, territory=territory)
    context["can_move"] = can_edit_programme
    return render(request, "programmes/territory.html", context)


def _territory_context(request: HttpRequest, territory: ProgrammeTerritory) -> dict:
    programme = territory.programme
    figures = perimeter_figures([territory]).get(territory.pk)
    contacts = list(territory.contacts.all())
    return {
        **programme_context(programme, request.user, "territories"),
        "territory": territory,
        "figures": figures,
        "checklist": selection.checklist(progress_of(territory)),
        "referent": next((c for c in contacts if c.kind == ContactKind.REFERENT), None),
        "participants": [c for c in contacts if c.kind == ContactKind.PARTICIPANT],
        "status_changes": list(territory.status_changes.select_related("actor")),
        "visits": list(territory.visits.prefetch_related("experts")),
        **attachments_context(request, territory),
    }


@login_required
@require_POST
def territory_move(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    territory = get_territory_for(request.user, programme.pk, pk)
    form = StatusForm(request.POST, territory=territory)
    if form.is_valid():
        try:
            move_territory(
                territory=territory,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
                loaded=form.cleaned_data["loaded"],
                actor=request.user,
            )
        except SelectionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            territory.refresh_from_db()
            messages.success(request, f"« {territory.name} » : {territory.get_status_display()}.")
            return redirect(territory.get_absolute_url())
    context = _territory_context(request, annotated(territory))
    context["status_form"] = form
    context["can_move"] = True
    return render(request, "programmes/territory.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def territory_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    territory = get_territory_for(request.user, programme.pk, pk)
    form = TerritoryForm(request.POST or None, instance=territory, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = save_with_history(
            form,
            owner=programme,
            actor=request.user,
            verb="territory",
            what=f"Territoire « {territory.name} » modifié",
        )
        if saved:
            messages.success(request, "Le territoire est enregistré.")
            return redirect(territory.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "territories"),
        "territory": territory,
        "form": form,
    }
    return render(request, "programmes/territory_edit.html", context)


urlpatterns = [
    path("programmes/<int:pk>/territoires/", territory_list, name="territories"),
    path("programmes/<int:pk>/territoires/ajouter/", territory_add, name="add_territory"),
    path(
        "programmes/<int:programme_pk>/territoires/<int:pk>/",
        territory_page,
        name="territory",
    ),
    path(
        "programmes/<int:programme_pk>/territoires/<int:pk>/modifier/",
        territory_edit,
        name="edit_territory",
    ),
    path(
        "programmes/<int:programme_pk>/territoires/<int:pk>/statut/",
        territory_move,
        name="move_territory",
    ),
    *part_urls("contacts", CONTACTS, "contact"),
]
