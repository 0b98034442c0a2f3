"""Background work of the library: the « expériences similaires » computed again once sheets
changed (``similarity.refresh``), enqueued after the commit by ``signals.py``.

Saving a sheet many times before the worker gets to it must not pile up as many computations:
before enqueuing, :func:`refresh_similar_sheets_soon` looks for a refresh still waiting in the
database (a ``DBTaskResult`` row not yet taken by the worker) whose sheets include these ones,
and enqueues nothing when there is one: that refresh will read the sheets as they are when it
runs, after this commit. A refresh already running may have read them before: it does not count.
"""

from collections.abc import Collection

from django.tasks import TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult


@task()
def refresh_similar_sheets(*, sheet_ids: list[int] | None = None) -> dict:
    """The neighbours of the sheets and of the experiments, after ``sheet_ids`` changed
    (every list computed again when ``None``)."""
    from essaim.library import similarity  # loads scikit-learn: only where the task runs

    return similarity.refresh(sheet_ids)


def refresh_similar_sheets_soon(sheet_ids: Collection[int]) -> None:
    """Enqueue the refresh after ``sheet_ids`` changed, unless one waiting covers them."""
    wanted = sorted(set(sheet_ids))
    if wanted and not _waiting_refresh_covers(wanted):
        refresh_similar_sheets.enqueue(sheet_ids=wanted)


def _waiting_refresh_covers(sheet_ids: list[int]) -> bool:
    backend = refresh_similar_sheets.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False  # the immediate backend runs each one at once: nothing waits
    waiting = DBTaskResult.objects.filter(
        task_path=refresh_similar_sheets.module_path,
        backend_name=backend.alias,
        status=TaskResultStatus.READY,
    ).values_list("args_kwargs", flat=True)
    for arguments in waiting:
        covered = arguments.get("kwargs", {}).get("sheet_ids")
        if covered is None or set(sheet_ids) <= set(covered):
            return True
    return False
