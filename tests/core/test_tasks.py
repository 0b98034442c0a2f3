from django.core.management import call_command
from django.test import override_settings
from django.tasks import TaskResultStatus

from essaim.core.tasks import read_task_state, send_email

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_the_immediate_backend_sends_at_once(db, mailoutbox):
    result = send_email.enqueue(subject="Essai", body="Bonjour", to=["a@example.org"])
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert mailoutbox[0].subject == "Essai"


@override_settings(TASKS=DATABASE_TASKS)
def test_a_stored_task_waits_for_the_worker_and_its_state_can_be_read_back(db, mailoutbox):
    from django.tasks import task_backends

    task_backends._settings = None  # the backends were built from the previous settings
    task_backends._connections = type(task_backends._connections)()
    try:
        result = send_email.enqueue(subject="Relance", body="Bonjour", to=["b@example.org"])
        state = read_task_state(result.id)
        assert (state.status, state.label, state.is_finished) == ("READY", "en attente", False)
        assert mailoutbox == []

        call_command("worker", batch=True, verbosity=0)

        state = read_task_state(result.id)
        assert (state.status, state.label, state.return_value) == ("SUCCESSFUL", "terminée", 1)
        assert mailoutbox[0].to == ["b@example.org"]
        assert read_task_state("00000000-0000-0000-0000-000000000000") is None
    finally:
        task_backends._settings = None
        task_backends._connections = type(task_backends._connections)()
