"""Full-text search: one index for every searchable model, the same answers on SQLite and
PostgreSQL.

Each app declares its searchable models in its own ``search.py`` with :func:`register`: the
fields of the title (matched first) and those of the body. Their words are normalised here, in
Python, for both engines — lower case, accents removed, « saint » written « st », French
stemming — and stored in one table, ``SearchEntry``. SQLite searches it through two FTS5 tables
(title and body, title alone) and PostgreSQL through a narrow table of ``tsvector`` values
beside it (``to_tsvector('simple', …)`` of the title and body, and of the title alone), with a
GIN index on each; triggers keep them in step when an entry is written. The model does not know
them, the queries here name them.
Each stored word is kept twice, stemmed and as written, and each word typed is looked for as
the beginning of a stored word — the last one also as typed — so that « brico » finds
« Bricobus » and « développem » finds « développement ».

``search(queryset, "texte tapé")`` filters any queryset of a registered model — the caller's
queryset says what the user may see — and, with ``ranked=True``, annotates ``search_rank``:
0 when the title holds every word, 1 when only the body does. With ``synonyms`` (groups of
equivalent expressions), an expression of a group typed also matches each other expression of
its group. ``matching_entries(text)`` gives the ids of the matching entries alone (numpy arrays), in
one statement on the full-text index, for a caller that maps them to its rows itself (the library's
facet index). The index is kept up to date when objects are saved or deleted; ``essaim reindex``
rebuilds it.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, models, transaction
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

from essaim.core.models import SearchEntry
from essaim.lib.search_terms import Clause, index_words, query_clauses


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    title: tuple[str, ...]  # fields whose words rank first
    body: tuple[str, ...]
    # More words of the body read from related rows (names of places, labels of themes), and
    # the relations ``essaim reindex`` prefetches for them. ``related_text`` reads only these
    # relations: a save whose ``update_fields`` names one of their foreign keys indexes anew.
    related_text: Callable[[models.Model], str] | None = None
    related: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return self.title + self.body

    @property
    def foreign_keys(self) -> tuple[str, ...]:
        """The foreign keys among ``related`` (``commune`` for ``commune`` or
        ``commune__departement``): a save that changes one changes the indexed text."""
        fields = {field.name: field for field in self.model._meta.concrete_fields}
        names = (name.split("__")[0] for name in self.related)
        return tuple(
            dict.fromkeys(name for name in names if name in fields and fields[name].is_relation)
        )

    @property
    def indexed_fields(self) -> frozenset[str]:
        """What a save's ``update_fields`` must name for the entry to be written again: the
        fields of the title and body, and the foreign keys read by ``related_text`` (by their
        name or their column)."""
        columns = {self.model._meta.get_field(name).attname for name in self.foreign_keys}
        return frozenset({*self.fields, *self.foreign_keys, *columns})

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields that are columns of the model (the others are read from its properties,
        such as the heading of an interview note, made from the person's shown name)."""
        names = {field.name for field in self.model._meta.concrete_fields}
        return tuple(name for name in self.fields if name in names)


REGISTRY: dict[type[models.Model], Searchable] = {}


def register(
    model: type[models.Model],
    *,
    title: Iterable[str],
    body: Iterable[str] = (),
    related_text: Callable[[models.Model], str] | None = None,
    related: Iterable[str] = (),
):
    """Make ``model`` searchable by the text of its ``title`` and ``body`` fields (columns, or
    properties of its rows), and by ``related_text(row)`` (reading the ``related`` relations,
    prefetched when the whole index is rebuilt). Whoever changes a many-to-many relation read by
    ``related_text`` calls :func:`index_object` afterwards."""
    searchable = Searchable(model, tuple(title), tuple(body), related_text, tuple(related))
    REGISTRY[model] = searchable
    uid = f"search-{model._meta.label}"
    post_save.connect(_index_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_unindex_deleted, sender=model, dispatch_uid=uid)
    return searchable


# Querying -----------------------------------------------------------------------------------------


