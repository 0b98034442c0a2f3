"""Yearly jobs of memberships: remind last year's members to renew, and end the memberships of
past years. Both are idempotent: ``essaim scheduled`` may run them every hour."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.core.scheduled import scheduled
from essaim.mail.tasks import send_email
from essaim.memberships.emails import renewal_reminder_email
from essaim.memberships.models import Membership, MembershipType, Status


@scheduled("Relances de renouvellement des adhésions")
def send_renewal_reminders(now: datetime.datetime) -> int:
    """E-mail, once, the members who paid last year and have no membership this year, from the
    reminder day of their type; returns how many were reminded."""
    year = timezone.localdate(now).year
    sent = 0
    for membership_type in MembershipType.objects.filter(active=True):
        if timezone.localdate(now) < membership_type.reminder_date(year):
            continue
        for membership in _to_remind(membership_type, year):
            sent += _remind(membership, year, now)
    return sent


def _to_remind(membership_type: MembershipType, year: int):
    renewed = Membership.objects.filter(membership_type=membership_type, year=year).filter(
        Q(organisation__isnull=False, organisation=OuterRef("organisation"))
        | Q(organisation__isnull=True, email__iexact=OuterRef("email"))
    )
    return (
        Membership.objects.filter(
            membership_type=membership_type,
            year=year - 1,
            paid_on__isnull=False,
            reminded_at__isnull=True,
            illustrative=False,  # demo members have example addresses: never write to them
        )
        .exclude(status=Status.PENDING)
        .exclude(email="")
        .filter(~Exists(renewed))
        .select_related("membership_type__organiser", "organisation", "bracket")
        .order_by("pk")
    )


def _remind(membership: Membership, year: int, now: datetime.datetime) -> int:
    """Claim the membership (so that two runs at once send one e-mail), then send."""
    with transaction.atomic():
        claimed = Membership.objects.filter(pk=membership.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            return 0
        message = renewal_reminder_email(membership, year)
        HistoryEntry.objects.create(
            target=membership,
            verb="reminded",
            summary=f"Relance de renouvellement {year} envoyée à {membership.email}",
            created_at=now,
        )
        transaction.on_commit(lambda: send_email.enqueue(**message))
    return 1


@scheduled("Expiration des adhésions des années passées")
def expire_past_memberships(now: datetime.datetime) -> int:
    """Paid memberships of the years before this one become expired; returns how many."""
    year = timezone.localdate(now).year
    with transaction.atomic():
        ending = list(
            Membership.objects.select_for_update()
            .filter(status=Status.PAID, year__lt=year)
            .values_list("pk", "year")
        )
        if not ending:
            return 0
        Membership.objects.filter(pk__in=[pk for pk, _ in ending]).update(
            status=Status.EXPIRED, updated_at=now
        )
        HistoryEntry.objects.bulk_create(
            HistoryEntry(
                target=Membership(pk=pk),
                verb="expired",
                summary=f"Adhésion {membership_year} expirée : l'année est terminée",
                created_at=now,
            )
            for pk, membership_year in ending
        )
    return len(ending)
