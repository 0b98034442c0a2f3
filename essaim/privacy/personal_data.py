"""What the platform keeps of the e-mails sent to an address, declared here because ``mail``
sits below the registry: the personal links to one's data, exported and deleted once expired by
the scheduled job (the erasure leaves the one in use, so that its page can show what remains —
the memberships kept; it goes within a day); and the e-mails that could not be sent, shown to the
organisers for a month, exported and deleted on request."""

import datetime

from essaim.core.personal_data import Holder, register
from essaim.lib import french
from essaim.mail.models import FailedEmail
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


def find_failures(email: str) -> list[FailedEmail]:
    return FailedEmail.objects.to_address(email)


def export_failure(failure: FailedEmail) -> dict:
    return {
        "objet": failure.subject,
        "raison": failure.reason,
        "echec_le": failure.failed_at.isoformat(),
    }


def erase_failures(email: str, now: datetime.datetime) -> list[str]:
    failures = find_failures(email)
    if not failures:
        return []
    FailedEmail.objects.filter(pk__in=[failure.pk for failure in failures]).delete()
    return [
        french.counted(len(failures), "e-mail non envoyé effacé", "e-mails non envoyés effacés")
    ]


register(
    Holder(
        key="envois_en_echec",
        label="E-mails qui n'ont pas pu vous être envoyés",
        models=(FailedEmail,),
        find=find_failures,
        export=export_failure,
        side=True,
        erase=erase_failures,
        order=92,
    )
)
