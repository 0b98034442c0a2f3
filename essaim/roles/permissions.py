"""The one permission helper that HTML views and the API share, and the guard of what leaves
in bulk (exports, search results, API lists)."""

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from essaim.roles.models import Perm, RoleHolder


class ConfidentialityError(PermissionDenied):
    """Rows about to leave (export, search, API) that their recipient may not see."""


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


def assert_confidential_respected(user, rows: Iterable[RoleHolder]) -> None:
    """Check, in one query per model, that ``user`` may see every row of ``rows``; raise
    :class:`ConfidentialityError` otherwise.

    Exports, search and API lists start from ``Model.objects.visible_to(user)``; they call this
    on what they are about to send, so that a row reached another way (through a relation, a
    search index, a prefetch) never leaves for someone outside its team.
    """
    keys_by_model: dict[type[RoleHolder], set] = defaultdict(set)
    for row in rows:
        keys_by_model[type(row)].add(row.pk)
    for model, keys in keys_by_model.items():
        visible = set(
            model._default_manager.visible_to(user).filter(pk__in=keys).values_list("pk", flat=True)
        )
        if keys - visible:
            raise ConfidentialityError(
                f"Ces données comptent des « {model._meta.verbose_name_plural} » que leur "
                "destinataire n'a pas le droit de voir."
            )
