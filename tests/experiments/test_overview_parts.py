"""The parts the apps above experiments add to the list and the overview
(``experiments/overview_parts.py``): without them, experiments stands alone."""

import pytest
from django.urls import reverse

from essaim.experiments import overview_parts
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, JournalEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_parts():
    saved = list(overview_parts.PARTS)
    overview_parts.PARTS.clear()
    yield
    overview_parts.PARTS[:] = saved


def test_evaluation_dossiers_scaling_and_the_library_add_their_parts():
    assert [part.key for part in overview_parts.PARTS] == [
        "evaluation",
        "dossier",
        "scaling",
        "library_sheet",
        "library_similar",
    ]


def test_the_overview_shows_what_the_parts_add(reader, experiment):
    IndicatorFactory(experiment=experiment, name="Trajets partagés par mois")
    JournalEntryFactory.create_batch(2, experiment=experiment)
    text = client_for(reader).get(reverse("experiments:detail", args=[experiment.pk])).text
    assert "Trajets partagés par mois" in text
    assert "<strong>2</strong> entrées du journal" in text
    assert reverse("dossiers:pdf", args=[experiment.pk]) in text


def test_without_the_parts_experiments_stands_alone(
    reader, experiment, without_parts, django_assert_num_queries
):
    IndicatorFactory(experiment=experiment, name="Trajets partagés par mois")
    client = client_for(reader)
    client.get(reverse("experiments:list"))
    # 1 session, 2 user, 3 the page of experiments with their count, next step and last
    # decision, 4 their territories, 5 the territories the filter offers, 6 the themes it offers
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_num_queries(7):
        text = client.get(reverse("experiments:list")).text
    assert experiment.title in text
    assert '<th scope="col">Indicateurs</th>' not in text
    text = client.get(reverse("experiments:detail", args=[experiment.pk])).text
    assert "Trajets partagés par mois" not in text
    assert "du journal" not in text
    assert reverse("dossiers:pdf", args=[experiment.pk]) not in text
    assert "Canevas de cadrage" in text
