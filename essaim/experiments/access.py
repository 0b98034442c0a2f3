"""Fetch an experiment for a user, checking what they may do on it (404 / 403)."""

from django.db.models import QuerySet

from essaim.experiments.models import Experiment
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for


def get_experiment_for(
    user, pk: int, perm: Perm | str = Perm.VIEW, queryset: QuerySet | None = None
) -> Experiment:
    """The experiment ``pk`` if ``user`` may see it (else 404) and ``perm`` on it (else 403)."""
    if queryset is None:
        queryset = Experiment.objects.all()
    # The header of every page of an experiment shows its theme.
    return get_object_for(user, queryset.select_related("theme"), perm, pk=pk)
