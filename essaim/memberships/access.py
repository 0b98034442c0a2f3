"""Fetch membership types and memberships for those who manage them (404 for others, 403 for a
role too weak). A membership is managed by the people who hold a role on its type."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from essaim.memberships.models import Membership, MembershipType
from essaim.roles.models import ROLE_PERMISSIONS, Perm
from essaim.roles.permissions import get_object_for, has_perm


def get_type_for(user, pk: int, perm: Perm | str = Perm.VIEW) -> MembershipType:
    return get_object_for(user, MembershipType.objects.select_related("organiser"), perm, pk=pk)


def get_membership_for(user, pk: int, perm: Perm | str = Perm.VIEW) -> Membership:
    """The membership ``pk`` if ``user`` holds a role on its type (else 404) that allows
    ``perm`` (else 403)."""
    membership = (
        Membership.objects.managed_by(user)
        .select_related("membership_type__organiser", "organisation", "bracket")
        .filter(pk=pk)
        .first()
    )
    if membership is None:
        raise Http404("Cette adhésion n'existe pas ou ne vous est pas accessible.")
    if not has_perm(user, membership.membership_type, perm):
        raise PermissionDenied("Votre rôle ne vous permet pas cette action.")
    return membership


def types_for(user, perm: Perm | str = Perm.VIEW) -> QuerySet:
    """The membership types on which ``user`` may ``perm`` (every type for staff)."""
    types = MembershipType.objects.all()
    if user.is_authenticated and user.is_active and user.is_staff:
        return types
    if not user.is_authenticated or not user.is_active:
        return types.none()
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if Perm(perm) in perms]
    return types.filter(roles__user=user, roles__role__in=roles)
