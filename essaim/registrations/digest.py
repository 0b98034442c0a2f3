"""What organisers are told of the registrations to their sessions: once a day, an e-mail that
lists, session by session, the registrations received since the previous one and those pending
their decision; and a card of their dashboard (``dashboard.py``).

An organiser is whoever may decide registrations — an owner or an editor of the session or of
its cycle — and hears only of those sessions. The digest goes only when something new came in;
the job runs every hour and sends each organiser at most one digest a day, from
:data:`DIGEST_HOUR`, which makes it safe to run twice or late."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import User
from essaim.lib import french
from essaim.mail.tasks import send_email
from essaim.registrations.emails import absolute
from essaim.registrations.models import OrganiserDigest, Registration, Status
from essaim.roles.models import ObjectRole, Role, roles_at_least
from essaim.trainings.models import Cycle, TrainingSession

DECIDERS = roles_at_least(Role.EDITOR)
DIGEST_HOUR = 7  # local time from which the day's digest goes out
FIRST_DIGEST_COVERS = datetime.timedelta(days=1)  # an organiser's first digest looks this far back
RECENT = datetime.timedelta(days=7)  # « new » on the dashboard


def organised_by(user, roles=DECIDERS) -> QuerySet:
    """The sessions on which ``user`` holds one of ``roles``, or on whose cycle they do (one
    query, whatever their number)."""
    own = TrainingSession.objects.held_by(user, roles).values("pk")
    cycles = Cycle.objects.held_by(user, roles).values("pk")
    return TrainingSession.objects.filter(Q(pk__in=own) | Q(cycle__in=cycles))


def organisers() -> QuerySet:
    """The active users who decide the registrations of some session."""
    types = ContentType.objects.get_for_models(TrainingSession, Cycle).values()
    holders = ObjectRole.objects.filter(
        content_type__in=types, role__in=sorted(role.value for role in DECIDERS)
    )
    return User.objects.filter(pk__in=holders.values("user"), is_active=True).order_by("pk")


@dataclass(frozen=True)
class SessionDigest:
    session: TrainingSession
    new: list[Registration]
    pending: list[Registration]

    @property
    def url(self) -> str:
        return absolute(reverse("registrations:manage", args=[self.session.pk]))


def send_organiser_digests(now: datetime.datetime | None = None) -> int:
    """Send today's digest to each organiser who has something new; returns how many were
    sent."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < DIGEST_HOUR:
        return 0
    sent = 0
    for user in organisers():
        with transaction.atomic():
            OrganiserDigest.objects.get_or_create(user=user)
            # Locked, so that two runs at the same time send one digest.
            digest = OrganiserDigest.objects.select_for_update().get(user=user)
            if digest.sent_at is not None and timezone.localdate(digest.sent_at) == local.date():
                continue
            since = digest.sent_at or now - FIRST_DIGEST_COVERS
            sessions = _digest_of(user, since=since, now=now)
            if not any(part.new for part in sessions):
                continue
            digest.sent_at = now
            digest.save(update_fields=["sent_at"])
            payload = _message(user, sessions)
            transaction.on_commit(lambda payload=payload: send_email.enqueue(**payload))
            sent += 1
    return sent


def _digest_of(
    user: User, *, since: datetime.datetime, now: datetime.datetime
) -> list[SessionDigest]:
    """Session by session, the registrations ``user`` has not heard of yet and those pending
    their decision (one query)."""
    rows = (
        Registration.objects.filter(
            session__in=organised_by(user).upcoming(timezone.localdate(now)).values("pk"),
            illustrative=False,
            anonymised_at__isnull=True,
        )
        .filter(Q(created_at__gt=since, created_at__lte=now) | Q(status=Status.PENDING))
        .select_related("session")
        .order_by("session__start_date", "session_id", "created_at", "pk")
    )
    by_session: dict[int, SessionDigest] = {}
    for registration in rows:
        part = by_session.setdefault(
            registration.session_id, SessionDigest(registration.session, [], [])
        )
        if since < registration.created_at <= now:
            part.new.append(registration)
        if registration.status == Status.PENDING:
            part.pending.append(registration)
    return list(by_session.values())


def _message(user: User, sessions: list[SessionDigest]) -> dict:
    new = sum(len(part.new) for part in sessions)
    pending = sum(len(part.pending) for part in sessions)
    subject = french.counted(new, "nouvelle inscription", "nouvelles inscriptions")
    if pending:
        subject += f", {french.number(pending)} à valider"
    body = render_to_string(
        "registrations/emails/organiser_digest.txt",
        {"user": user, "sessions": sessions, "dashboard_url": absolute(reverse("core:dashboard"))},
    )
    return {"subject": f"Inscriptions : {subject}", "body": body, "to": [user.email]}


def dashboard_sessions(user, now: datetime.datetime | None = None) -> list[TrainingSession]:
    """The upcoming sessions ``user`` organises (any role) that have registrations received in
    the last seven days or pending a decision, with ``new_count`` and ``pending_count`` (one
    query)."""
    now = now or timezone.now()
    recent = Q(registrations__created_at__gt=now - RECENT)
    pending = Q(registrations__status=Status.PENDING)
    sessions = (
        organised_by(user, roles=None)
        .upcoming(timezone.localdate(now))
        .annotate(
            new_count=Count("registrations", filter=recent),
            pending_count=Count("registrations", filter=pending),
        )
        .filter(Q(new_count__gt=0) | Q(pending_count__gt=0))
        .order_by("start_date", "pk")
    )
    return list(sessions[:10])
