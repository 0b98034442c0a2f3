"""Background tasks shared by every app, and how to read a task's state back."""

import base64
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.tasks import TaskResultStatus, default_task_backend, task
from django.tasks.exceptions import TaskResultDoesNotExist

STATUS_LABELS = {
    TaskResultStatus.READY: "en attente",
    TaskResultStatus.RUNNING: "en cours",
    TaskResultStatus.SUCCESSFUL: "terminée",
    TaskResultStatus.FAILED: "en échec",
}


def attachment(filename: str, content: bytes, mimetype: str) -> dict:
    """An attachment for :func:`send_email`, in a form a task's arguments can carry (JSON)."""
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    reply_to: list[str] | None = None,
    attachments: list[dict] | None = None,
) -> int:
    """Send one plain-text e-mail, with the attachments made by :func:`attachment`; returns the
    number of messages sent."""
    message = EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to or [])
    for item in attachments or []:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message.send()


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
