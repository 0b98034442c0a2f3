"""Tests that run threads in real transactions, on the database the suite runs on."""

import contextlib
import sqlite3
from collections.abc import Iterator

from django.db import connection, connections


class SharedDatabase:
    """The database every thread of a test shares, in real transactions.

    On PostgreSQL, the test database itself. SQLite's test database lives in memory, in a shared
    cache whose table locks fail at once instead of waiting: the threads use a copy of it in a
    file instead, opened as in production (WAL, busy timeout, IMMEDIATE transactions)."""

    def __init__(self, path) -> None:
        self.settings = {**connection.settings_dict, "NAME": str(path)}
        self.is_copy = connection.vendor == "sqlite"

    def share(self) -> None:
        """Copy what the test has written so far where the threads will find it."""
        if self.is_copy:
            connection.ensure_connection()
            with contextlib.closing(sqlite3.connect(self.settings["NAME"])) as target:
                connection.connection.backup(target)

    @contextlib.contextmanager
    def use(self) -> Iterator[None]:
        """Point the current thread's default connection at the shared database."""
        if not self.is_copy:
            yield
            return
        own = connections["default"]
        shared = type(own)(self.settings, "default")
        connections["default"] = shared
        try:
            yield
        finally:
            shared.close()
            connections["default"] = own
