"""The replicas of a model: added, changed, moved from one status to the next. Each change is
written in the history of the model's experiment."""

import datetime
from decimal import Decimal

from django.db import transaction

from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.scaling.models import (
    NetworkError,
    ReplicaFigure,
    Replication,
    ReplicationEvent,
    ReplicationStatus,
    SharedIndicator,
)


def add_replication(*, model: Experiment, actor, on: datetime.date, **fields) -> Replication:
    """A new replica of ``model``, at its first contact on ``on``."""
    with transaction.atomic():
        replication = Replication.objects.create(
            model_experiment=model, status=ReplicationStatus.CONTACT, status_since=on, **fields
        )
        ReplicationEvent.objects.create(
            replication=replication, after=ReplicationStatus.CONTACT, happened_on=on, actor=actor
        )
        model.log_action(actor, "replication", f"Réplique ajoutée : {replication.name}")
    return replication


def change_status(
    *,
    replication: Replication,
    status: str,
    on: datetime.date,
    actor,
    note: str = "",
    loaded: str = "",
) -> None:
    """Move ``replication`` to ``status`` (``NetworkError`` if the move is not allowed, or if
    the status is no longer ``loaded``, the one the person saw)."""
    with transaction.atomic():
        locked = Replication.objects.select_for_update().get(pk=replication.pk)
        if loaded and locked.status != loaded:
            raise NetworkError(
                "Le statut a changé pendant que vous l'éditiez : la réplique est maintenant "
                f"« {locked.get_status_display()} » depuis le {locked.status_since:%d/%m/%Y}. "
                "Choisissez à nouveau.",
                field="status",
            )
        before = locked.get_status_display()
        locked.move_to(status, on=on, actor=actor, note=note)
        replication.model_experiment.log_action(
            actor,
            "replication",
            f"Réplique « {locked.name} » : {before} → {locked.get_status_display()}",
        )


def record_figure(
    *,
    replication: Replication,
    indicator: SharedIndicator,
    year: int,
    value: Decimal,
    actor,
    replace: bool = False,
) -> None:
    """The figure of ``replication`` for ``indicator`` in ``year``; one already given is
    replaced only when ``replace`` says so (``NetworkError`` otherwise, nothing written)."""
    with transaction.atomic():
        Replication.objects.select_for_update().filter(pk=replication.pk).first()
        existing = ReplicaFigure.objects.filter(
            replication=replication, indicator=indicator, year=year
        ).first()
        if existing is not None and existing.value != value and not replace:
            shown = french.number(existing.value, unit=indicator.unit)
            raise NetworkError(
                f"Un chiffre est déjà donné pour « {indicator.name} » en {year} : {shown}. "
                "Cochez « Remplacer » pour le changer.",
                field="value",
            )
        ReplicaFigure.objects.update_or_create(
            replication=replication, indicator=indicator, year=year, defaults={"value": value}
        )
        replication.model_experiment.log_action(
            actor,
            "replication",
            f"Réplique « {replication.name} » : {indicator.name} {year} = "
            f"{french.number(value, unit=indicator.unit)}",
        )
