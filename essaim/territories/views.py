"""Pages of territories: list, creation, detail, edition, deletion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from essaim.core.concurrency import save_or_conflict
from essaim.core.page_cache import kept_page
from essaim.core.search import search
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for
from essaim.roles.views import manage_members, members_context
from essaim.territories import services
from essaim.territories.forms import (
    CreationMode,
    TerritoryCreateForm,
    TerritoryFilterForm,
    TerritoryForm,
)
from essaim.territories.models import Commune, Departement, Epci, Region, Territory

TERRITORIES_PER_PAGE = 25
COMMUNES_PER_PAGE = 100


@login_required
def territory_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    territories = Territory.objects.visible_to(user).with_stats().with_role_of(user)
    form = TerritoryFilterForm(request.GET)
    filtered = False
    order = ["name", "pk"]
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            territories = search(territories, query, ranked=True)
            order.insert(0, "search_rank")
            filtered = True
        if kind := form.cleaned_data["kind"]:
            territories = territories.filter(kind=kind)
            filtered = True
    page = Paginator(territories.order_by(*order), TERRITORIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "filtered": filtered}
    return render(request, "territories/territory_list.html", context)


@login_required
def territory_create(request: HttpRequest) -> HttpResponse:
    """One page, five ways: from an EPCI, a département, a région, a commune, or communes picked
    one by one. Switching way reloads only the form (htmx)."""
    mode_value = request.POST.get("depuis") or request.GET.get("depuis") or CreationMode.EPCI
    mode = CreationMode(mode_value) if mode_value in CreationMode.values else CreationMode.EPCI
    options = {
        "mode": mode,
        "departements": list(Departement.objects.order_by("code")),
        "regions": list(Region.objects.order_by("name")),
    }
    if request.method == "POST":
        form = TerritoryCreateForm(request.POST, **options)
        if form.is_valid():
            try:
                territory = _create(mode, form.cleaned_data, request.user)
            except services.TerritoryError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Le territoire « {territory.name} » a été créé.")
                return redirect(territory)
    else:
        form = TerritoryCreateForm(initial=_prefilled(request.GET), **options)
    template = "territories/territory_create.html"
    if request.htmx and request.method == "GET":
        template += "#creation"
    context = {"form": form, "mode": mode, "modes": CreationMode}
    return render(request, template, context)


def _prefilled(query) -> dict:
    """Start from the EPCI or commune whose page the user comes from."""
    initial = {}
    if siren := query.get("epci"):
        initial["epci"] = list(Epci.objects.filter(siren=siren))
    if code := query.get("commune"):
        initial["commune"] = list(Commune.objects.filter(insee_code=code))
    return initial


def _create(mode: CreationMode, data: dict, user) -> Territory:
    common = {"created_by": user, "name": data.get("name", ""), "shared": data["shared"]}
    if mode == CreationMode.EPCI:
        return services.create_territory_from_epci(epci=data["epci"], **common)
    if mode == CreationMode.DEPARTEMENT:
        return services.create_territory_from_departement(departement=data["departement"], **common)
    if mode == CreationMode.REGION:
        return services.create_territory_from_region(region=data["region"], **common)
    if mode == CreationMode.COMMUNE:
        return services.create_territory_from_commune(commune=data["commune"], **common)
    return services.create_territory(
        kind=data["kind"], communes=data["communes"], description=data["description"], **common
    )


@login_required
@kept_page
def territory_detail(request: HttpRequest, pk: int) -> HttpResponse:
    territory = get_object_for(
        request.user,
        Territory.objects.with_stats().select_related("epci", "departement", "created_by"),
        pk=pk,
    )
    communes = territory.communes.select_related("departement", "epci").order_by(
        "name", "insee_code"
    )
    permissions = territory.permissions_for(request.user)
    context = {
        "territory": territory,
        "communes": Paginator(communes, COMMUNES_PER_PAGE).get_page(request.GET.get("page")),
        "organisations": list(territory.organisations.order_by("name")),
        "experiments": list(
            territory.experiments.visible_to(request.user)
            .only("title", "stage")
            .order_by("title", "pk")
        ),
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
        **members_context(territory, request.user, reverse("territories:members", args=[pk])),
    }
    return render(request, "territories/territory_detail.html", context)


@login_required
def territory_edit(request: HttpRequest, pk: int) -> HttpResponse:
    territory = get_object_for(request.user, Territory.objects.all(), Perm.EDIT, pk=pk)
    if request.method == "POST":
        form = TerritoryForm(request.POST, instance=territory)

        def save() -> None:
            with transaction.atomic():
                form.lock_and_check()
                services.update_territory(territory=territory, **form.cleaned_data)

        if form.is_valid():
            try:
                saved = save_or_conflict(form, save=save)
            except services.TerritoryError as error:
                form.add_error(None, error.message)
            else:
                if saved:
                    messages.success(
                        request, f"Le territoire « {territory.name} » a été enregistré."
                    )
                    return redirect(territory)
    else:
        form = TerritoryForm(
            instance=territory,
            initial={
                "name": territory.name,
                "kind": territory.kind,
                "description": territory.description,
                "shared": territory.shared,
                "communes": list(territory.communes.order_by("name", "insee_code")),
            },
        )
    return render(
        request, "territories/territory_edit.html", {"form": form, "territory": territory}
    )


@login_required
@require_POST
def territory_delete(request: HttpRequest, pk: int) -> HttpResponse:
    territory = get_object_for(request.user, Territory.objects.all(), Perm.MANAGE, pk=pk)
    name = territory.name
    territory.delete()
    messages.success(request, f"Le territoire « {name} » a été supprimé.")
    return redirect("territories:list")


@login_required
def territory_members(request: HttpRequest, pk: int) -> HttpResponse:
    return manage_members(
        request,
        queryset=Territory.objects.all(),
        pk=pk,
        breadcrumb=[("Territoires", reverse("territories:list"))],
    )
