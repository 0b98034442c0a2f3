"""Every tab of an experiment: members see it, others get a 404, anonymous users log in."""

import pytest
from django.urls import reverse

from essaim.experiments.tabs import TABS
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

VIEW_TABS = [tab.url_name for tab in TABS if tab.key != "members"]


@pytest.mark.parametrize("url_name", VIEW_TABS)
def test_it_shows_every_tab_to_a_reader(reader, experiment, url_name):
    response = client_for(reader).get(reverse(url_name, args=[experiment.pk]))
    assert response.status_code == 200
    assert experiment.title in response.text


@pytest.mark.parametrize("url_name", [tab.url_name for tab in TABS])
def test_it_hides_every_tab_from_an_outsider(outsider, experiment, url_name):
    response = client_for(outsider).get(reverse(url_name, args=[experiment.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", [tab.url_name for tab in TABS])
def test_it_sends_anonymous_users_to_the_login_page(experiment, url_name):
    response = client_for(None).get(reverse(url_name, args=[experiment.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_lets_only_owners_manage_members(owner, editor, experiment):
    url = reverse("experiments:members", args=[experiment.pk])
    assert client_for(editor).get(url).status_code == 403
    response = client_for(owner).get(url)
    assert response.status_code == 200
    assert "Ajouter un membre" in response.text
