"""The members pages, shared by every app whose objects carry roles.

An app wires one URL per model and calls :func:`manage_members`::

    @login_required
    def organisation_members(request, pk):
        return manage_members(request, queryset=Organisation.objects.all(), pk=pk)

and shows the members on its detail page with ``roles/_members.html``, given the context that
:func:`members_context` builds.
"""

from collections.abc import Sequence

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from essaim.accounts.models import User
from essaim.roles import services
from essaim.roles.forms import (
    AddMemberForm,
    ChangeRoleForm,
    InvitationActionForm,
    InvitationSignupForm,
    RemoveMemberForm,
)
from essaim.roles.models import Invitation, Perm, Role, RoleHolder
from essaim.roles.permissions import get_object_for, has_perm
from essaim.roles.services import (
    MembershipError,
    add_member,
    cancel_invitation,
    change_role,
    remove_member,
    resend_invitation,
)


def members_context(obj: RoleHolder, user, members_url: str) -> dict:
    """What ``roles/_members.html`` shows: the members of ``obj``, and ``members_url``, the
    page to manage them, for those who may."""
    return {
        "members": list(obj.members()),
        "members_url": members_url if has_perm(user, obj, Perm.MANAGE) else "",
    }


def manage_members(
    request: HttpRequest,
    *,
    queryset: QuerySet,
    pk: int,
    breadcrumb: Sequence[tuple[str, str]] = (),
    template_name: str = "roles/members.html",
    extra_context: dict | None = None,
) -> HttpResponse:
    """List, add (or invite), change and remove the members of one object; owners only.

    ``breadcrumb`` holds the (label, url) links shown before the object's own.
    """
    obj = get_object_for(request.user, queryset, Perm.MANAGE, pk=pk)
    add_form = AddMemberForm(prefix="add")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            add_form = AddMemberForm(request.POST, prefix="add")
            if add_form.is_valid():
                try:
                    added = add_member(
                        obj=obj,
                        email=add_form.cleaned_data["email"],
                        role=Role(add_form.cleaned_data["role"]),
                        by=request.user,
                    )
                except MembershipError as error:
                    add_form.add_error("email", error.message)
                else:
                    if isinstance(added, Invitation):
                        messages.success(
                            request,
                            f"{added.email} n'a pas encore de compte : une invitation lui a été "
                            f"envoyée. Il ou elle sera {added.get_role_display()} après avoir "
                            "créé son compte.",
                        )
                    else:
                        messages.success(
                            request,
                            f"{added.user} est maintenant {added.get_role_display()} ; "
                            "un e-mail l'a prévenu·e.",
                        )
                    return redirect(request.path)
        elif action in ("change", "remove"):
            return _change_member(request, obj, action)
        elif action in ("resend_invitation", "cancel_invitation"):
            return _change_invitation(request, obj, action)
        else:
            messages.error(request, "Action inconnue.")
            return redirect(request.path)

    members = list(obj.members())
    context = {
        "object": obj,
        "object_kind": obj._meta.verbose_name,
        "breadcrumb": list(breadcrumb),
        "members": members,
        "owner_count": sum(member.role == Role.OWNER for member in members),
        "invitations": list(
            obj.invitations.pending().select_related("invited_by").order_by("email")
        ),
        "roles": list(Role),
        "add_form": add_form,
        **(extra_context or {}),
    }
    return render(request, template_name, context)


def _change_member(request: HttpRequest, obj: RoleHolder, action: str) -> HttpResponse:
    form = (ChangeRoleForm if action == "change" else RemoveMemberForm)(request.POST)
    if not form.is_valid():
        messages.error(request, "Choisissez un rôle dans la liste.")
        return redirect(request.path)
    member = obj.roles.select_related("user").filter(pk=form.cleaned_data["member"]).first()
    if member is None:
        messages.error(request, "Ce membre n'existe plus : la liste a été mise à jour.")
        return redirect(request.path)
    try:
        if action == "change":
            role = Role(form.cleaned_data["role"])
            change_role(obj=obj, user=member.user, role=role, by=request.user)
            messages.success(request, f"{member.user} est maintenant {role.label}.")
        else:
            remove_member(obj=obj, user=member.user, by=request.user)
            messages.success(request, f"{member.user} n'a plus accès à « {obj} ».")
    except MembershipError as error:
        messages.error(request, error.message)
    return redirect(_next_url(request, obj))


