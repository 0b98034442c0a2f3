"""How many times each table has been written: the version of the data a page was made from.

Every statement that writes through Django's connections (the ORM, ``update()``,
``bulk_create()``, raw SQL alike) marks its table; once the transaction commits, each marked
table's generation, a row of :class:`~essaim.core.models.TableGeneration`, goes up by one. A page
made from some tables is still true while their generations have not moved
(``essaim.core.page_cache``).

The generations move *after* the commit, in a statement of their own, so that two writers never
wait for each other on them. A reader that reads the generations first, then the data, can thus
only ever pair data with generations older than it, never newer: at worst a page is made again
for nothing. A statement that is neither a read nor a write of one table (a migration, a
``TRUNCATE``) moves :data:`EVERYTHING`, which every page depends on.
"""

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, Error, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

TABLE = "core_tablegeneration"
EVERYTHING = "*"

WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+\"?(\w+)\"?",
    re.IGNORECASE,
)
NOT_A_CHANGE = re.compile(
    r"^\s*(?:SELECT|VALUES|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|EXPLAIN|PRAGMA|SET|SHOW|"
    r"ANALYZE|DECLARE|FETCH|MOVE|CLOSE)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
# Tables that the database writes itself, from a table Django writes (``core/search.py``).
DERIVED_TABLES = {
    "core_searchentry_fts": "core_searchentry",
    "core_searchentry_title_fts": "core_searchentry",
}


def changed_table(sql: str) -> str | None:
    """The table a statement writes, :data:`EVERYTHING` if it may change more than one table's
    rows, ``None`` if it changes nothing."""
    if match := WRITE.match(sql):
        return match[1]
    if NOT_A_CHANGE.match(sql):
        return None
    return EVERYTHING


@cache
def known_tables() -> frozenset[str]:
    """The tables of the installed models, those that Django writes."""
    return frozenset(
        model._meta.db_table for model in apps.get_models(include_auto_created=True)
    ) | frozenset(DERIVED_TABLES)


def tables_read(sql: str, known: frozenset[str]) -> set[str]:
    """The known tables a statement names, a derived table as the one it comes from."""
    return {DERIVED_TABLES.get(word, word) for word in WORD.findall(sql) if word in known}


# Writes ----------------------------------------------------------------------------------------


class Pending:
    """The tables written on a connection whose generations have not moved yet; called (by
    ``on_commit``, once a transaction), it moves them."""

    def __init__(self, connection: BaseDatabaseWrapper):
        self.connection = connection
        self.tables: set[str] = set()

    def __call__(self) -> None:
        _move(self.connection)


def _pending(connection: BaseDatabaseWrapper) -> Pending:
    try:
        return connection.essaim_pending_generations
    except AttributeError:
        connection.essaim_pending_generations = Pending(connection)
        return connection.essaim_pending_generations


def _move(connection: BaseDatabaseWrapper) -> None:
    """Move the generations of the tables written on ``connection``, in one statement. When it
    fails (the database locked for too long, the connection lost), the tables stay marked for
    the next write or reading of this connection, and the error is logged, never raised: what
    was written is committed already. Meanwhile other processes may serve the pages made
    before it, until their minute ends."""
    pending = _pending(connection).tables
    tables = sorted(pending)
    pending.clear()
    if not tables:
        return
    rows = ", ".join(["(%s, 1)"] * len(tables))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (name, value) VALUES {rows} "
                f"ON CONFLICT (name) DO UPDATE SET value = {TABLE}.value + 1",
                tables,
            )
    except Error as error:
        pending.update(tables)
        if _exists(connection):
            logger.warning("Les générations de %s n'ont pas avancé : %s", ", ".join(tables), error)


def _exists(connection: BaseDatabaseWrapper) -> bool:
    """Whether the table of generations exists (the migrations of a new database write before
    it does); ``True`` when the database cannot tell."""
    try:
        return TABLE in connection.introspection.table_names()
    except Error:
        return True


def _track_writes(execute, sql, params, many, context):
    table = changed_table(sql)
    if table is None or table == TABLE:
        return execute(sql, params, many, context)
    connection = context["connection"]
    # Marked before the statement runs: one that fails halfway (an ``executemany`` outside a
    # transaction) may have written some rows.
    _pending(connection).tables.add(table)
    try:
        return execute(sql, params, many, context)
    finally:
        _move_after_commit(connection)


def _move_after_commit(connection: BaseDatabaseWrapper) -> None:
    pending = _pending(connection)
    if not connection.in_atomic_block:
        if connection.get_autocommit():
            pending()
        # Otherwise a transaction managed by hand: its tables move at the next reading.
    elif not any(hook is pending for _, hook, _ in connection.run_on_commit):
        # Once a transaction; a savepoint rolled back takes the hook with it, and the next
        # write puts it back. Tables written and rolled back move too: a page made again.
        transaction.on_commit(pending, using=connection.alias, robust=True)


def track_writes(connection: BaseDatabaseWrapper, **kwargs) -> None:
    """Watch the writes of ``connection`` (``connection_created`` calls this)."""
    if _track_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_track_writes)


# Reads -----------------------------------------------------------------------------------------


def current(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Every table's generation, in one query; a table never written is at 0."""
    connection = connections[using]
    if not connection.in_atomic_block and _pending(connection).tables:
        # A transaction rolled back left its tables marked: moving them costs a page made again.
        _move(connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, value FROM {TABLE}")
        return dict(cursor.fetchall())


def uncommitted(tables: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the open transaction wrote one of ``tables`` (its changes are not everyone's)."""
    connection = connections[using]
    pending = _pending(connection).tables
    return connection.in_atomic_block and bool(pending) and not pending.isdisjoint(tables)


class Reading:
    """What a piece of code read (:attr:`tables`) and whether it wrote (:attr:`wrote`)."""

    def __init__(self, known: frozenset[str]):
        self.known = known
        self.tables: set[str] = {EVERYTHING}
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if changed_table(sql) is not None:
            self.wrote = True
        else:
            self.tables |= tables_read(sql, self.known)
        return execute(sql, params, many, context)


@contextmanager
def reading(using: str = DEFAULT_DB_ALIAS) -> Iterator[Reading]:
    """Record the tables that the queries inside the block read."""
    recorder = Reading(known_tables())
    with connections[using].execute_wrapper(recorder):
        yield recorder
