"""Fetch a session or a cycle for an organiser, checking what they may do on it (404 / 403)."""

from django.db.models import QuerySet

from essaim.roles.models import Perm, Role
from essaim.roles.permissions import get_object_for
from essaim.trainings.models import Cycle, TrainingSession


def get_session_for(
    user, pk: int, perm: Perm | str = Perm.VIEW, queryset: QuerySet | None = None
) -> TrainingSession:
    """The session ``pk`` if ``user`` organises it or its cycle (else 404) and may ``perm`` on
    it (else 403)."""
    if queryset is None:
        queryset = TrainingSession.objects.select_related("cycle", "organiser")
    return get_object_for(user, queryset, perm, pk=pk)


def get_cycle_for(user, pk: int, perm: Perm | str = Perm.VIEW) -> Cycle:
    return get_object_for(user, Cycle.objects.select_related("organiser"), perm, pk=pk)


def cycles_editable_by(user) -> QuerySet:
    """The cycles ``user`` may add sessions to: those they own or edit (every cycle for staff)."""
    if not user.is_authenticated:
        return Cycle.objects.none()
    if user.is_staff:
        return Cycle.objects.all()
    roles = [role for role in Role if Perm.EDIT in role.permissions]
    return Cycle.objects.filter(
        pk__in=Cycle.objects.filter(roles__user=user, roles__role__in=roles).values("pk")
    )


def organises(user, session: TrainingSession) -> bool:
    """Whether ``user`` is an organiser of ``session`` (through it or its cycle)."""
    if not user.is_authenticated:
        return False
    return TrainingSession.objects.visible_to(user).filter(pk=session.pk).exists()
