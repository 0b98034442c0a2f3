import pytest

from essaim.experiments.models import Experiment
from essaim.roles.models import Role
from tests.experiments.factories import ExperimentFactory
from tests.platform_app.models import Programme


@pytest.fixture
def experiment(owner, editor, reader) -> Experiment:
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse")
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(reader, Role.READER)
    return experiment


@pytest.fixture
def programme(experiment) -> Programme:
    """A programme whose primary key is the experiment's, so that only the owner's type tells
    their governance apart."""
    return Programme.objects.create(pk=experiment.pk, name="Programme Montagnes solidaires")
