"""What other areas ask of memberships."""

import datetime

from django.utils import timezone

from essaim.memberships.models import Membership


def valid_membership_for(
    email: str, organisation=None, on: datetime.date | None = None
) -> Membership | None:
    """The paid membership, for the year of ``on`` (today by default), of the person whose
    address is ``email`` or of ``organisation``; ``None`` when there is none."""
    day = on or timezone.localdate()
    return (
        Membership.objects.valid_on(day)
        .of_email_or_organisation(email, organisation)
        .select_related("membership_type", "organisation")
        .order_by("pk")
        .first()
    )
