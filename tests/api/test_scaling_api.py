"""``/api/v1/scaling/``: the strategy, the kit and the replicas of an experiment, read by its
members, written by its editors through the forms of the pages, refused in French."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from essaim.accounts.models import ApiToken
from essaim.core.models import HistoryEntry
from essaim.core.publication import PublicationStatus
from essaim.experiments.models import Stage
from essaim.roles.models import Role
from essaim.scaling.models import KitItem, Replication, ReplicationStatus, TransferKit
from tests.experiments.factories import ExperimentFactory

BASE = "/api/v1/scaling/"
TODAY = timezone.localdate().isoformat()
pytestmark = pytest.mark.django_db


class Api:
    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            _, key = ApiToken.issue(user=user, name="Tableur")
            self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path, params=None):
        return self.client.get(BASE + path, params or {}, headers=self.headers)

    def send(self, method, path, payload):
        return getattr(self.client, method)(
            BASE + path, json.dumps(payload), content_type="application/json", headers=self.headers
        )


@pytest.fixture
def experiment(owner, editor, reader):
    experiment = ExperimentFactory(title="Centrales villageoises", framed=True, stage=Stage.SCALING)
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    experiment.grant(reader, Role.READER)
    return experiment


def test_an_editor_defines_the_strategy_and_a_reader_reads_it(experiment, editor, reader):
    path = f"experiments/{experiment.pk}/strategy"
    assert Api(reader).get(path).status_code == 404
    response = Api(editor).send(
        "patch",
        path,
        {
            "situation": "essaimer",
            "scale_types": ["out", "up"],
            "strategy": "reseau_souple",
            "grant_share_now": 60,
            "grant_share_target": 20,
            "target_year": 2029,
        },
    )
    assert response.status_code == 200, response.content
    body = Api(reader).get(path).json()
    assert body["situation"] == "essaimer" and body["scale_types"] == ["out", "up"]
    assert body["grant_share_target"] == 20 and body["steps"] == []
    assert HistoryEntry.objects.of(experiment).filter(verb="strategy").count() == 1
    # Someone else changed the situation meanwhile: the stale version gets a 409.
    Api(editor).send("patch", path, {"situation": "etendre_territoire"})
    stale = Api(editor).send(
        "patch", path, {"situation": "elargir_public", "version": body["version"]}
    )
    assert stale.status_code == 409
    assert Api(reader).send("patch", path, {"situation": "essaimer"}).status_code == 403


def test_a_share_above_a_hundred_is_refused_in_french(experiment, editor):
    response = Api(editor).send(
        "patch", f"experiments/{experiment.pk}/strategy", {"grant_share_now": 140}
    )
    assert response.status_code == 422
    assert "100" in response.json()["erreurs"][0]["message"], response.json()


def test_kits_the_reader_sees_are_listed_with_their_parts(experiment, reader, outsider):
    kit = TransferKit.objects.create(
        experiment=experiment, slug="cv", title="Centrales villageoises"
    )
    KitItem.objects.create(kit=kit, kind="socle", title="La charte")
    other = TransferKit.objects.create(
        experiment=ExperimentFactory(),
        slug="rezo",
        title="Rezo Pouce",
        publication_status=PublicationStatus.PUBLISHED,
    )
    hidden = TransferKit.objects.create(
        experiment=ExperimentFactory(), slug="brouillon", title="Brouillon"
    )
    titles = [item["title"] for item in Api(reader).get("kits").json()["items"]]
    assert titles == ["Centrales villageoises", "Rezo Pouce"]
    assert [item["title"] for item in Api(outsider).get("kits").json()["items"]] == ["Rezo Pouce"]
    body = Api(reader).get(f"experiments/{experiment.pk}/kit").json()
    assert body["items"] == [
        {"kind": "socle", "title": "La charte", "description": "", "guidance": ""}
    ]
    assert body["public_url"] is None
    listed = Api(outsider).get("kits").json()["items"][0]
    assert "experiment" not in listed and "version" not in listed and "id" not in listed
    assert Api(outsider).get(f"experiments/{experiment.pk}/kit").status_code == 404
    assert hidden.title not in str(Api(outsider).get("kits").json()) and other.slug == "rezo"


def test_an_editor_changes_the_kit_through_its_form(experiment, editor):
    TransferKit.objects.create(experiment=experiment, slug="cv", title="Centrales villageoises")
    path = f"experiments/{experiment.pk}/kit"
    refused = Api(editor).send("patch", path, {"charter_kind": "label"})
    assert refused.status_code == 422
    assert "Donnez le nom de la charte" in refused.json()["detail"]
    changed = Api(editor).send(
        "patch",
        path,
        {"charter_kind": "charte", "charter_name": "Charte CV", "fee_amount": "150.00"},
    )
    assert changed.status_code == 200
    assert changed.json()["fee_amount"] == "150.00"


def test_replicas_are_added_moved_and_listed(referential, experiment, editor, reader, outsider):
    path = f"experiments/{experiment.pk}/replications"
    created = Api(editor).send(
        "post", path, {"name": "Centrale villageoise du Diois", "commune": "26113"}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "contact" and body["departement"] == "26"
    bad = Api(editor).send("post", path, {"name": "Fantôme", "commune": "99999"})
    assert bad.status_code == 422
    moved = Api(editor).send(
        "post",
        f"replications/{body['id']}/status",
        {"status": "convention", "on": TODAY, "loaded": "contact"},
    )
    assert moved.status_code == 200 and moved.json()["agreement_signed_on"] == TODAY
    refused = Api(editor).send(
        "post", f"replications/{body['id']}/status", {"status": "contact", "on": TODAY}
    )
    assert refused.status_code == 422
    assert "ne peut pas passer" in refused.json()["detail"]
    listed = Api(reader).get(path, {"status": "convention"}).json()
    assert listed["count"] == 1 and listed["items"][0]["name"] == "Centrale villageoise du Diois"
    assert Api(outsider).get(path).status_code == 404
    assert Api(outsider).get(f"replications/{body['id']}").status_code == 404
    patched = Api(editor).send(
        "patch", f"replications/{body['id']}", {"lessons": "La SCIC rassure les élus."}
    )
    assert patched.status_code == 200, patched.json()
    assert patched.json()["lessons"] == "La SCIC rassure les élus."
    assert patched.json()["commune"] == "26113"
    assert Replication.objects.get().status == ReplicationStatus.AGREEMENT
    assert (
        Api(reader)
        .send("post", f"replications/{body['id']}/status", {"status": "lancee", "on": TODAY})
        .status_code
        == 403
    )
