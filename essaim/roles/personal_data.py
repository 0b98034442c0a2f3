"""Invitations sent to an address to join a project, a session or a directory entry: shown,
exported, and deleted on request (a role already accepted stays with the account)."""

import datetime

from essaim.core.personal_data import Holder, iso, register
from essaim.roles.models import Invitation


def find(email: str) -> list[Invitation]:
    return list(
        Invitation.objects.filter(email__iexact=email)
        .prefetch_related("target")
        .order_by("-created_at", "-pk")
    )


def export(invitation: Invitation) -> dict:
    return {
        "pour": str(invitation.target) if invitation.target else "",
        "role": invitation.get_role_display(),
        "adresse_e_mail": invitation.email,
        "envoyee_le": invitation.created_at.isoformat(),
        "valable_jusqu_au": invitation.expires_at.isoformat(),
        "acceptee_le": iso(invitation.accepted_at),
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    number, _ = Invitation.objects.filter(email__iexact=email).delete()
    if not number:
        return []
    return [f"{number} invitation supprimée" if number == 1 else f"{number} invitations supprimées"]


register(
    Holder(
        key="invitations",
        label="Invitations à rejoindre un espace",
        models=(Invitation,),
        find=find,
        export=export,
        erase=erase,
        template="roles/personal_data.html",
        erase_template="roles/personal_data_erase.html",
        counts_as=("invitation", "invitations"),
        order=50,
    )
)
