"""How to read a background task's state back, whatever the task; and how long the rows of
finished tasks are kept.

The database backend keeps a row per task with its arguments — an e-mail's recipients, text,
personal links and attachments. Finished rows are deleted after a few days
(:func:`prune_finished_task_results`), and those that mention an address go with the person's
data (:func:`delete_task_results_mentioning`)."""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.tasks import TaskResultStatus, default_task_backend
from django.tasks.exceptions import TaskResultDoesNotExist
from django_tasks_db.models import DBTaskResult

STATUS_LABELS = {
    TaskResultStatus.READY: "en attente",
    TaskResultStatus.RUNNING: "en cours",
    TaskResultStatus.SUCCESSFUL: "terminée",
    TaskResultStatus.FAILED: "en échec",
}


@dataclass(frozen=True)
class TaskState:
    id: str
    status: str
    label: str
    is_finished: bool
    return_value: object = None
    error: str = ""


def read_task_state(result_id: str) -> TaskState | None:
    """The state of a task enqueued earlier, or ``None`` when the backend does not know it."""
    if not default_task_backend.supports_get_result:
        return None  # the immediate backend keeps nothing: the task has already run
    try:
        result = default_task_backend.get_result(result_id)
    except (TaskResultDoesNotExist, ValueError):
        return None
    status = TaskResultStatus(result.status)
    error = result.errors[-1].exception_class_path if result.errors else ""
    return TaskState(
        id=str(result.id),
        status=status.value,
        label=STATUS_LABELS[status],
        is_finished=result.is_finished,
        return_value=result.return_value if status == TaskResultStatus.SUCCESSFUL else None,
        error=error,
    )


# Rows of finished tasks ---------------------------------------------------------------------

FINISHED = (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)


def prune_finished_task_results(now: datetime.datetime) -> int:
    """Delete the rows of tasks that succeeded more than ``TASK_RESULTS_KEPT_DAYS`` ago, or
    failed more than ``FAILED_TASK_RESULTS_KEPT_DAYS`` ago; returns how many went. Tasks still
    waiting or running are never touched."""
    succeeded = now - datetime.timedelta(days=settings.TASK_RESULTS_KEPT_DAYS)
    failed = now - datetime.timedelta(days=settings.FAILED_TASK_RESULTS_KEPT_DAYS)
    number, _ = DBTaskResult.objects.filter(
        Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=succeeded)
        | Q(status=TaskResultStatus.FAILED, finished_at__lt=failed)
    ).delete()
    return number


def task_results_mentioning(emails: Iterable[str], *, finished_only: bool = False) -> list:
    """The task rows whose arguments mention one of ``emails`` (without regard to case,
    anywhere in their text: a recipient, a reply-to address, a line of the body), oldest
    first."""
    wanted = {email.strip().lower() for email in emails if email and email.strip()}
    if not wanted:
        return []
    rows = DBTaskResult.objects.filter(json_may_mention("args_kwargs", wanted))
    if finished_only:
        rows = rows.filter(status__in=FINISHED)
    rows = rows.order_by("enqueued_at", "id").only(
        "id", "status", "task_path", "args_kwargs", "enqueued_at", "finished_at"
    )
    pattern = re.compile(
        r"(?<![\w.+-])(" + "|".join(map(re.escape, wanted)) + r")(?![\w-]|\.\w)", re.IGNORECASE
    )
    return [row for row in rows if _mentions(row.args_kwargs, pattern)]


def delete_task_results_mentioning(emails: Iterable[str], *, finished_only: bool = False) -> int:
    """Delete the rows of :func:`task_results_mentioning`; returns how many went."""
    rows = task_results_mentioning(emails, finished_only=finished_only)
    number, _ = DBTaskResult.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return number


def json_may_mention(field: str, emails: Iterable[str]) -> Q:
    """The rows whose JSON ``field`` may mention one of ``emails``, compared in the database on
    the longest ASCII part of each address (the JSON of some databases writes other characters
    as escapes); read the values back to be sure."""
    condition = Q()
    for email in emails:
        part = max(re.findall(r"[!#-\[\]-~]+", email), key=len, default="")
        condition |= Q(**{f"{field}__icontains": part})
    return condition


def _mentions(value: object, pattern: re.Pattern) -> bool:
    """Whether ``pattern`` is found in ``value``: text, or JSON made of dicts and lists."""
    if isinstance(value, str):
        return pattern.search(value) is not None
    if isinstance(value, dict):
        return any(_mentions(item, pattern) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_mentions(item, pattern) for item in value)
    return False
