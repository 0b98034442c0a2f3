"""What every pillar shares: the history of changes (who, when, what), the yearly numbering
of documents (receipts, certificates), and the search index."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
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


class YearlySequence(models.Model):
    """The last number one numbering (``name``: receipts, certificates…) gave in one year.

    ``next_number()`` takes the next one under the lock of this row, so that two documents
    numbered at the same time never share a number; inside the transaction that saves the
    document, so that a rolled-back document gives its number back."""

    name = models.CharField("numérotation", max_length=40)
    year = models.PositiveSmallIntegerField("année")
    last = models.PositiveIntegerField("dernier numéro", default=0)

    class Meta:
        verbose_name = "numérotation annuelle"
        verbose_name_plural = "numérotations annuelles"
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="one_sequence_per_name_and_year")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.year} : {self.last}"

    @classmethod
    def next_number(cls, name: str, year: int) -> int:
        """The next number of ``name`` in ``year`` (1 for the first), taken under the row's lock
        (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's immediate transactions already hold
        the database's write lock). Must run inside a transaction."""
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("A number is taken inside the transaction that uses it.")
        # Creating the counter of a new year cannot fail when two callers create it together.
        cls.objects.bulk_create([cls(name=name, year=year)], ignore_conflicts=True)
        sequence = cls.objects.select_for_update().get(name=name, year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
        return sequence.last


class SearchEntry(models.Model):
    """The normalised words of one searchable object (see ``core/search.py``): its title, which
    ranks first, and its body. Only normalised words are kept, never the text itself.

    SQLite searches it through the FTS5 tables ``core_searchentry_fts`` (title and body) and
    ``core_searchentry_title_fts``, which triggers keep in step; PostgreSQL through the GIN
    indexes of a narrow table of ``tsvector`` values, ``core_searchentry_fts``, also kept by
    triggers. Both are created by the migrations (core 0003, 0005, 0006), for their engine
    only. On SQLite, a later migration that alters this table rebuilds it and loses the
    triggers: it must create them again."""

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


class TableGeneration(models.Model):
    """How many times a table has been written: pages made from it are kept while it has not
    moved (``core/generations.py``, ``core/page_cache.py``)."""

    name = models.CharField("table", max_length=100, primary_key=True)
    value = models.PositiveBigIntegerField("génération", default=0)

    class Meta:
        verbose_name = "génération d'une table"
        verbose_name_plural = "générations des tables"

    def __str__(self) -> str:
        return f"{self.name} : {self.value}"
