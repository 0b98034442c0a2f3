"""How to read a background task's state back, whatever the task."""

from dataclasses import dataclass

from django.tasks import TaskResultStatus, default_task_backend
from django.tasks.exceptions import TaskResultDoesNotExist

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
