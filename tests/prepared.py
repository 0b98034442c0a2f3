"""Rows of the test database kept aside once and put back in a moment.

A transactional test (a live server) empties every table when it ends; what the test session
loaded before it (the territorial referential, long to import) is then put back from such a copy
rather than loaded again. On PostgreSQL the copy goes through ``COPY``; on SQLite, through plain
``SELECT`` and ``INSERT``.

On SQLite the whole prepared database (migrated, with the referential) is also copied to a file,
from which ``essaim demo`` starts in its test instead of migrating and importing again."""

import sqlite3
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.django_table_names(only_existing=True):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


class PreparedRows:
    """The rows of ``tables`` as they are now; :meth:`restore` puts them back into those tables,
    emptied meanwhile."""

    def __init__(self, tables: list[str]) -> None:
        self.tables = sorted(tables)
        self.sqlite_copy: Path | None = None
        self.rows: dict[str, object] = {}
        with connection.cursor() as cursor:
            for table in self.tables:
                self.rows[table] = self._read(cursor, connection.ops.quote_name(table))

    def restore(self) -> None:
        from django.apps import apps

        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Foreign keys are checked at commit, when every table is back.
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            else:
                cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table in self.tables:
                self._write(cursor, connection.ops.quote_name(table), self.rows[table])
            if connection.vendor == "postgresql":
                models = [
                    model
                    for model in apps.get_models(include_auto_created=True)
                    if model._meta.db_table in self.tables
                ]
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)

    @staticmethod
    def _read(cursor, table: str):
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} TO STDOUT") as copy:
                return b"".join(bytes(block) for block in copy)
        cursor.execute(f"SELECT * FROM {table}")
        return ([column[0] for column in cursor.description], cursor.fetchall())

    @staticmethod
    def _write(cursor, table: str, rows) -> None:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                copy.write(rows)
            return
        columns, values = rows
        if values:
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            marks = ", ".join("%s" for _ in columns)
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


def copy_sqlite_database(path: Path) -> Path | None:
    """A copy of the SQLite test database, as it is now, in the file ``path``; ``None`` on
    another database."""
    if connection.vendor != "sqlite":
        return None
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    return path
