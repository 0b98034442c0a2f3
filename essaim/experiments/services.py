"""Workflows on experiments that span several models."""

from django.db import transaction

from essaim.experiments.models import Experiment
from essaim.roles.models import Role


@transaction.atomic
def create_experiment(*, by, title: str, theme: str, summary: str = "") -> Experiment:
    """Create an experiment at the idea stage, owned by its creator."""
    experiment = Experiment.objects.create(
        title=title.strip(), theme=theme, summary=summary.strip(), created_by=by
    )
    experiment.grant(by, Role.OWNER, by=by)
    experiment.log_action(by, "created", f"Expérimentation « {experiment.title} » créée")
    return experiment
