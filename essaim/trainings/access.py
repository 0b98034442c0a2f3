"""Fetch a session or a cycle for an organiser, checking what they may do on it (404 / 403)."""

from django.db.models import QuerySet

from essaim.roles.models import Perm
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
