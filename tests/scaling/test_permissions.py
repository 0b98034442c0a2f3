"""Who sees what in the scaling pillar, page by page: the model's team by its roles, the
replica's team its replica only, anyone else the published kits alone (404 for the rest),
anonymous visitors the public pages (the login page for the rest)."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.publication import PublicationStatus
from essaim.roles.models import Role
from essaim.scaling.models import ReadinessDiagnosis, Replication, TransferKit
from essaim.scaling.services.network import add_replication
from essaim.territories.models import Commune
from tests.conftest import client_for, make_user
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["owner", "editor", "contributor", "reader", "replica_team", "outsider", "anonymous"]
LOGIN = 302

# The pages of a model, by what they need: to see it, or to edit it.
VIEW = {"owner": 200, "editor": 200, "contributor": 200, "reader": 200}
EDIT = {"owner": 200, "editor": 200, "contributor": 403, "reader": 403}
OUTSIDE = {"replica_team": 404, "outsider": 404, "anonymous": LOGIN}


@pytest.fixture
def world(referential, experiment, outsider):
    TransferKit.objects.create(
        experiment=experiment, slug="cv", title="CV", publication_status=PublicationStatus.PUBLISHED
    )
    draft = TransferKit.objects.create(
        experiment=ExperimentFactory(), slug="brouillon", title="Brouillon"
    )
    diagnosis = ReadinessDiagnosis.objects.create(
        experiment=experiment, assessed_on=datetime.date(2026, 1, 1)
    )
    replica_team = make_user("equipe@diois.example.org", "Équipe du Diois")
    replica_experiment = ExperimentFactory(title="CV du Diois")
    replica_experiment.grant(replica_team, Role.OWNER)
    replication = add_replication(
        model=experiment,
        actor=None,
        on=datetime.date(2020, 1, 1),
        name="Diois",
        commune=Commune.objects.get(insee_code="26113"),
    )
    Replication.objects.filter(pk=replication.pk).update(replica_experiment=replica_experiment)
    return {
        "replica_team": replica_team,
        "diagnosis": diagnosis,
        "replication": replication,
        "draft": draft,
    }


def model_pages(experiment, world) -> list[tuple[str, dict]]:
    pk = experiment.pk
    return [
        (reverse("scaling:overview", args=[pk]), VIEW),
        (reverse("scaling:readiness", args=[pk]), VIEW),
        (reverse("scaling:diagnosis", args=[pk, world["diagnosis"].pk]), VIEW),
        (reverse("scaling:add_diagnosis", args=[pk]), EDIT),
        (reverse("scaling:edit_diagnosis", args=[pk, world["diagnosis"].pk]), EDIT),
        (reverse("scaling:strategy", args=[pk]), VIEW),
        (reverse("scaling:edit_strategy", args=[pk]), EDIT),
        (reverse("scaling:kit", args=[pk]), VIEW),
        (reverse("scaling:edit_kit", args=[pk]), EDIT),
        (reverse("scaling:network", args=[pk]), VIEW),
        (reverse("scaling:add_replication", args=[pk]), EDIT),
        (reverse("scaling:add_shared_indicator", args=[pk]), EDIT),
        (reverse("scaling:network_export", args=[pk, "csv"]), VIEW),
        (reverse("dossiers:document", args=[pk, "kit", "pdf"]), VIEW),
    ]


def client_of(persona: str, request, world):
    if persona == "anonymous":
        return client_for(None)
    if persona == "replica_team":
        return client_for(world["replica_team"])
    return client_for(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_pages_of_a_model(persona, request, experiment, world):
    client = client_of(persona, request, world)
    for url, expected in model_pages(experiment, world):
        status = {**expected, **OUTSIDE}[persona]
        assert client.get(url).status_code == status, (persona, url)


REPLICA = {
    "owner": 200,
    "editor": 200,
    "contributor": 200,
    "reader": 200,
    "replica_team": 200,
    "outsider": 404,
    "anonymous": LOGIN,
}
REPLICA_EDIT = {**EDIT, "replica_team": 403, "outsider": 404, "anonymous": LOGIN}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_of_a_replica(persona, request, world):
    client = client_of(persona, request, world)
    replication = world["replication"]
    assert (
        client.get(reverse("scaling:replication", args=[replication.pk])).status_code
        == REPLICA[persona]
    )
    edit = reverse("scaling:edit_replication", args=[replication.pk])
    assert client.get(edit).status_code == REPLICA_EDIT[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_pages(persona, request, world):
    client = client_of(persona, request, world)
    assert client.get(reverse("scaling:public_kits")).status_code == 200
    assert client.get(reverse("scaling:public_kit", args=["cv"])).status_code == 200
    # A draft has no public page, whoever asks, its own team included.
    assert client.get(reverse("scaling:public_kit", args=["brouillon"])).status_code == 404
    signed_in = 200 if persona != "anonymous" else LOGIN
    assert client.get(reverse("scaling:join", args=["cv"])).status_code == signed_in
    assert client.get(reverse("scaling:my_requests")).status_code == signed_in
    assert client.get(reverse("scaling:join", args=["brouillon"])).status_code in (404, LOGIN)
