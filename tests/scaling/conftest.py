"""An experiment that has moved on to scaling, on which each persona holds its role."""

import pytest

from essaim.experiments.models import Experiment, Stage
from essaim.roles.models import Role
from tests.experiments.factories import ExperimentFactory


@pytest.fixture
def experiment(owner, editor, contributor, reader) -> Experiment:
    experiment = ExperimentFactory(
        title="Centrales villageoises du Parc des Baronnies", framed=True, stage=Stage.SCALING
    )
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(contributor, Role.CONTRIBUTOR)
    experiment.grant(reader, Role.READER)
    return experiment
