"""The personal links sent to an address: exported, and deleted once expired by the scheduled
job. The erasure leaves the one in use, so that its page can show what remains (the
memberships kept); it goes within a day."""

from essaim.core.personal_data import Holder, register
from essaim.privacy.models import AccessLink


def find(email: str) -> list[AccessLink]:
    return list(AccessLink.objects.filter(email__iexact=email).order_by("-created_at", "-pk"))


def export(link: AccessLink) -> dict:
    return {
        "envoye_le": link.created_at.isoformat(),
        "valable_jusqu_au": link.expires_at.isoformat(),
    }


register(
    Holder(
        key="liens_d_acces",
        label="Liens vers vos données personnelles",
        models=(AccessLink,),
        find=find,
        export=export,
        side=True,
        order=95,
    )
)
