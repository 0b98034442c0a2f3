"""Attachments: files (letters of engagement, receipts, charters, agreements, minutes…) kept
on any row whose model accepts them (see :mod:`essaim.attachments.registry`).

The files are stored under a random name and never served by address: the download view checks
that the person may see the row the file belongs to.
"""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class AttachmentKind(models.TextChoices):
    ENGAGEMENT_LETTER = "engagement_letter", "lettre d'engagement"
    EXPENSE_RECEIPT = "expense_receipt", "justificatif de dépense / reçu"
    CHARTER = "charter", "charte"
    AGREEMENT = "agreement", "convention"
    MINUTES = "minutes", "compte rendu"
    OTHER = "other", "autre"


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A random, unguessable name that keeps only the extension of the uploaded file."""
    return f"pieces-jointes/{secrets.token_hex(16)}{PurePath(filename).suffix.lower()}"


class AttachmentQuerySet(models.QuerySet):
    def of(self, obj: models.Model) -> "AttachmentQuerySet":
        """The attachments of ``obj``, newest first, with who uploaded them."""
        return (
            self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
            .select_related("uploaded_by")
            .order_by("-created_at", "-pk")
        )


class Attachment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(
        "nature", max_length=24, choices=AttachmentKind.choices, default=AttachmentKind.OTHER
    )
    title = models.CharField("titre", max_length=200)
    file = models.FileField("fichier", upload_to=attachment_path, max_length=200)
    original_name = models.CharField("nom du fichier", max_length=255)
    size = models.PositiveBigIntegerField("taille (octets)")
    mime_type = models.CharField("type de contenu", max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="déposée par",
    )
    created_at = models.DateTimeField("déposée le", default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AttachmentKind.values), name="attachment_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("attachments:download", args=[self.pk])
