"""The directory of organisations. The contacts' pages are in person_views.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.search import search
from essaim.organisations.forms import OrganisationFilterForm, OrganisationForm
from essaim.organisations.models import Organisation, Person
from essaim.organisations.services import (
    DirectoryError,
    create_organisation,
    update_organisation,
)
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for
from essaim.roles.views import manage_members, members_context

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset: QuerySet) -> Page:
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    return page


@login_required
@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = OrganisationFilterForm(request.GET)
    organisations = Organisation.objects.visible_to(user)
    is_filtered = False
    order = ["name", "pk"]
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            organisations = search(organisations, query, ranked=True)
            order.insert(0, "search_rank")
        if kind := form.cleaned_data["kind"]:
            organisations = organisations.filter(kind=kind)
        is_filtered = bool(query or kind)
    organisations = (
        organisations.with_contact_count(user)
        .with_role_of(user)
        .select_related("territory")
        .order_by(*order)
    )
    context = {"form": form, "page": paginate(request, organisations), "is_filtered": is_filtered}
    return render(request, "organisations/organisation_list.html", context)


@login_required
@require_safe
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    organisation = get_object_for(
        user, Organisation.objects.select_related("territory"), Perm.VIEW, pk=pk
    )
    permissions = organisation.permissions_for(user)
    territory = organisation.territory
    context = {
        "organisation": organisation,
        "territory_is_visible": territory is not None
        and Perm.VIEW in territory.permissions_for(user),
        "contacts": list(
            Person.objects.visible_to(user)
            .filter(organisation=organisation)
            .order_by("last_name", "first_name", "pk")
        ),
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
        **members_context(
            organisation, user, reverse("organisations:members", args=[organisation.pk])
        ),
    }
    return render(request, "organisations/organisation_detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = create_organisation(organisation=form.instance, created_by=request.user)
        except DirectoryError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request, f"L'organisation « {organisation} » est créée ; vous en êtes propriétaire."
            )
            return redirect(organisation)
    return render(
        request, "organisations/organisation_form.html", {"form": form, "organisation": None}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for(request.user, Organisation.objects.all(), Perm.EDIT, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)

    def save() -> None:
        with transaction.atomic():
            form.lock_and_check()
            update_organisation(organisation=form.instance, fields=form.changed_data)

    if request.method == "POST" and form.is_valid():
        try:
            saved = save_or_conflict(form, save=save)
        except DirectoryError as error:
            form.add_error(error.field, error.message)
        else:
            if saved:
                messages.success(request, f"L'organisation « {organisation} » est enregistrée.")
                return redirect(organisation)
    context = {"form": form, "organisation": organisation}
    return render(request, "organisations/organisation_form.html", context)


@login_required
@require_POST
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for(request.user, Organisation.objects.all(), Perm.MANAGE, pk=pk)
    name = str(organisation)
    organisation.delete()
    messages.success(
        request,
        f"L'organisation « {name} » est supprimée. Ses contacts sont conservés, sans organisation.",
    )
    return redirect("organisations:list")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_members(request: HttpRequest, pk: int) -> HttpResponse:
    return manage_members(
        request,
        queryset=Organisation.objects.all(),
        pk=pk,
        breadcrumb=[("Organisations", reverse("organisations:list"))],
    )
