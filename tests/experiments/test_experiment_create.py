"""Creating an experiment: its creator owns it and starts framing it."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Experiment, Stage
from essaim.roles.models import Role
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = reverse("experiments:create")


def test_it_shows_the_form(outsider):
    response = client_for(outsider).get(URL)
    assert response.status_code == 200
    assert "Créer et commencer le cadrage" in response.text


def test_it_creates_the_experiment_owned_by_its_creator_and_starts_the_framing(outsider):
    client = client_for(outsider)
    response = client.post(
        URL, {"title": "  Bricobus  ", "theme": "habitat", "summary": "Un atelier mobile."}
    )
    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "experiments:framing_step", args=[experiment.pk, "besoin"]
    )
    assert (experiment.title, experiment.theme_id, experiment.stage) == (
        "Bricobus",
        "habitat",
        Stage.IDEA,
    )
    assert experiment.created_by == outsider
    assert experiment.role_of(outsider) == Role.OWNER
    assert HistoryEntry.objects.of(experiment).get().summary == "Expérimentation « Bricobus » créée"
    page = client.get(response["Location"]).text
    assert "cadrez-la pas à pas" in page


def test_it_needs_a_title(outsider):
    response = client_for(outsider).post(URL, {"title": "   ", "theme": "habitat"})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.text
    assert not Experiment.objects.exists()


def test_it_requires_login(db):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client_for(None).post(URL, {"title": "Bricobus", "theme": "habitat"})
    assert not Experiment.objects.exists()


def test_it_refuses_other_methods(outsider):
    assert client_for(outsider).put(URL).status_code == 405
