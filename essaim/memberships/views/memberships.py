"""One membership: create it, see it, correct it, record its payment, renew it, end it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.models import HistoryEntry
from essaim.mail.tasks import send_email
from essaim.memberships import services
from essaim.memberships.access import get_membership_for, types_for
from essaim.memberships.emails import receipt_email
from essaim.memberships.forms import MembershipForm, PaymentForm
from essaim.memberships.models import Membership
from essaim.memberships.services import MembershipRefused
from essaim.roles.models import Perm
from essaim.roles.permissions import has_perm


@login_required
@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest) -> HttpResponse:
    types = types_for(request.user, Perm.EDIT)
    initial = {}
    if (type_id := request.GET.get("type", "")).isdigit():
        initial["membership_type"] = type_id
    form = MembershipForm(request.POST or None, types=types, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.create_membership(membership=form.instance, by=request.user)
        except MembershipRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"L'adhésion {membership.year} de {membership.member_name} est enregistrée, en "
                "attente de paiement.",
            )
            return redirect(membership)
    context = {"form": form, "has_types": types.exists()}
    return render(request, "memberships/membership_form.html", context)


@login_required
@require_safe
def membership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk)
    can_edit = has_perm(request.user, membership.membership_type, Perm.EDIT)
    others = (
        Membership.objects.filter(membership_type=membership.membership_type)
        .exclude(pk=membership.pk)
        .order_by("-year")
    )
    if membership.organisation_id:
        others = others.filter(organisation=membership.organisation_id)
    else:
        others = others.filter(organisation__isnull=True, email__iexact=membership.email)
    other_years = list(others)
    history = HistoryEntry.objects.of(membership).select_related("actor")[:50]
    context = {
        "membership": membership,
        "can_edit": can_edit,
        "other_years": other_years,
        "has_next_year": any(other.year == membership.year + 1 for other in other_years),
        "history": list(history),
    }
    return render(request, "memberships/membership_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk, Perm.EDIT)
    types = types_for(request.user, Perm.EDIT)
    form = MembershipForm(request.POST or None, instance=membership, types=types)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():

            def save() -> None:
                with transaction.atomic():
                    form.lock_and_check()
                    services.save_membership_changes(
                        membership=form.save(commit=False),
                        changed=[str(form.fields[name].label) for name in form.changed_data],
                        by=request.user,
                    )

            try:
                saved = save_or_conflict(form, save=save)
            except MembershipRefused as error:
                form.add_error(None, error.message)
            else:
                if saved:
                    messages.success(request, "Les changements sont enregistrés.")
                    return redirect(membership)
        else:
            return redirect(membership)
    return render(
        request, "memberships/membership_form.html", {"form": form, "membership": membership}
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_payment(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk, Perm.EDIT)
    if not membership.is_pending:
        messages.error(
            request,
            f"Cette adhésion est « {membership.get_status_display()} » : son paiement ne peut "
            "plus être enregistré.",
        )
        return redirect(membership)
    form = PaymentForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                paid = services.record_payment(
                    membership=membership,
                    paid_on=data["paid_on"],
                    method=data["payment_method"],
                    reference=data["payment_reference"],
                    amount=data["amount"],
                    by=request.user,
                )
                if data.get("send_receipt"):
                    transaction.on_commit(lambda: send_email.enqueue(**receipt_email(paid)))
        except MembershipRefused as error:
            messages.error(request, error.message)
            return redirect(membership)
        sent = " et envoyé par e-mail" if data.get("send_receipt") else ""
        messages.success(
            request, f"Le paiement est enregistré : reçu n° {paid.receipt_number}{sent}."
        )
        return redirect(paid)
    return render(
        request, "memberships/payment_form.html", {"form": form, "membership": membership}
    )


@login_required
@require_POST
def renew(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk, Perm.EDIT)
    try:
        renewal = services.renew_membership(membership=membership, by=request.user)
    except MembershipRefused as error:
        messages.error(request, error.message)
        return redirect(membership)
    messages.success(
        request,
        f"L'adhésion {renewal.year} est créée, en attente de paiement "
        f"({renewal.get_status_display()}).",
    )
    return redirect(renewal)


@login_required
@require_POST
def expire(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for(request.user, pk, Perm.EDIT)
    try:
        services.expire_membership(membership=membership, by=request.user)
    except MembershipRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"L'adhésion {membership.year} est marquée expirée.")
    return redirect(membership)


urlpatterns = [
    path("adhesions/nouvelle/", membership_create, name="create"),
    path("adhesions/<int:pk>/", membership_detail, name="detail"),
    path("adhesions/<int:pk>/modifier/", membership_edit, name="edit"),
    path("adhesions/<int:pk>/paiement/", record_payment, name="record_payment"),
    path("adhesions/<int:pk>/renouveler/", renew, name="renew"),
    path("adhesions/<int:pk>/expirer/", expire, name="expire"),
]
