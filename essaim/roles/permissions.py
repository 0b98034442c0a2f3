"""The one permission helper that HTML views and the API share."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from essaim.roles.models import Perm, RoleHolder


def has_perm(user, obj: RoleHolder, perm: Perm | str) -> bool:
    return Perm(perm) in obj.permissions_for(user)


def get_object_for(user, queryset: QuerySet, perm: Perm | str = Perm.VIEW, **lookups) -> RoleHolder:
    """Fetch one row that ``user`` may see, then check that they may ``perm`` on it.

    A row they may not see does not exist for them (404); a row they may see but not change is
    forbidden (403).
    """
    obj = queryset.visible_to(user).with_role_of(user).filter(**lookups).first()
    if obj is None:
        raise Http404("Cette page n'existe pas ou ne vous est pas accessible.")
    if not has_perm(user, obj, perm):
        raise PermissionDenied("Votre rôle ne vous permet pas cette action.")
    return obj
