"""Dossier files: asked for by a page, built by the worker, kept until the experiment changes.

The state of an experiment is read cheaply as its *fingerprint*: the latest entry of its
history, their number (every change to what the dossier shows writes one, the experiment's or
one of its children's), and when the experiment itself was last saved. A stored file whose
fingerprint is the experiment's is current: it is given at once. Otherwise asking for it starts
one build, whoever asks and however many times (the row of the experiment and format is
locked while deciding)."""

import datetime
import logging
import time
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify

from essaim.core.models import HistoryEntry
from essaim.dossiers.builder import build_dossier
from essaim.dossiers.docx import render_dossier_docx
from essaim.dossiers.models import (
    BUILD_GIVEN_UP_AFTER,
    BuildStatus,
    DossierFile,
    DossierFormat,
    dossier_path,
)
from essaim.dossiers.pdf import render_dossier_pdf
from essaim.experiments.models import Experiment

RENDERERS = {DossierFormat.PDF: render_dossier_pdf, DossierFormat.DOCX: render_dossier_docx}
# A failed build is forgotten after this long (the page then offers to build it again).
FAILED_BUILDS_KEPT = datetime.timedelta(days=1)
# A file the worker has just written may not be on its row yet: orphans are deleted later.
ORPHANS_KEPT = datetime.timedelta(hours=1)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fingerprint:
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
    """The state of ``experiment`` as its dossier shows it, in one query."""
    history = (
        HistoryEntry.objects.of(experiment)
        .order_by()
        .aggregate(latest=Max("pk"), number=Count("pk"))
    )
    return Fingerprint(history["latest"] or 0, history["number"], experiment.updated_at)


def is_current(dossier_file: DossierFile, fingerprint: Fingerprint) -> bool:
    return (
        dossier_file.history_id == fingerprint.history_id
        and dossier_file.history_count == fingerprint.history_count
        and dossier_file.experiment_updated_at == fingerprint.experiment_updated_at
    )


def find_dossier_file(experiment: Experiment, format: str) -> DossierFile | None:
    return DossierFile.objects.filter(experiment=experiment, format=format).first()


def request_dossier_file(
    *, experiment: Experiment, format: str, retry: bool = False
) -> DossierFile:
    """The dossier file of ``experiment`` in ``format``: the stored one when it is current
    (ready, or being built), else a new build enqueued for the worker. A failed build is
    started again only on ``retry``. With a backend that runs tasks at once, the file
    returned is already built."""
    fingerprint = fingerprint_of(experiment)
    now = timezone.now()
    with transaction.atomic():
        dossier_file, _ = DossierFile.objects.select_for_update().get_or_create(
            experiment=experiment, format=format
        )
        wanted = (
            not is_current(dossier_file, fingerprint)
            or dossier_file.is_lost(now)
            or (dossier_file.is_failed and retry)
            or (dossier_file.status == BuildStatus.READY and not dossier_file.file)
        )
        if not wanted:
            return dossier_file
        dossier_file.status = BuildStatus.BUILDING
        dossier_file.attempt += 1
        dossier_file.requested_at = now
        dossier_file.started_at = dossier_file.finished_at = None
        for name, value in fingerprint.fields().items():
            setattr(dossier_file, name, value)
        dossier_file.save(
            update_fields=[
                "status",
                "attempt",
                "requested_at",
                "started_at",
                "finished_at",
                *fingerprint.fields(),
            ]
        )
    # Once the row is written: the worker finds it, and a caller's transaction that rolls back
    # takes the task with it (the database backend keeps tasks in the same database).
    from essaim.dossiers.tasks import build_dossier_file  # the task calls build_file below

    result = build_dossier_file.enqueue(
        dossier_file_id=dossier_file.pk, attempt=dossier_file.attempt
    )
    if result.is_finished:  # a backend that runs tasks at once has built it already
        dossier_file.refresh_from_db()
    return dossier_file


