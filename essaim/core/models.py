"""What every pillar shares: the history of changes (who, when, what), and the search index."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class HistoryQuerySet(models.QuerySet):
    def of(self, obj: models.Model) -> "HistoryQuerySet":
        """The entries written about ``obj``, newest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("-created_at", "-pk")


class HistoryEntry(models.Model):
    """One change to a shared object: who made it, when, and what it was.

    ``verb`` is a short machine word (``created``, ``updated``, ``stage``, ``decision``…);
    ``summary`` is the French sentence people read; ``changes`` keeps the values before and
    after, as JSON, when there are any.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
    )
    verb = models.CharField("action", max_length=40)
    summary = models.CharField("résumé", max_length=500)
    changes = models.JSONField("changements", default=dict, blank=True)
    created_at = models.DateTimeField("date", default=timezone.now, db_index=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = "entrée d'historique"
        verbose_name_plural = "historique"
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return self.summary


def record_history(
    obj: models.Model, *, actor, verb: str, summary: str, changes: dict | None = None
) -> HistoryEntry:
    """Write one entry in the history of ``obj``."""
    return HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        actor=actor if actor is not None and actor.is_authenticated else None,
        verb=verb,
        summary=summary[:500],
        changes=changes or {},
    )


class SearchEntry(models.Model):
    """The normalised words of one searchable object (see ``core/search.py``): its title, which
    ranks first, and its body. Only normalised words are kept, never the text itself.

    SQLite searches it through the FTS5 table ``core_searchentry_fts``, which triggers keep in
    step; PostgreSQL through a GIN index on ``to_tsvector('simple', title || ' ' || body)``.
    Both are created by the migration, for their engine only. On SQLite, a later migration that
    alters this table rebuilds it and loses the triggers: it must create them again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    title = models.TextField("titre", blank=True)
    body = models.TextField("texte", blank=True)

    class Meta:
        verbose_name = "entrée de l'index de recherche"
        verbose_name_plural = "index de recherche"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_entry_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
