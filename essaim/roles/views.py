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
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url

from essaim.roles.forms import AddMemberForm, ChangeRoleForm, RemoveMemberForm
from essaim.roles.models import Perm, Role, RoleHolder
from essaim.roles.permissions import get_object_for, has_perm
from essaim.roles.services import MembershipError, add_member, change_role, remove_member


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
    """List, add, change and remove the members of one object; owners only.

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
                    messages.success(
                        request,
                        f"{added.user} est maintenant {added.get_role_display()} ; "
                        "un e-mail l'a prévenu·e.",
                    )
                    return redirect(request.path)
        elif action in ("change", "remove"):
            return _change_member(request, obj, action)
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


def _next_url(request: HttpRequest, obj: RoleHolder) -> str:
    """The members page again, unless the user has just given up the right to see it."""
    queryset = type(obj)._default_manager.filter(pk=obj.pk)
    refreshed = queryset.visible_to(request.user).with_role_of(request.user).first()
    if refreshed is not None and has_perm(request.user, refreshed, Perm.MANAGE):
        return request.path
    if refreshed is not None:
        return refreshed.get_absolute_url()
    return resolve_url(settings.LOGIN_REDIRECT_URL)
