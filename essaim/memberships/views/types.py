"""Membership types: their list, creation and settings (fee or brackets, how to pay, when to
remind), and who manages them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.history import history_page
from essaim.memberships import services
from essaim.memberships.access import get_type_for
from essaim.memberships.forms import BracketFormSet, MembershipTypeForm
from essaim.memberships.models import FeeBracket, MembershipType, Status
from essaim.roles.models import Perm
from essaim.roles.permissions import has_perm
from essaim.roles.views import manage_members


@login_required
@require_safe
def type_list(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    types = (
        MembershipType.objects.visible_to(request.user)
        .with_role_of(request.user)
        .select_related("organiser")
        .prefetch_related(
            Prefetch("brackets", queryset=FeeBracket.objects.order_by("position", "pk"))
        )
        .annotate(
            paid_count=Count(
                "memberships", filter=Q(memberships__year=year, memberships__status=Status.PAID)
            ),
            pending_count=Count(
                "memberships",
                filter=Q(memberships__year=year, memberships__status=Status.PENDING),
            ),
        )
        .order_by("-active", "name", "pk")
    )
    types = list(types)
    for membership_type in types:
        membership_type.can_edit = has_perm(request.user, membership_type, Perm.EDIT)
        membership_type.can_manage = has_perm(request.user, membership_type, Perm.MANAGE)
    context = {"types": types, "year": year}
    return render(request, "memberships/type_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def type_create(request: HttpRequest) -> HttpResponse:
    return _type_form(request, MembershipType())


@login_required
@require_http_methods(["GET", "POST"])
def type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _type_form(request, get_type_for(request.user, pk, Perm.EDIT))


def _type_form(request: HttpRequest, membership_type: MembershipType) -> HttpResponse:
    """The type and its brackets, saved together or not at all."""
    is_new = membership_type.pk is None
    data = request.POST if request.method == "POST" else None
    form = MembershipTypeForm(data, instance=membership_type)
    brackets = BracketFormSet(
        data,
        instance=membership_type,
        prefix="tranches",
        queryset=FeeBracket.objects.order_by("position", "pk"),
    )
    if request.method == "POST" and form.is_valid() and brackets.is_valid():
        if form.cleaned_data["fee"] is None and not brackets.remaining_count():
            form.add_error(
                "fee", "Indiquez une cotisation annuelle, ou décrivez au moins une tranche."
            )
        elif save_or_conflict(
            form, save=lambda: _save_type(form, brackets, is_new=is_new, by=request.user)
        ):
            verb = "créé" if is_new else "enregistré"
            messages.success(request, f"Le type d'adhésion « {form.instance} » est {verb}.")
            return redirect("memberships:type_list")
    context = {"form": form, "brackets": brackets, "membership_type": membership_type}
    return render(request, "memberships/type_form.html", context)


def _save_type(form: MembershipTypeForm, brackets: BracketFormSet, *, is_new: bool, by) -> None:
    with transaction.atomic():
        form.lock_and_check()
        saved = form.save(commit=False)
        if is_new:
            services.create_membership_type(membership_type=saved, by=by)
        else:
            saved.save()
            saved.log_action(by, "updated", "Type d'adhésion modifié")
        brackets.instance = saved
        _save_brackets(brackets)


def _save_brackets(brackets: BracketFormSet) -> None:
    """Save the brackets in the order of the form."""
    kept = brackets.save(commit=False)
    for bracket in brackets.deleted_objects:
        bracket.delete()
    order = {id(form.instance): index for index, form in enumerate(brackets.forms)}
    for bracket in kept:
        bracket.position = order.get(id(bracket), bracket.position)
        bracket.save()


@login_required
@require_safe
def type_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every change made to a membership type: who made it, when, and what."""
    membership_type = get_type_for(request.user, pk)
    context = {"membership_type": membership_type, **history_page(request, membership_type)}
    return render(request, "memberships/type_history.html", context)


@login_required
def type_members(request: HttpRequest, pk: int) -> HttpResponse:
    """Who manages the memberships of a type: owners add and remove them."""
    membership_type = get_type_for(request.user, pk)
    return manage_members(
        request,
        queryset=MembershipType.objects.all(),
        pk=pk,
        breadcrumb=[
            ("Adhésions", reverse("memberships:list")),
            ("Types d'adhésion", reverse("memberships:type_list")),
        ],
        template_name="memberships/type_members.html",
        extra_context={"membership_type": membership_type},
    )


urlpatterns = [
    path("adhesions/types/", type_list, name="type_list"),
    path("adhesions/types/nouveau/", type_create, name="type_create"),
    path("adhesions/types/<int:pk>/modifier/", type_edit, name="type_edit"),
    path("adhesions/types/<int:pk>/membres/", type_members, name="type_members"),
    path("adhesions/types/<int:pk>/historique/", type_history, name="type_history"),
]
