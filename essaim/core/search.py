"""Full-text search: one index for every searchable model, the same answers on SQLite and
PostgreSQL.

Each app declares its searchable models in its own ``search.py`` with :func:`register`: the
fields of the title (matched first) and those of the body. Their words are normalised here, in
Python, for both engines — lower case, accents removed, « saint » written « st », French
stemming — and stored in one table, ``SearchEntry``, which SQLite searches through an FTS5 table
and PostgreSQL through a GIN index on ``to_tsvector('simple', …)``. Each stored word is kept
twice, stemmed and as written, and each word typed is looked for as the beginning of a stored
word — the last one also as typed — so that « brico » finds « Bricobus » and « développem »
finds « développement ».

``search(queryset, "texte tapé")`` filters any queryset of a registered model — the caller's
queryset says what the user may see — and, with ``ranked=True``, annotates ``search_rank``:
0 when the title holds every word, 1 when only the body does. The index is kept up to date when
objects are saved or deleted; ``essaim reindex`` rebuilds it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import NotSupportedError, connections, models, transaction
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

from essaim.core.models import SearchEntry
from essaim.lib.search_terms import index_words, query_terms


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    title: tuple[str, ...]  # fields whose words rank first
    body: tuple[str, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return self.title + self.body

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields that are columns of the model (the others are read from its properties,
        such as the heading of an interview note, made from the person's shown name)."""
        names = {field.name for field in self.model._meta.concrete_fields}
        return tuple(name for name in self.fields if name in names)


REGISTRY: dict[type[models.Model], Searchable] = {}


def register(model: type[models.Model], *, title: Iterable[str], body: Iterable[str] = ()):
    """Make ``model`` searchable by the text of its ``title`` and ``body`` fields (columns, or
    properties of its rows)."""
    searchable = Searchable(model, tuple(title), tuple(body))
    REGISTRY[model] = searchable
    uid = f"search-{model._meta.label}"
    post_save.connect(_index_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_unindex_deleted, sender=model, dispatch_uid=uid)
    return searchable


# Querying -----------------------------------------------------------------------------------------


def search(queryset: models.QuerySet, text: str, *, ranked: bool = False) -> models.QuerySet:
    """``queryset`` narrowed to the rows whose indexed text holds every word of ``text``
    (the last one as the beginning of a word); unchanged when ``text`` has no word.

    With ``ranked``, each row gets ``search_rank`` (0: every word is in the title), for the
    caller to order by."""
    terms = query_terms(text)
    if not terms:
        return queryset
    vendor = connections[queryset.db].vendor
    opts = queryset.model._meta
    entries = SearchEntry.objects.filter(
        content_type__app_label=opts.app_label, content_type__model=opts.model_name
    )
    matching = entries.filter(pk__in=_matching_sql(vendor, terms))
    queryset = queryset.filter(pk__in=matching.values("object_id"))
    if ranked:
        in_title = entries.filter(pk__in=_matching_sql(vendor, terms, title_only=True))
        queryset = queryset.annotate(
            search_rank=Case(
                When(Q(pk__in=in_title.values("object_id")), then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        )
    return queryset


def _matching_sql(vendor: str, terms: list[tuple[str, ...]], *, title_only: bool = False):
    if vendor == "sqlite":
        expression = " AND ".join(
            "(" + " OR ".join(f'"{word}"*' for word in alternatives) + ")" for alternatives in terms
        )
        if title_only:
            expression = f"title : ({expression})"
        return RawSQL(
            "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s",
            (expression,),
        )
    if vendor == "postgresql":
        expression = " & ".join(
            "(" + " | ".join(f"{word}:*" for word in alternatives) + ")" for alternatives in terms
        )
        condition = f"{POSTGRES_VECTOR} @@ to_tsquery('simple'::regconfig, %s)"
        params: tuple[str, ...] = (expression,)
        if title_only:
            condition += " AND to_tsvector('simple'::regconfig, title) @@ "
            condition += "to_tsquery('simple'::regconfig, %s)"
            params = (expression, expression)
        return RawSQL(f"SELECT id FROM core_searchentry WHERE {condition}", params)
    raise NotSupportedError(f"La recherche n'est pas disponible sur {vendor}.")


# The same expression as the GIN index of the migration, so that PostgreSQL uses it.
POSTGRES_VECTOR = "to_tsvector('simple'::regconfig, title || ' ' || body)"


# Indexing ---------------------------------------------------------------------------------------


def _entry_for(obj: models.Model, searchable: Searchable, content_type: ContentType):
    return SearchEntry(
        content_type=content_type,
        object_id=obj.pk,
        title=index_words(*(str(getattr(obj, name)) for name in searchable.title)),
        body=index_words(*(str(getattr(obj, name)) for name in searchable.body)),
    )


def index_object(obj: models.Model) -> None:
    """Write (or rewrite) the index entry of ``obj``, in one query."""
    searchable = REGISTRY[type(obj)]
    entry = _entry_for(obj, searchable, ContentType.objects.get_for_model(obj))
    SearchEntry.objects.bulk_create(
        [entry],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["title", "body"],
    )


def reindex(models_to_index: Iterable[type[models.Model]] | None = None) -> dict[str, int]:
    """Rebuild the entries of ``models_to_index`` (every registered model by default); returns
    how many entries each model now has, by model label."""
    counts = {}
    for model in models_to_index or list(REGISTRY):
        searchable = REGISTRY[model]
        content_type = ContentType.objects.get_for_model(model)
        with transaction.atomic():
            SearchEntry.objects.filter(content_type=content_type).delete()
            rows = model._default_manager.only("pk", *searchable.columns).iterator(chunk_size=500)
            entries = (_entry_for(obj, searchable, content_type) for obj in rows)
            count = 0
            batch: list[SearchEntry] = []
            for entry in entries:
                batch.append(entry)
                if len(batch) == 500:
                    count += len(SearchEntry.objects.bulk_create(batch))
                    batch = []
            count += len(SearchEntry.objects.bulk_create(batch))
        counts[model._meta.label] = count
    return counts


def _index_saved(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures: ``essaim reindex`` afterwards
        return
    searchable = REGISTRY[sender]
    if update_fields is not None and not set(update_fields) & set(searchable.fields):
        return
    index_object(instance)


def _unindex_deleted(sender, instance, **kwargs) -> None:
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()
