"""The territory page lists the experiments on it that the user sees."""

import pytest
from django.urls import reverse

from essaim.experiments.models import Stage
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


def url(territory) -> str:
    return reverse("territories:detail", args=[territory.pk])


def test_it_lists_the_experiments_on_the_territory_the_user_sees(owner, shared_territory):
    mine = ExperimentFactory(title="Saillans, démocratie participative", stage=Stage.RUNNING)
    mine.grant(owner, Role.READER)
    mine.territories.add(shared_territory)
    ExperimentFactory(title="Une autre, privée").territories.add(shared_territory)
    ExperimentFactory(title="Ailleurs").grant(owner, Role.OWNER)
    text = client_for(owner).get(url(shared_territory)).text
    assert (
        f'<a href="{mine.get_absolute_url()}">Saillans, démocratie participative</a> '
        '<span class="badge badge--stage badge--en_cours">En cours</span>'
    ) in text
    assert "Une autre, privée" not in text and "Ailleurs" not in text


def test_it_says_when_there_is_none(outsider, shared_territory):
    text = client_for(outsider).get(url(shared_territory)).text
    assert "Aucune expérimentation que vous suivez ne porte sur ce territoire." in text


def test_the_number_of_queries_does_not_grow_with_the_experiments(
    owner, shared_territory, django_assert_num_queries
):
    client = client_for(owner)
    client.get(url(shared_territory))
    for total in (3, 30):
        while shared_territory.experiments.count() < total:
            experiment = ExperimentFactory()
            experiment.grant(owner, Role.EDITOR)
            experiment.territories.add(shared_territory)
        # 1 session, 2 user, 3 the territory, 4 count of its communes, 5 the page of communes,
        # 6 organisations, 7 experiments, 8 members with their users
        # + 1: the generations of the tables, read before the page is made (page_cache.py)
        with django_assert_num_queries(9):
            assert client.get(url(shared_territory)).status_code == 200
