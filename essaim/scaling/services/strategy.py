"""The strategy of an experiment: defined once, then changed, by the page or the API, each
time written in the experiment's history."""

from django.db import transaction

from essaim.core.concurrency import Conflict, EditConflict
from essaim.core.history import describe_changes
from essaim.experiments.models import Experiment
from essaim.scaling.forms.strategy import StrategyForm
from essaim.scaling.models import ScalingStrategy


def _ensure_first_definition(experiment: Experiment) -> None:
    """Under the experiment's lock, that no one defined its strategy meanwhile: two first
    definitions at once would otherwise meet on the one-to-one link."""
    Experiment.objects.select_for_update().filter(pk=experiment.pk).first()
    if ScalingStrategy.objects.filter(experiment=experiment).exists():
        raise EditConflict(
            [
                Conflict(
                    name="situation",
                    label="Stratégie",
                    current="définie entre-temps par quelqu'un d'autre ; rechargez la page",
                )
            ]
        )


def save_strategy(*, experiment: Experiment, form: StrategyForm, actor) -> ScalingStrategy:
    """Save a valid ``form`` (``EditConflict`` when someone else got there first)."""
    created = form.instance.pk is None
    changes = describe_changes(form)
    with transaction.atomic():
        if created:
            _ensure_first_definition(experiment)
        strategy = form.save()
        ScalingStrategy.objects.filter(pk=strategy.pk).update(updated_by=actor)
        summary = "Stratégie de changement d'échelle " + ("définie" if created else "modifiée")
        experiment.log_action(actor, "strategy", summary, changes)
    return strategy
