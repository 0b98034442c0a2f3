"""The organiser's pages of a session exist only for its organisers."""

import pytest
from django.urls import reverse

from essaim.trainings.tabs import TABS
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("tab", TABS, ids=lambda tab: tab.key)
def test_every_tab_opens_for_organisers_and_is_hidden_from_others(
    tab, training_session, reader, outsider
):
    url = reverse(tab.url_name, args=[training_session.pk])
    assert client_for(reader).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404


def test_the_organisers_of_a_cycle_organise_its_sessions(outsider):
    from essaim.roles.models import Role
    from tests.trainings.factories import CycleFactory, TrainingSessionFactory

    cycle = CycleFactory()
    session = TrainingSessionFactory(cycle=cycle)
    cycle.grant(outsider, Role.EDITOR)
    assert (
        client_for(outsider).get(reverse("trainings:manage", args=[session.pk])).status_code == 200
    )
