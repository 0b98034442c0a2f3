"""The contacts: personal data, seen only by those with a role on the contact or on their
organisation (see :meth:`PersonQuerySet.visible_to`); anyone else gets a 404."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.downloads import file_response
from essaim.core.search import search
from essaim.organisations.forms import PersonFilterForm, PersonForm
from essaim.organisations.models import Organisation, Person
from essaim.organisations.services import create_person
from essaim.organisations.views import paginate
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for
from essaim.roles.views import manage_members, members_context


@login_required
@require_safe
def person_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PersonFilterForm(request.GET, user=user)
    people = Person.objects.visible_to(user)
    is_filtered = False
    order = ["last_name", "first_name", "pk"]
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            people = search(people, query, ranked=True)
            order.insert(0, "search_rank")
        if organisation := form.cleaned_data["organisation"]:
            people = people.filter(organisation=organisation)
        is_filtered = bool(query or organisation)
    people = people.select_related("organisation").order_by(*order)
    context = {"form": form, "page": paginate(request, people), "is_filtered": is_filtered}
    return render(request, "organisations/person_list.html", context)


@login_required
@require_safe
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    person = get_object_for(user, Person.objects.select_related("organisation"), Perm.VIEW, pk=pk)
    permissions = person.permissions_for(user)
    can_manage = Perm.MANAGE in permissions
    context = {
        "person": person,
        "can_edit": Perm.EDIT in permissions,
        "can_manage": can_manage,
        **members_context(person, user, reverse("organisations:person_members", args=[person.pk])),
    }
    return render(request, "organisations/person_detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if (organisation_id := request.GET.get("organisation", "")).isdigit():
        initial["organisation"] = Organisation.objects.filter(pk=organisation_id).first()
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = create_person(person=form.instance, created_by=request.user)
        messages.success(request, f"Le contact « {person} » est enregistré.")
        return redirect(person)
    return render(request, "organisations/person_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_for(request.user, Person.objects.all(), Perm.EDIT, pk=pk)
    form = PersonForm(request.POST or None, instance=person)

    def save() -> None:
        with transaction.atomic():
            form.lock_and_check()
            # Every field of the form: the consent date may be filled in by the model's clean().
            form.instance.save(update_fields=[*PersonForm.Meta.fields, "updated_at"])

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, f"Le contact « {person} » est enregistré.")
        return redirect(person)
    return render(request, "organisations/person_form.html", {"form": form, "person": person})


@login_required
@require_POST
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_for(request.user, Person.objects.all(), Perm.MANAGE, pk=pk)
    name = str(person)
    person.delete()
    messages.success(request, f"Le contact « {name} » et toutes ses données sont supprimés.")
    return redirect("organisations:person_list")


@login_required
@require_safe
def person_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The contact's data as a JSON file, to hand them on request."""
    person = get_object_for(
        request.user, Person.objects.select_related("organisation", "user"), Perm.MANAGE, pk=pk
    )
    content = json.dumps(
        person.personal_data(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    return file_response(
        content, filename=f"contact-{person.pk}.json", content_type="application/json"
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def person_members(request: HttpRequest, pk: int) -> HttpResponse:
    return manage_members(
        request,
        queryset=Person.objects.all(),
        pk=pk,
        breadcrumb=[("Contacts", reverse("organisations:person_list"))],
    )
