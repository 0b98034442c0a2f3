"""An import of an existing collection of sheets from a CSV or XLSX file: the file, the mapping
of its columns chosen by the person, and what the background task found and did."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportStatus(models.TextChoices):
    UPLOADED = "depose", "déposé"  # waiting for its column mapping
    QUEUED = "en_attente", "en attente"
    RUNNING = "en_cours", "en cours"
    FAILED = "refuse", "refusé"  # errors found: nothing imported
    DONE = "termine", "terminé"


class SheetImport(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="déposé par",
    )
    created_at = models.DateTimeField("déposé le", auto_now_add=True)
    file = models.FileField("fichier", upload_to="library/imports/")
    original_name = models.CharField("nom du fichier", max_length=255)
    headers = models.JSONField("colonnes du fichier", default=list)
    mapping = models.JSONField("correspondance des colonnes", default=dict)
    status = models.CharField(
        "état", max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    total_rows = models.PositiveIntegerField("lignes", default=0)
    processed_rows = models.PositiveIntegerField("lignes lues", default=0)
    created_count = models.PositiveIntegerField("fiches créées", default=0)
    errors = models.JSONField("erreurs", default=list)
    task_id = models.CharField("tâche", max_length=64, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "import de fiches"
        verbose_name_plural = "imports de fiches"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("library:import", args=[self.pk])

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