def _change_invitation(request: HttpRequest, obj: RoleHolder, action: str) -> HttpResponse:
    form = InvitationActionForm(request.POST)
    invitation = None
    if form.is_valid():
        invitation = obj.invitations.pending().filter(pk=form.cleaned_data["invitation"]).first()
    if invitation is None:
        messages.error(
            request, "Cette invitation n'est plus en attente : la liste a été mise à jour."
        )
        return redirect(request.path)
    try:
        if action == "resend_invitation":
            resend_invitation(invitation=invitation, by=request.user)
            messages.success(
                request,
                f"L'invitation est renvoyée à {invitation.email}, avec un nouveau lien valable "
                "quatorze jours.",
            )
        else:
            cancel_invitation(invitation=invitation, by=request.user)
            messages.success(request, f"L'invitation de {invitation.email} est annulée.")
    except MembershipError as error:
        messages.error(request, error.message)
    return redirect(request.path)


def _next_url(request: HttpRequest, obj: RoleHolder) -> str:
    """The members page again, unless the user has just given up the right to see it."""
    queryset = type(obj)._default_manager.filter(pk=obj.pk)
    refreshed = queryset.visible_to(request.user).with_role_of(request.user).first()
    if refreshed is not None and has_perm(request.user, refreshed, Perm.MANAGE):
        return request.path
    if refreshed is not None:
        return refreshed.get_absolute_url()
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Where the link of an invitation leads: the invited person creates their account (or,
    already signed in with the invited address, simply accepts) and gets the role."""
    invitation = Invitation.objects.select_related("invited_by").by_token(token)
    target = invitation.target if invitation is not None else None
    if invitation is None or target is None:
        return _invitation_refused(request, "unknown", None, status=404)
    if invitation.accepted_at is not None:
        return _invitation_refused(request, "used", invitation, status=410)
    if invitation.is_expired:
        return _invitation_refused(request, "expired", invitation, status=410)
    context = {
        "invitation": invitation,
        "target": target,
        "object_kind": target._meta.verbose_name,
        "role": Role(invitation.role),
        "form": None,
        "has_account": False,
        "wrong_account": False,
    }
    user = request.user
    if user.is_authenticated:
        if user.email.lower() != invitation.email:
            context["wrong_account"] = True
            return render(request, "roles/invitation_accept.html", context, status=403)
        if request.method == "POST":
            try:
                object_role = services.accept_invitation(invitation=invitation, user=user)
            except MembershipError as error:
                messages.error(request, error.message)
                return redirect(request.path)
            return _welcome(request, object_role)
        return render(request, "roles/invitation_accept.html", context)
    if User.objects.filter(email__iexact=invitation.email).exists():
        context["has_account"] = True
        return render(request, "roles/invitation_accept.html", context)
    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=invitation.email,
                    password=form.cleaned_data["password1"],
                    full_name=form.cleaned_data["full_name"],
                )
                object_role = services.accept_invitation(invitation=invitation, user=user)
        except MembershipError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcome(request, object_role)
    context["form"] = form
    return render(request, "roles/invitation_accept.html", context)


def _welcome(request: HttpRequest, object_role) -> HttpResponse:
    target = object_role.target
    messages.success(
        request, f"Bienvenue ! Vous êtes {object_role.get_role_display()} de « {target} »."
    )
    return redirect(target.get_absolute_url())


def _invitation_refused(
    request: HttpRequest, reason: str, invitation: Invitation | None, *, status: int
) -> HttpResponse:
    context = {"reason": reason, "invitation": invitation}
    return render(request, "roles/invitation_invalid.html", context, status=status)
