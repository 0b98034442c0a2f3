"""Managing who holds which role on a shared object.

Each function owns its transaction and raises :class:`MembershipError`, with a French message,
when the change is refused. An object always keeps at least one owner.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from essaim.accounts.models import User
from essaim.core.tasks import send_email
from essaim.roles.models import ObjectRole, Role, RoleHolder


class MembershipError(Exception):
    """A change of members that is refused; the message is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def add_member(*, obj: RoleHolder, email: str, role: Role, by: User) -> ObjectRole:
    """Give the account whose address is ``email`` ``role`` on ``obj`` and tell them by e-mail."""
    role = Role(role)
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise MembershipError(
            f"Aucun compte actif n'utilise l'adresse « {email.strip()} ». La personne doit "
            "d'abord avoir un compte sur Essaim : demandez-le à l'administration."
        )
    with transaction.atomic():
        if obj.roles.select_for_update().filter(user=user).exists():
            raise MembershipError(
                f"{user} est déjà membre de « {obj} » : changez son rôle dans la liste."
            )
        object_role = obj.grant(user, role, by=by)
        transaction.on_commit(
            lambda: send_email.enqueue(**_member_added_email(obj=obj, user=user, role=role, by=by))
        )
    return object_role


def change_role(*, obj: RoleHolder, user: User, role: Role, by: User) -> ObjectRole:
    """Replace the role ``user`` holds on ``obj``; the last owner cannot step down."""
    role = Role(role)
    with transaction.atomic():
        current = _current_role(obj=obj, user=user)
        if current == Role.OWNER and role != Role.OWNER:
            _ensure_another_owner(
                obj=obj,
                user=user,
                refusal=f"{user} est le seul propriétaire de « {obj} » : nommez d'abord un autre "
                "propriétaire, puis changez son rôle.",
            )
        return obj.grant(user, role, by=by)


def remove_member(*, obj: RoleHolder, user: User, by: User) -> None:
    """Withdraw every right ``user`` holds on ``obj``; the last owner cannot leave."""
    with transaction.atomic():
        if _current_role(obj=obj, user=user) == Role.OWNER:
            _ensure_another_owner(
                obj=obj,
                user=user,
                refusal=f"{user} est le seul propriétaire de « {obj} » : nommez d'abord un autre "
                "propriétaire, puis retirez-le.",
            )
        obj.revoke(user)


def _current_role(*, obj: RoleHolder, user: User) -> Role:
    role = obj.roles.select_for_update().filter(user=user).values_list("role", flat=True).first()
    if role is None:
        raise MembershipError(f"{user} n'est pas membre de « {obj} ».")
    return Role(role)


def _ensure_another_owner(*, obj: RoleHolder, user: User, refusal: str) -> None:
    # The owners' rows stay locked until the transaction ends, so that two owners who step
    # down at the same time cannot leave the object without one.
    owners = obj.roles.select_for_update().filter(role=Role.OWNER).values_list("user_id", flat=True)
    if not set(owners) - {user.pk}:
        raise MembershipError(refusal)


def _member_added_email(*, obj: RoleHolder, user: User, role: Role, by: User) -> dict:
    context = {
        "user": user,
        "by": by,
        "object": obj,
        "object_kind": obj._meta.verbose_name,
        "role": role,
        "url": settings.SITE_URL + obj.get_absolute_url(),
    }
    return {
        "subject": f"Essaim : vous avez accès à « {obj} »",
        "body": render_to_string("roles/member_added_email.txt", context),
        "to": [user.email],
        "reply_to": [by.email],
    }
