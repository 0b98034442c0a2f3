"""The staff's administration of experiments: every list and change page opens, and the stage
cannot be changed there, only through the experiment's own transitions."""

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, JournalEntryFactory, MeasurementFactory
from tests.experiments.factories import StepFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "experiments_experiment",
        "experiments_step",
        "experiments_risk",
        "experiments_decision",
        "evaluation_indicator",
        "evaluation_measurement",
        "evaluation_journalentry",
        "governance_body",
        "governance_meeting",
        "governance_loggeddecision",
    ],
)
def test_every_list_opens_for_the_staff(staff, experiment, name):
    StepFactory(experiment=experiment)
    MeasurementFactory(indicator=IndicatorFactory(experiment=experiment))
    JournalEntryFactory(experiment=experiment)
    assert client_for(staff).get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_the_experiment_page_shows_the_stage_without_letting_it_change(staff, experiment):
    url = reverse("admin:experiments_experiment_change", args=[experiment.pk])
    page = client_for(staff).get(url).content.decode()
    assert "Autostop organisé en Chartreuse" in page
    assert 'name="stage"' not in page
    assert "Hypothèses" in page or "hypothèses" in page


def test_outsiders_do_not_reach_the_administration(outsider):
    response = client_for(outsider).get(reverse("admin:experiments_experiment_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
