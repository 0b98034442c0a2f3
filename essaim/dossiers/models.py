"""The document files built by the worker: one row per experiment, kind of document (the
dossier, or a kind registered by an application above: see :mod:`essaim.dossiers.registry`)
and format, which says whether its file is being built, ready or failed, and which state of the
experiment it shows (its fingerprint: see :mod:`essaim.dossiers.services`)."""

import datetime
import secrets

from django.db import models
from django.db.models import Q
from django.utils.text import capfirst

from essaim.dossiers.registry import DOSSIER, KEY_MAX_LENGTH, UnknownDocumentKind, document_kind
from essaim.experiments.models import Experiment

# A build still unfinished after this long is taken for lost (the worker stopped): it can be
# asked for again.
BUILD_GIVEN_UP_AFTER = datetime.timedelta(minutes=10)


class DossierFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"


class BuildStatus(models.TextChoices):
    BUILDING = "building", "en préparation"
    READY = "ready", "prêt"
    FAILED = "failed", "en échec"


def dossier_path(instance: "DossierFile", filename: str) -> str:
    """A random, unguessable name: the file is only ever served by the download view."""
    return f"dossiers/{secrets.token_hex(16)}.{instance.format}"


class DossierFile(models.Model):
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="+", verbose_name="expérimentation"
    )
    # The key of a registered kind: no choices, so that a new kind needs no migration (the
    # services refuse a key that is not registered).
    kind = models.CharField("document", max_length=KEY_MAX_LENGTH, default=DOSSIER)
    format = models.CharField("format", max_length=8, choices=DossierFormat.choices)
    status = models.CharField(
        "état", max_length=12, choices=BuildStatus.choices, default=BuildStatus.BUILDING
    )
    # The state of the experiment the file shows (or, while building, the one asked for).
    history_id = models.PositiveBigIntegerField("dernière entrée d'historique", default=0)
    history_count = models.PositiveIntegerField("nombre d'entrées d'historique", default=0)
    experiment_updated_at = models.DateTimeField("expérimentation modifiée le", null=True)
    # Each build asked for gets the next number; a build whose number is no longer the row's
    # was overtaken by a newer one, and drops what it wrote.
    attempt = models.PositiveIntegerField("préparation n°", default=0)
    file = models.FileField("fichier", upload_to=dossier_path, max_length=200, blank=True)
    generated_on = models.DateField("daté du", null=True, blank=True)
    requested_at = models.DateTimeField("demandé le", null=True)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "fichier de dossier"
        verbose_name_plural = "fichiers de dossiers"
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "kind", "format"], name="one_document_file_per_format"
            ),
            models.CheckConstraint(
                condition=Q(format__in=DossierFormat.values), name="dossier_file_format_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=BuildStatus.values), name="dossier_file_status_known"
            ),
        ]

    def __str__(self) -> str:
        try:
            label = document_kind(self.kind).label
        except UnknownDocumentKind:
            label = self.kind
        format = self.get_format_display()
        return f"{capfirst(label)} {format} de l'expérimentation {self.experiment_id}"

    @property
    def is_ready(self) -> bool:
        return self.status == BuildStatus.READY and bool(self.file)

    @property
    def is_failed(self) -> bool:
        return self.status == BuildStatus.FAILED

    def is_lost(self, now: datetime.datetime) -> bool:
        """A build asked for so long ago that the worker must have dropped it."""
        return (
            self.status == BuildStatus.BUILDING
            and self.requested_at is not None
            and self.requested_at < now - BUILD_GIVEN_UP_AFTER
        )
