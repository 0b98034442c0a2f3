"""Experiments classified by the vocabulary: the list filter, the forms, the pages and the API
speak slugs and show labels; an inactive theme stays on the experiments that hold it."""

import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from essaim.accounts.models import ApiToken
from essaim.core.models import HistoryEntry
from essaim.experiments.models import Experiment
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.themes.factories import ThemeFactory, theme

pytestmark = pytest.mark.django_db

API = "/api/v1/experiments/"


@pytest.fixture
def retired(owner) -> Experiment:
    """An experiment whose theme is no longer offered."""
    old = ThemeFactory(slug="ruralite", label="ruralité", is_active=False)
    experiment = ExperimentFactory(title="Bistrot de pays", theme=old, framed=True)
    experiment.grant(owner, Role.OWNER)
    return experiment


def api_call(user, method: str, path: str = "", payload=None):
    _, key = ApiToken.issue(user=user, name="Tableur")
    headers = {"Authorization": f"Bearer {key}"}
    if method == "get":
        return Client().get(API + path, payload or {}, headers=headers)
    return getattr(Client(), method)(
        API + path, json.dumps(payload or {}), content_type="application/json", headers=headers
    )


# Pages -------------------------------------------------------------------------------------------


def test_the_list_filters_by_the_slug_of_a_theme(owner):
    for title, slug in [("Bricobus", "habitat"), ("Rezo Pouce", "mobilite")]:
        ExperimentFactory(title=title, theme=theme(slug)).grant(owner, Role.READER)
    client = client_for(owner)

    page = client.get(reverse("experiments:list"), {"theme": "habitat"}).text
    assert "Bricobus" in page
    assert "Rezo Pouce" not in page
    assert '<option value="habitat" selected>habitat et cadre de vie</option>' in page
    everything = client.get(reverse("experiments:list")).text
    assert "Bricobus" in everything and "Rezo Pouce" in everything
    assert '<option value="" selected>Tous les thèmes</option>' in everything


def test_an_inactive_theme_is_shown_on_its_experiments_but_not_offered(owner, retired):
    client = client_for(owner)
    listing = client.get(reverse("experiments:list")).text
    assert '<td data-label="Thème">Ruralité</td>' in listing
    assert 'value="ruralite"' not in listing
    detail = client.get(reverse("experiments:detail", args=[retired.pk])).text
    assert "<dt>Thème</dt><dd>Ruralité</dd>" in detail
    canvas = client.get(reverse("experiments:canvas", args=[retired.pk])).text
    assert "Ruralité" in canvas

    creation = client.get(reverse("experiments:create")).text
    assert 'value="ruralite"' not in creation
    assert '<option value="mobilite">mobilité</option>' in creation
    refused = client.post(reverse("experiments:create"), {"title": "X", "theme": "ruralite"})
    assert refused.status_code == 200
    assert not Experiment.objects.filter(title="X").exists()


def test_the_framing_keeps_an_inactive_theme_and_offers_only_active_ones_otherwise(owner, retired):
    client = client_for(owner)
    url = reverse("experiments:framing_step", args=[retired.pk, "besoin"])
    page = client.get(url).text
    assert '<option value="ruralite" selected>ruralité</option>' in page
    data = {
        "title": retired.title,
        "theme": "ruralite",
        "summary": "",
        "carrier": "",
        "need": retired.need,
        "need_origins": [],
        "need_origin_detail": "",
        "purposes": retired.purposes,
        "ensuite": "continuer",
    }
    assert client.post(url, data).status_code == 302
    retired.refresh_from_db()
    assert retired.theme_id == "ruralite"
    assert client.post(url, {**data, "theme": "eau"}).status_code == 302
    retired.refresh_from_db()
    assert retired.theme.label == "eau et biodiversité"

    other = ExperimentFactory(title="Autre", framed=True)
    other.grant(owner, Role.OWNER)
    page = client.get(reverse("experiments:framing_step", args=[other.pk, "besoin"])).text
    assert 'value="ruralite"' not in page
    assert '<option value="mobilite" selected>mobilité</option>' in page


def test_the_dossier_shows_the_label_of_the_theme(owner, retired):
    response = client_for(owner).get(reverse("dossiers:docx", args=[retired.pk]))
    assert response.status_code == 200
    rows = [
        [cell.text for cell in row.cells]
        for table in Document(io.BytesIO(response.content)).tables
        for row in table.rows
    ]
    assert ["Thème", "Ruralité"] in rows


# API ---------------------------------------------------------------------------------------------


def test_the_api_gives_and_takes_slugs(owner, retired):
    listed = api_call(owner, "get").json()["items"]
    assert [item["theme"] for item in listed] == ["ruralite"]
    assert api_call(owner, "get", "", {"theme": "ruralite"}).json()["count"] == 1
    assert api_call(owner, "get", "", {"theme": "eau"}).json()["count"] == 0

    created = api_call(owner, "post", "", {"title": "Bricobus", "theme": "habitat"})
    assert created.status_code == 201
    assert created.json()["theme"] == "habitat"
    assert Experiment.objects.get(title="Bricobus").theme.label == "habitat et cadre de vie"
    other = api_call(owner, "post", "", {"title": "Sans thème"})
    assert other.json()["theme"] == "autre"

    kept = api_call(owner, "patch", f"{retired.pk}", {"theme": "ruralite", "summary": "Un café."})
    assert kept.status_code == 200
    assert kept.json()["theme"] == "ruralite"
    changed = api_call(owner, "patch", f"{retired.pk}", {"theme": "culture"})
    assert changed.json()["theme"] == "culture"
    entry = HistoryEntry.objects.of(retired).order_by("-pk").first()
    assert entry.changes == {"Thème": {"avant": "ruralité", "après": "culture et patrimoine"}}
    assert entry.summary == "Cadrage, « Besoin et finalités » : thème"


def test_the_api_refuses_an_unknown_or_inactive_theme_in_french(owner, retired):
    for method, path, payload in [
        ("post", "", {"title": "X", "theme": "astronomie"}),
        ("post", "", {"title": "X", "theme": "ruralite"}),
        ("patch", f"{retired.pk}", {"theme": "astronomie"}),
    ]:
        response = api_call(owner, method, path, payload)
        assert response.status_code == 422
        error = response.json()["erreurs"][0]
        assert error["champ"] == "theme"
        assert error["message"].startswith(f"Thème inconnu : « {payload['theme']} ». ")
        assert "Valeurs possibles : mobilite, services" in error["message"]
    assert not Experiment.objects.filter(title="X").exists()

    listed = api_call(owner, "get", "", {"theme": "astronomie"})
    assert listed.status_code == 422
    assert listed.json()["detail"].startswith("Thème inconnu : « astronomie ». Valeurs possibles")
    assert "ruralite" in listed.json()["detail"]


def test_the_openapi_schema_documents_the_theme(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert components["ExperimentOut"]["properties"]["theme"]["type"] == "string"
    described = components["ExperimentIn"]["properties"]["theme"]
    assert described["default"] == "autre"
    assert "valeurs possibles" in described["description"]
    parameters = schema["paths"][API]["get"]["parameters"]
    theme = next(parameter for parameter in parameters if parameter["name"] == "theme")
    assert "identifiant d'un thème" in theme["description"]