def search(
    queryset: models.QuerySet,
    text: str,
    *,
    ranked: bool = False,
    synonyms: Iterable[Sequence[str]] = (),
) -> models.QuerySet:
    """``queryset`` narrowed to the rows whose indexed text holds every word of ``text``
    (the last one as the beginning of a word); unchanged when ``text`` has no word.

    ``synonyms`` are groups of equivalent expressions (``[["autostop organisé",
    "covoiturage"]]``): an expression of a group typed is found as any expression of its group,
    each of whose words must be present.

    With ``ranked``, each row gets ``search_rank`` (0: every word is in the title), for the
    caller to order by."""
    terms = query_clauses(text, synonyms)
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


@dataclass(frozen=True)
class Matches:
    """The ids of the index entries found, in no particular order."""

    entries: np.ndarray  # every word in the title or the body
    in_title: np.ndarray | None  # every word in the title (when asked for)


def matching_entries(
    text: str,
    *,
    synonyms: Iterable[Sequence[str]] = (),
    in_title: bool = False,
    using: str = DEFAULT_DB_ALIAS,
) -> Matches | None:
    """The index entries (of every model) that hold every word of ``text``, and with
    ``in_title`` those whose title alone does: one statement on the full-text index, no join;
    ``None`` when ``text`` has no word (nothing to narrow).

    Each list of ids comes back as one text that numpy reads, not as one row per id: for 45,000
    entries, making a Python row of each cost more than finding them."""
    terms = query_clauses(text, synonyms)
    if not terms:
        return None
    connection = connections[using]
    lists = [_matching_sql(connection.vendor, terms)]
    if in_title:
        lists.append(_matching_sql(connection.vendor, terms, title_only=True))
    listed = LISTED_IDS[connection.vendor]
    sql = "SELECT " + ", ".join(f"(SELECT {listed} FROM ({part.sql}) AS found)" for part in lists)
    params = [param for part in lists for param in part.params]
    with _index_only(connection), connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return Matches(_ids(row[0]), _ids(row[1]) if in_title else None)


@contextmanager
def _index_only(connection) -> Iterator[None]:
    """PostgreSQL guesses that a word begun matches most rows and would read every vector (a
    third of a second at 100,000 entries) rather than the GIN index (milliseconds): the index,
    for the statement run in this block only."""
    if connection.vendor != "postgresql":
        yield
        return
    outer = connection.in_atomic_block
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield
        if outer:  # the setting would last until the outer transaction ends
            cursor.execute("SET LOCAL enable_seqscan = on")


# Per engine: the ids found, as one text of numbers separated by commas.
LISTED_IDS = {
    "sqlite": "group_concat(found.rowid)",
    "postgresql": "string_agg(found.id::text, ',')",
}


def _ids(listed: str | None) -> np.ndarray:
    return np.fromstring(listed or "", dtype=np.int64, sep=",")


# Per engine: AND, OR, and a word looked for as the beginning of a stored word.
SYNTAX = {
    "sqlite": (" AND ", " OR ", '"{}"*'.format),
    # The vectors hold every prefix of two letters or more of each word (migration core 0006):
    # such a prefix is one lexeme, looked for as it is.
    "postgresql": (" & ", " | ", lambda word: word if len(word) > 1 else f"{word}:*"),
}


def match_expression(clauses: list[Clause], vendor: str) -> str:
    """The clauses as an FTS5 query (SQLite) or a ``tsquery`` (PostgreSQL). The words are made
    of ``[0-9a-z]`` only (``lib/text.search_words``): nothing to quote."""
    and_, or_, prefix = SYNTAX[vendor]

    def joined(parts: list[str], operator: str) -> str:
        return parts[0] if len(parts) == 1 else "(" + operator.join(parts) + ")"

    def alternative(terms) -> str:
        return joined([joined([prefix(w) for w in shortest(term)], or_) for term in terms], and_)

    def shortest(forms) -> list[str]:
        # Each form is looked for as the beginning of a word: « covoitur » finds whatever
        # « covoiturage » would, which a full-text index would look for again for nothing.
        forms = list(dict.fromkeys(forms))
        return [w for w in forms if not any(v != w and w.startswith(v) for v in forms)]

    return and_.join(joined([alternative(terms) for terms in clause], or_) for clause in clauses)


