"""Managing who holds which role on a shared object.

Each function owns its transaction and raises :class:`MembershipError`, with a French message,
when the change is refused. An object always keeps at least one owner. Someone who has no
account yet is invited by e-mail and gets the role when they accept.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import User
from essaim.lib.errors import DomainError
from essaim.mail.tasks import send_email
from essaim.roles.models import Invitation, ObjectRole, Role, RoleHolder


class MembershipError(DomainError):
    """A change of members that is refused; the message is French."""


def add_member(*, obj: RoleHolder, email: str, role: Role, by: User) -> ObjectRole | Invitation:
    """Give the account whose address is ``email`` ``role`` on ``obj`` and tell them by e-mail.

    An address that no account uses gets an :class:`Invitation` instead, returned."""
    role = Role(role)
    address = email.strip().lower()
    user = User.objects.filter(email__iexact=address).first()
    if user is None:
        return invite(obj=obj, email=address, role=role, by=by)
    if not user.is_active:
        raise MembershipError(
            f"Le compte qui utilise l'adresse « {address} » est désactivé : demandez à "
            "l'administration de le réactiver."
        )
    with transaction.atomic():
        if obj.roles.select_for_update().filter(user=user).exists():
            raise MembershipError(
                f"{user} est déjà membre de « {obj} » : changez son rôle dans la liste."
            )
        object_role = obj.grant(user, role, by=by)
        obj.invitations.pending().filter(email=address).delete()
        _log(obj, by, "member", f"{user} ajouté comme {role.label}")
        transaction.on_commit(
            lambda: send_email.enqueue(**_member_added_email(obj=obj, user=user, role=role, by=by))
        )
    return object_role


def invite(*, obj: RoleHolder, email: str, role: Role, by: User) -> Invitation:
    """Offer ``role`` on ``obj`` to ``email``, which no account uses, and send the link."""
    role = Role(role)
    address = email.strip().lower()
    already = MembershipError(
        f"Une invitation attend déjà la réponse de « {address} » : renvoyez-la depuis la liste "
        "des invitations en attente."
    )
    try:
        with transaction.atomic():
            pending = obj.invitations.pending().select_for_update().filter(email=address).first()
            if pending is not None and not pending.is_expired:
                raise already
            if pending is not None:
                pending.delete()
            invitation = Invitation(target=obj, email=address, role=role, invited_by=by)
            token = invitation.new_token()
            invitation.save()
            _log(obj, by, "invited", f"Invitation envoyée à {address} ({role.label})")
            _send_invitation(invitation, token)
    except IntegrityError:
        raise already from None
    return invitation


def resend_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Send a pending invitation again, with a new link valid for another fortnight; the old
    link stops working."""
    with transaction.atomic():
        invitation = _lock_pending(invitation)
        token = invitation.new_token()
        invitation.invited_by = by
        invitation.save(update_fields=["token_hash", "created_at", "expires_at", "invited_by"])
        _log(invitation.target, by, "invited", f"Invitation renvoyée à {invitation.email}")
        _send_invitation(invitation, token)
    return invitation


def cancel_invitation(*, invitation: Invitation, by: User) -> None:
    """Withdraw a pending invitation: its link stops working."""
    with transaction.atomic():
        invitation = _lock_pending(invitation)
        target = invitation.target
        invitation.delete()
        _log(target, by, "uninvited", f"Invitation de {invitation.email} annulée")


def accept_invitation(*, invitation: Invitation, user: User) -> ObjectRole:
    """Give ``user`` the role the invitation offers (or keep the role they already hold)."""
    with transaction.atomic():
        invitation = _lock_pending(invitation)
        if invitation.is_expired:
            raise MembershipError(
                "Cette invitation a expiré : demandez à la personne qui vous a invité·e de vous "
                "la renvoyer."
            )
        if user.email.lower() != invitation.email:
            raise MembershipError(
                f"Cette invitation est adressée à {invitation.email}, pas à {user.email}."
            )
        target = invitation.target
        if target is None:
            raise MembershipError("Ce à quoi vous étiez invité·e n'existe plus.")
        object_role = target.roles.select_for_update().filter(user=user).first()
        if object_role is None:
            object_role = target.grant(user, Role(invitation.role), by=invitation.invited_by)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        _log(
            target,
            user,
            "joined",
            f"{user} a accepté l'invitation : {object_role.get_role_display()}",
        )
    return object_role


def _lock_pending(invitation: Invitation) -> Invitation:
    locked = (
        Invitation.objects.select_for_update()
        .filter(pk=invitation.pk, accepted_at__isnull=True)
        .first()
    )
    if locked is None:
        raise MembershipError("Cette invitation a déjà été acceptée ou annulée.")
    return locked


def _log(obj, actor, verb: str, summary: str) -> None:
    """Keep the change in the object's history, for objects that have one."""
    log_action = getattr(obj, "log_action", None)
    if log_action is not None:
        log_action(actor, verb, summary)


def _send_invitation(invitation: Invitation, token: str) -> None:
    message = _invitation_email(invitation=invitation, token=token)
    transaction.on_commit(lambda: send_email.enqueue(**message))


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
        object_role = obj.grant(user, role, by=by)
        if role != current:
            _log(obj, by, "member", f"{user} : {current.label} → {role.label}")
        return object_role


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
        _log(obj, by, "member", f"{user} retiré des membres")


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


def _invitation_email(*, invitation: Invitation, token: str) -> dict:
    obj, by = invitation.target, invitation.invited_by
    role = Role(invitation.role)
    context = {
        "by": by,
        "object": obj,
        "object_kind": obj._meta.verbose_name,
        "role": role,
        "expires_at": invitation.expires_at,
        "url": settings.SITE_URL + reverse("roles:accept_invitation", args=[token]),
    }
    return {
        "subject": f"Essaim : {by.get_full_name()} vous invite à rejoindre « {obj} »",
        "body": render_to_string("roles/invitation_email.txt", context),
        "to": [invitation.email],
        "reply_to": [by.email],
    }
