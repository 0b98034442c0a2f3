import pytest
from django.core.management import call_command
from django.tasks import task_backends
from django.test import override_settings

from essaim.core.tasks import read_task_state
from essaim.mail.tasks import send_email
from tests.conftest import reset_task_backends

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def dummy_tasks():
    """Tasks are enqueued and never run: the backend's ``results`` lists them."""
    with override_settings(TASKS=DUMMY_TASKS):
        reset_task_backends()
        yield task_backends["default"]
    reset_task_backends()


def test_a_stored_task_waits_for_the_worker_and_its_state_can_be_read_back(
    transactional_db, database_tasks, mailoutbox
):
    # transactional_db: the worker closes its database connection after its batch, as it
    # would in production, which a test wrapped in one transaction could not survive.
    result = send_email.enqueue(subject="Relance", body="Bonjour", to=["b@example.org"])
    state = read_task_state(result.id)
    assert (state.status, state.label, state.is_finished) == ("READY", "en attente", False)
    assert mailoutbox == []

    call_command("worker", batch=True, verbosity=0)

    state = read_task_state(result.id)
    assert (state.status, state.label, state.return_value) == ("SUCCESSFUL", "terminée", 1)
    assert mailoutbox[0].to == ["b@example.org"]
    assert read_task_state("00000000-0000-0000-0000-000000000000") is None


def test_a_backend_that_keeps_nothing_has_no_state_to_read(db):
    result = send_email.enqueue(subject="Essai", body="Bonjour", to=["a@example.org"])
    assert read_task_state(result.id) is None
