import pytest
from django.tasks import task_backends
from django.test import override_settings

from essaim.experiments.models import Experiment
from essaim.roles.models import Role
from tests.conftest import reset_task_backends
from tests.core.test_tasks import DUMMY_TASKS
from tests.dossiers.factories import make_rich_experiment
from tests.experiments.factories import ExperimentFactory


@pytest.fixture
def experiment(owner, editor, contributor, reader) -> Experiment:
    """A bare experiment on which each persona holds its role."""
    experiment = ExperimentFactory(title="Bricobus dans le Loiret")
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(contributor, Role.CONTRIBUTOR)
    experiment.grant(reader, Role.READER)
    return experiment


@pytest.fixture
def rich_experiment(owner, reader) -> Experiment:
    """An experiment with something in every chapter of its dossier, readable by ``reader``."""
    experiment = make_rich_experiment(owner)
    experiment.grant(reader, Role.READER)
    return experiment


@pytest.fixture
def queued_tasks():
    """Tasks are enqueued and wait, as for the worker: the backend's ``results`` lists them,
    and :func:`run_queued` runs them as the worker would."""
    with override_settings(TASKS=DUMMY_TASKS):
        reset_task_backends()
        yield task_backends["default"]
    reset_task_backends()


def run_queued(backend) -> list:
    """Run every task still waiting in ``backend``, oldest first, as the worker does."""
    waiting, backend.results[:] = list(backend.results), []
    return [result.task.call(*result.args, **result.kwargs) for result in waiting]
