"""Document files — the dossier, and the kinds of document registered by the applications above
(:mod:`essaim.dossiers.registry`): asked for by a page, built by the worker, kept until the
experiment changes.

The state of an experiment is read cheaply as its *fingerprint*, the kind's own
(:mod:`essaim.dossiers.fingerprints` for the experiment's, which most kinds use). A stored file
whose fingerprint is the experiment's is current: it is given at once. Otherwise asking for it
starts one build, whoever asks and however many times (the row of the experiment, kind and
format is locked while deciding)."""

import datetime
import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.dossiers.fingerprints import Fingerprint, fingerprint_of
from essaim.dossiers.models import (
    BUILD_GIVEN_UP_AFTER,
    BuildStatus,
    DossierFile,
    DossierFormat,
    dossier_path,
)
from essaim.dossiers.registry import (
    DOSSIER,
    DocumentKind,
    always_available,
    document_kind,
    document_kinds,
)
from essaim.experiments.models import Experiment

# A failed build is forgotten after this long (the page then offers to build it again).
FAILED_BUILDS_KEPT = datetime.timedelta(days=1)
# A file the worker has just written may not be on its row yet: orphans are deleted later.
ORPHANS_KEPT = datetime.timedelta(hours=1)
logger = logging.getLogger(__name__)


def is_current(dossier_file: DossierFile, fingerprint: Fingerprint) -> bool:
    return (
        dossier_file.history_id == fingerprint.history_id
        and dossier_file.history_count == fingerprint.history_count
        and dossier_file.experiment_updated_at == fingerprint.experiment_updated_at
    )


def find_dossier_file(
    experiment: Experiment, format: str, kind: str = DOSSIER
) -> DossierFile | None:
    return DossierFile.objects.filter(experiment=experiment, kind=kind, format=format).first()


def request_dossier_file(
    *, experiment: Experiment, format: str, retry: bool = False, kind: str = DOSSIER
) -> DossierFile:
    """The file of the document ``kind`` (the dossier, by default) of ``experiment`` in
    ``format``: the stored one when it is current (ready, or being built), else a new build
    enqueued for the worker. A failed build is started again only on ``retry``. With a backend
    that runs tasks at once, the file returned is already built. A kind that is not registered
    raises ``UnknownDocumentKind`` (a ``LookupError``), a format unknown ``ValueError``; whether
    the kind is ``available`` for the experiment is for the caller to check."""
    document = document_kind(kind)
    format = DossierFormat(format)
    fingerprint = document.fingerprint(experiment)
    now = timezone.now()
    with transaction.atomic():
        dossier_file, _ = DossierFile.objects.select_for_update().get_or_create(
            experiment=experiment, kind=document.key, format=format
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
    newer build may have been asked for meanwhile). The row says the kind of document and the
    format. A failure is written on the row, then raised."""
    claimed = DossierFile.objects.filter(
        pk=dossier_file_id, attempt=attempt, status=BuildStatus.BUILDING
    ).update(started_at=timezone.now())
    if not claimed:
        return False
    dossier_file = DossierFile.objects.select_related("experiment").get(pk=dossier_file_id)
    experiment = dossier_file.experiment
    storage = dossier_file.file.storage
    previous = dossier_file.file.name
    started = time.monotonic()
    try:
        kind = document_kind(dossier_file.kind)
        # Read before the document: a change made while it is written leaves it out of date.
        fingerprint = kind.fingerprint(experiment)
        generated_on = timezone.localdate()
        content = kind.render(dossier_file.format, experiment)
        name = storage.save(dossier_path(dossier_file, ""), ContentFile(content))
    except Exception:
        DossierFile.objects.filter(pk=dossier_file_id, attempt=attempt).update(
            status=BuildStatus.FAILED, finished_at=timezone.now()
        )
        raise
    kept = DossierFile.objects.filter(pk=dossier_file_id, attempt=attempt).update(
        status=BuildStatus.READY,
        file=name,
        generated_on=generated_on,
        finished_at=timezone.now(),
        **fingerprint.fields(),
    )
    logger.info(
        "Document %s %s de l'expérimentation %s écrit en %.2f s",
        dossier_file.kind,
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
    """The name of the file as downloaded: the kind's, dated, with its extension."""
    name = document_kind(dossier_file.kind).filename(dossier_file.experiment)
    return f"{name}-{dossier_file.generated_on:%Y-%m-%d}.{dossier_file.format}"


def delete_outdated_files(now: datetime.datetime) -> int:
    """Delete the files that no longer show their experiment as it is (their kind's
    fingerprint changed, or the kind is no longer available for it), those of kinds no longer
    registered, the failed builds of more than a day ago, the lost ones, and the files no row
    names any more (an experiment deleted); returns how many files and rows went."""
    kinds = document_kinds()
    # The kinds that read the experiment's fingerprint and exist for every experiment are
    # compared in the database, at once; the others file by file.
    by_history = [kind.key for kind in kinds if not _checked_one_by_one(kind)]
    newer_history = HistoryEntry.objects.filter(
        content_type__app_label="experiments",
        content_type__model="experiment",
        object_id=OuterRef("experiment_id"),
        pk__gt=OuterRef("history_id"),
    )
    outdated = DossierFile.objects.filter(
        Q(status=BuildStatus.READY, kind__in=by_history)
        & (Q(experiment__updated_at__gt=F("experiment_updated_at")) | Q(Exists(newer_history)))
        | Q(status=BuildStatus.FAILED, finished_at__lt=now - FAILED_BUILDS_KEPT)
        | Q(status=BuildStatus.BUILDING, requested_at__lt=now - BUILD_GIVEN_UP_AFTER)
        | ~Q(kind__in=[kind.key for kind in kinds])
    )
    rows = list(outdated.only("pk", "attempt", "file"))
    rows += _outdated_one_by_one([kind for kind in kinds if _checked_one_by_one(kind)])
    storage = DossierFile._meta.get_field("file").storage
    number = 0
    for dossier_file in rows:
        # Unless asked for again meanwhile.
        deleted, _ = DossierFile.objects.filter(
            pk=dossier_file.pk, attempt=dossier_file.attempt
        ).delete()
        if deleted and dossier_file.file:
            storage.delete(dossier_file.file.name)
        number += deleted
    return number + delete_orphan_files(storage, now)


def _checked_one_by_one(kind: DocumentKind) -> bool:
    return kind.fingerprint is not fingerprint_of or kind.available is not always_available


def _outdated_one_by_one(kinds: list[DocumentKind]) -> list[DossierFile]:
    """The ready files of ``kinds`` that their kind no longer gives: each experiment's
    fingerprint read once for each kind."""
    if not kinds:
        return []
    by_key = {kind.key: kind for kind in kinds}
    ready = DossierFile.objects.filter(
        status=BuildStatus.READY, kind__in=list(by_key)
    ).select_related("experiment")
    current: dict[tuple[str, int], Fingerprint | None] = {}
    outdated = []
    for dossier_file in ready:
        kind, experiment = by_key[dossier_file.kind], dossier_file.experiment
        key = (kind.key, experiment.pk)
        if key not in current:
            current[key] = kind.fingerprint(experiment) if kind.available(experiment) else None
        fingerprint = current[key]
        if fingerprint is None or not is_current(dossier_file, fingerprint):
            outdated.append(dossier_file)
    return outdated


def forget_built_files() -> int:
    """Delete every document written so far, of every kind, for an erasure: a document may name
    the person (members of a body, partners' contacts), and is written again when next asked
    for."""
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
