import pytest

from essaim.experiments.models import Experiment
from essaim.roles.models import Role
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