def _matching_sql(vendor: str, terms: list[Clause], *, title_only: bool = False):
    if vendor == "sqlite":
        expression = match_expression(terms, vendor)
        table = SQLITE_TITLES if title_only else SQLITE_ENTRIES
        return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (expression,))
    if vendor == "postgresql":
        column = "title_vector" if title_only else "search_vector"
        condition = f"{column} @@ to_tsquery('simple'::regconfig, %s)"
        return RawSQL(
            f"SELECT id FROM {POSTGRES_VECTORS} WHERE {condition}",
            (match_expression(terms, vendor),),
        )
    raise NotSupportedError(f"La recherche n'est pas disponible sur {vendor}.")


# SQLite's FTS5 tables over the entries (migration core 0006), kept by triggers: the title and
# body, and the title alone. They list the entries that hold each word (no positions) and index
# the prefixes of 2 to 12 letters, so that a word begun is read from one list.
SQLITE_ENTRIES = "core_searchentry_fts"
SQLITE_TITLES = "core_searchentry_title_fts"
# PostgreSQL's vectors of the entries, kept by triggers, each with a GIN index (migrations core
# 0005 and 0006): the prefixes of each word, so that a word begun is one key of the index. A
# match reads the index and this narrow table, whose rows hold the id and the vectors'
# pointers, never the text. Its name is that of SQLite's FTS5 table, which the kept pages read
# as the entries' (core/generations.py).
POSTGRES_VECTORS = "core_searchentry_fts"


# Indexing ---------------------------------------------------------------------------------------


def _entry_for(obj: models.Model, searchable: Searchable, content_type: ContentType):
    body = [str(getattr(obj, name)) for name in searchable.body]
    if searchable.related_text is not None:
        body.append(searchable.related_text(obj))
    return SearchEntry(
        content_type=content_type,
        object_id=obj.pk,
        title=index_words(*(str(getattr(obj, name)) for name in searchable.title)),
        body=index_words(*body),
    )


def index_object(obj: models.Model) -> None:
    """Write (or rewrite) the index entry of ``obj``, in one query (at the end of the block,
    inside :func:`indexing_deferred`)."""
    if (pending := _deferred.get()) is not None:
        pending.add((type(obj), obj.pk))
        return
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
            rows = (
                model._default_manager.only("pk", *searchable.columns, *searchable.foreign_keys)
                .prefetch_related(*searchable.related)
                .iterator(chunk_size=500)
            )
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
    if update_fields is not None and not set(update_fields) & searchable.indexed_fields:
        return
    index_object(instance)


def _unindex_deleted(sender, instance, **kwargs) -> None:
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


# Deferred indexing --------------------------------------------------------------------------------

_deferred: ContextVar[set | None] = ContextVar("search_indexing_deferred", default=None)
DEFERRED_BATCH = 500


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """For whoever writes many rows at once (an import): the objects saved meanwhile, however
    many times, are indexed once each when the block ends, a few queries per 500 rows; nothing
    is indexed when the block raises. Call it inside the writer's transaction, so that the
    rows and their entries are written together or not at all."""
    pending: set[tuple[type[models.Model], object]] = set()
    outer = _deferred.get()
    token = _deferred.set(pending if outer is None else outer)
    try:
        yield
    finally:
        _deferred.reset(token)
    if outer is None:
        index_objects(pending)


def index_objects(keys: Iterable[tuple[type[models.Model], object]]) -> None:
    """Write (or rewrite) the index entries of the rows ``(model, pk)`` still there, in
    batches."""
    by_model: dict[type[models.Model], list] = {}
    for model, pk in keys:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        searchable = REGISTRY[model]
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(pks), DEFERRED_BATCH):
            rows = (
                model._default_manager.filter(pk__in=pks[start : start + DEFERRED_BATCH])
                .only("pk", *searchable.columns, *searchable.foreign_keys)
                .prefetch_related(*searchable.related)
            )
            SearchEntry.objects.bulk_create(
                [_entry_for(obj, searchable, content_type) for obj in rows],
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=["title", "body"],
            )
