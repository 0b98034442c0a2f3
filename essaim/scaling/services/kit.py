"""The transfer kit: created from its experiment, changed, published and withdrawn. Each change
is written in the history of the experiment (the dossier's and the kit's documents follow it)."""

from django.db import transaction

from essaim.core.slugs import slug_of, unique_slug
from essaim.experiments.models import Experiment
from essaim.scaling.models import TransferKit


def create_kit(*, experiment: Experiment, actor) -> TransferKit:
    """The kit of ``experiment``, started from its framing (title, summary, theme), as a draft;
    the existing one if it has one already."""
    with transaction.atomic():
        Experiment.objects.select_for_update().filter(pk=experiment.pk).first()
        existing = TransferKit.objects.filter(experiment=experiment).first()
        if existing is not None:
            return existing
        kit = TransferKit.objects.create(
            experiment=experiment,
            slug=unique_slug(TransferKit, slug_of(experiment.title, 70), "kit"),
            title=experiment.title,
            summary=experiment.summary,
            theme_id=experiment.theme_id,
        )
        experiment.log_action(actor, "kit", "Kit d'essaimage commencé")
    return kit


def publish_kit(*, kit: TransferKit, actor) -> None:
    with transaction.atomic():
        kit.publish(actor)
        kit.experiment.log_action(actor, "kit", "Kit d'essaimage publié")


def withdraw_kit(*, kit: TransferKit, actor, reason: str) -> None:
    with transaction.atomic():
        kit.withdraw(actor, reason)
        kit.experiment.log_action(
            actor, "kit", f"Kit d'essaimage retiré de la publication : {reason}"
        )


def redraft_kit(*, kit: TransferKit, actor) -> None:
    with transaction.atomic():
        kit.redraft(actor)
        kit.experiment.log_action(actor, "kit", "Kit d'essaimage remis en brouillon")
