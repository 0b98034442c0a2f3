"""When the neighbours of the sheets must be computed again: a sheet published, withdrawn or
deleted, or the public text, kind of territory or themes of a sheet that has been published
changing. The sheets changed in one transaction are gathered, and one refresh is enqueued once
it commits (``tasks.refresh_similar_sheets_soon``); a transaction rolled back enqueues nothing.

Whoever writes many sheets at once and computes the neighbours itself (the demo data) does so
inside :func:`refresh_paused`."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from essaim.library.models import ExperienceSheet
from essaim.library.tasks import refresh_similar_sheets_soon

# What the neighbours are computed from: a save that writes none of these changes nothing.
WATCHED_FIELDS = frozenset({"publication_status", *ExperienceSheet.PUBLIC_FIELDS})
THEMES_CHANGED = frozenset({"post_add", "post_remove", "post_clear"})

_paused: ContextVar[bool] = ContextVar("similar_refresh_paused", default=False)


@contextmanager
def refresh_paused() -> Iterator[None]:
    """No refresh is enqueued for the sheets written meanwhile."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


class RefreshAfterCommit:
    """The sheets changed in the current transaction; called once it commits, it enqueues
    their refresh."""

    def __init__(self) -> None:
        self.sheet_ids: set[int] = set()

    def __call__(self) -> None:
        refresh_similar_sheets_soon(self.sheet_ids)


def refresh_after_commit(sheet_ids: Iterable[int]) -> None:
    """Add ``sheet_ids`` to the refresh that the current transaction enqueues when it commits
    (at once outside a transaction)."""
    if _paused.get():
        return
    connection = transaction.get_connection()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, RefreshAfterCommit):
            callback.sheet_ids.update(sheet_ids)
            return
    refresh = RefreshAfterCommit()
    refresh.sheet_ids.update(sheet_ids)
    transaction.on_commit(refresh)


def has_been_published(sheet: ExperienceSheet) -> bool:
    """Published now, or once: withdrawn sheets keep the date of their publication."""
    return sheet.published_at is not None


def sheet_saved(sender, instance: ExperienceSheet, update_fields=None, raw=False, **kwargs):
    if raw or not has_been_published(instance):
        return
    if update_fields is None or WATCHED_FIELDS & set(update_fields):
        refresh_after_commit([instance.pk])


def sheet_deleted(sender, instance: ExperienceSheet, **kwargs):
    if has_been_published(instance):
        refresh_after_commit([instance.pk])


def sheet_themes_changed(sender, instance, action: str, reverse: bool, pk_set=None, **kwargs):
    if action not in THEMES_CHANGED:
        return
    if not reverse and has_been_published(instance):
        refresh_after_commit([instance.pk])
    elif reverse and pk_set:  # sheets added to or taken from a theme
        refresh_after_commit(pk_set)


def connect() -> None:
    post_save.connect(sheet_saved, sender=ExperienceSheet, dispatch_uid="library_similar_save")
    post_delete.connect(
        sheet_deleted, sender=ExperienceSheet, dispatch_uid="library_similar_delete"
    )
    m2m_changed.connect(
        sheet_themes_changed,
        sender=ExperienceSheet.themes.through,
        dispatch_uid="library_similar_themes",
    )