def build_file(*, dossier_file_id: int, attempt: int) -> bool:
    """Build the file asked for as ``attempt`` and keep it; returns whether it was kept (a
    newer build may have been asked for meanwhile). A failure is written on the row, then
    raised."""
    claimed = DossierFile.objects.filter(
        pk=dossier_file_id, attempt=attempt, status=BuildStatus.BUILDING
    ).update(started_at=timezone.now())
    if not claimed:
        return False
    dossier_file = DossierFile.objects.select_related("experiment").get(pk=dossier_file_id)
    storage = dossier_file.file.storage
    previous = dossier_file.file.name
    started = time.monotonic()
    try:
        # Read before the dossier: a change made while it is written leaves it out of date.
        fingerprint = fingerprint_of(dossier_file.experiment)
        dossier = build_dossier(dossier_file.experiment)
        content = RENDERERS[DossierFormat(dossier_file.format)](dossier)
        name = storage.save(dossier_path(dossier_file, ""), ContentFile(content))
    except Exception:
        DossierFile.objects.filter(pk=dossier_file_id, attempt=attempt).update(
            status=BuildStatus.FAILED, finished_at=timezone.now()
        )
        raise
    kept = DossierFile.objects.filter(pk=dossier_file_id, attempt=attempt).update(
        status=BuildStatus.READY,
        file=name,
        generated_on=dossier.generated_on,
        finished_at=timezone.now(),
        **fingerprint.fields(),
    )
    logger.info(
        "Dossier %s de l'expérimentation %s écrit en %.2f s",
        dossier_file.format,
        dossier_file.experiment_id,
        time.monotonic() - started,
    )
    if not kept:
        storage.delete(name)
        return False
    if previous and previous != name:
        storage.delete(previous)
    return True


def filename_of(dossier_file: DossierFile) -> str:
    experiment = dossier_file.experiment
    slug = slugify(experiment.title)[:60].strip("-") or f"experimentation-{experiment.pk}"
    return f"dossier-{slug}-{dossier_file.generated_on:%Y-%m-%d}.{dossier_file.format}"


def delete_outdated_files(now: datetime.datetime) -> int:
    """Delete the files of experiments changed since they were built, the failed builds of
    more than a day ago, the lost ones, and the files no row names any more (an experiment
    deleted); returns how many files and rows went."""
    newer_history = HistoryEntry.objects.filter(
        content_type__app_label="experiments",
        content_type__model="experiment",
        object_id=OuterRef("experiment_id"),
        pk__gt=OuterRef("history_id"),
    )
    outdated = DossierFile.objects.filter(
        Q(status=BuildStatus.READY)
        & (Q(experiment__updated_at__gt=F("experiment_updated_at")) | Q(Exists(newer_history)))
        | Q(status=BuildStatus.FAILED, finished_at__lt=now - FAILED_BUILDS_KEPT)
        | Q(status=BuildStatus.BUILDING, requested_at__lt=now - BUILD_GIVEN_UP_AFTER)
    )
    storage = DossierFile._meta.get_field("file").storage
    number = 0
    for dossier_file in outdated.only("pk", "attempt", "file"):
        # Unless asked for again meanwhile.
        deleted, _ = DossierFile.objects.filter(
            pk=dossier_file.pk, attempt=dossier_file.attempt
        ).delete()
        if deleted and dossier_file.file:
            storage.delete(dossier_file.file.name)
        number += deleted
    return number + delete_orphan_files(storage, now)


def forget_built_files() -> int:
    """Delete every dossier written so far, for an erasure: a dossier may name the person
    (members of a body, partners' contacts), and is written again when next asked for."""
    storage = DossierFile._meta.get_field("file").storage
    built = DossierFile.objects.filter(status=BuildStatus.READY)
    names = [name for name in built.values_list("file", flat=True) if name]
    number, _ = built.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return number


def delete_orphan_files(storage, now: datetime.datetime) -> int:
    try:
        _, names = storage.listdir("dossiers")
    except FileNotFoundError:
        return 0
    named = set(DossierFile.objects.exclude(file="").values_list("file", flat=True))
    number = 0
    for name in names:
        path = f"dossiers/{name}"
        if path not in named and storage.get_modified_time(path) < now - ORPHANS_KEPT:
            storage.delete(path)
            number += 1
    return number
