"""The API refuses a line break in a single-line text with the words of the forms."""

import pytest

from essaim.experiments.models import Experiment
from essaim.territories.models import Territory
from tests.api.test_experiments_api import Api, experiment_with_roles
from tests.territories.conftest import SAILLANS
from tests.territories.test_api import api  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

MESSAGE = "Ce texte doit tenir sur une ligne, sans retour à la ligne ni caractère de contrôle."


def test_an_experiment_title_on_two_lines_is_refused(owner, editor, contributor, reader):
    experiment = experiment_with_roles(owner, editor, contributor, reader)

    created = Api(editor).post("", {"title": "Autostop\norganisé"})
    changed = Api(editor).patch(str(experiment.pk), {"title": "Autostop\r\norganisé"})
    reference = Api(editor).patch(str(experiment.pk), {"legal_reference": "Art. 1\nArt. 2"})

    for response, field in ((created, "title"), (changed, "title"), (reference, "legal_reference")):
        assert response.status_code == 422
        assert response.json()["erreurs"] == [{"champ": field, "message": MESSAGE}]
    assert list(Experiment.objects.values_list("title", flat=True)) == [experiment.title]


def test_a_territory_name_on_two_lines_is_refused(api, outsider):  # noqa: F811
    response = api(outsider).post("", {"name": "Vallée\nde la Drôme", "communes": [SAILLANS]})

    assert response.status_code == 422
    assert response.json()["erreurs"] == [{"champ": "name", "message": MESSAGE}]
    assert not Territory.objects.exists()
