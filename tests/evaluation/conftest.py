"""An experiment on which each persona holds its role."""

import pytest

from essaim.experiments.models import Experiment
from essaim.roles.models import Role
from tests.experiments.factories import ExperimentFactory


@pytest.fixture
def experiment(owner, editor, contributor, reader) -> Experiment:
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse", framed=True)
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(contributor, Role.CONTRIBUTOR)
    experiment.grant(reader, Role.READER)
    return experiment
