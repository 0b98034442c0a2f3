"""Values read from the database, kept in the process's memory while the tables they were read
from have not changed: the pages of ``page_cache.py``, and what a request reads again and
again, such as the session a registration form is sent for.

The tables are those the loading function's queries name (``generations.reading``); their
generations are read before it runs, so a value can only be paired with generations older than
it, and is read again for nothing at worst. A value loaded by a function that wrote, or from
tables that the open transaction wrote, is not kept. The cache pickles what it keeps: each call
gets its own copy, which it may change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches

from essaim.core import generations

CACHE = "pages"
# What changes without a write (a time in the value) is read again after this many seconds.
TIMEOUT = 60


@dataclass(frozen=True, slots=True)
class Kept:
    tables: tuple[str, ...]
    versions: tuple[int, ...]
    value: Any


def _versions_of(tables: tuple[str, ...], versions: dict[str, int]) -> tuple[int, ...]:
    return tuple(versions.get(table, 0) for table in tables)


def kept_value(
    key: str,
    load: Callable[[], Any],
    *,
    also_read: Iterable[str] = (),
    keep: Callable[[Any], bool] = lambda value: True,
) -> Any:
    """``load()``, or what it returned before while its tables have not changed. ``also_read``:
    tables it depends on that its own queries do not read (read before it, by the middleware);
    ``keep``: whether a value is to be kept (the value is always returned)."""
    if not settings.PAGE_CACHE_ENTRIES:
        return load()
    versions = generations.current()
    kept = caches[CACHE].get(key)
    if (
        kept is not None
        and kept.versions == _versions_of(kept.tables, versions)
        and not generations.uncommitted(kept.tables)
    ):
        return kept.value
    with generations.reading() as reading:
        reading.tables.update(also_read)
        value = load()
    if not reading.wrote and not generations.uncommitted(reading.tables) and keep(value):
        tables = tuple(sorted(reading.tables))
        caches[CACHE].set(key, Kept(tables, _versions_of(tables, versions), value), TIMEOUT)
    return value
