"""The *fingerprint* of an experiment: the state a document file shows, read cheaply. A stored
file whose fingerprint is still the one of its kind is current (see
:mod:`essaim.dossiers.services`)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Experiment


@dataclass(frozen=True)
class Fingerprint:
    """Three values, kept on the file's row: a kind whose documents show more than the
    experiment folds what it reads into them (the latest date of change, for instance)."""

    history_id: int
    history_count: int
    experiment_updated_at: datetime.datetime

    def fields(self) -> dict:
        return {
            "history_id": self.history_id,
            "history_count": self.history_count,
            "experiment_updated_at": self.experiment_updated_at,
        }


def fingerprint_of(experiment: Experiment) -> Fingerprint:
    """The state of ``experiment`` as its dossier shows it, in one query: the latest entry of
    its history, their number (every change to what the dossier shows writes one, the
    experiment's or one of its children's), and when the experiment itself was last saved."""
    history = (
        HistoryEntry.objects.of(experiment)
        .order_by()
        .aggregate(latest=Max("pk"), number=Count("pk"))
    )
    return Fingerprint(history["latest"] or 0, history["number"], experiment.updated_at)
