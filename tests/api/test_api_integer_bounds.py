"""Numbers too large for a database column, in any query string or path of the API: a French
422 or a 404, never a crash of the database. Every endpoint of the published description is
walked, so that a new endpoint is checked as soon as it exists."""

import re
from decimal import Decimal

import pytest

from essaim.api_errors import LARGEST_DATABASE_INTEGER
from essaim.evaluation.models import Indicator, Measurement
from tests.api.test_experiments_api import experiment_with_roles
from tests.conftest import client_for

TOO_LARGE = str(LARGEST_DATABASE_INTEGER + 1)
HUGE = "9" * 30


def api_description(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def integer_parameters(operation: dict, where: str) -> list[dict]:
    found = []
    for parameter in operation.get("parameters", []):
        schema = parameter["schema"]
        kinds = [schema, *schema.get("anyOf", [])]
        if parameter["in"] == where and any(kind.get("type") == "integer" for kind in kinds):
            found.append(parameter)
    return found


def bound_of(parameter: dict) -> int | None:
    schema = parameter["schema"]
    for kind in [schema, *schema.get("anyOf", [])]:
        if "maximum" in kind:
            return kind["maximum"]
    return None


@pytest.fixture
def objects(owner, editor, contributor, reader) -> dict[str, int]:
    """Real objects, so that a path can lead to an existing experiment with a huge child id."""
    experiment = experiment_with_roles(owner, editor, contributor, reader)
    indicator = Indicator.objects.create(experiment=experiment, name="Trajets", unit="trajets")
    Measurement.objects.create(indicator=indicator, measured_on="2024-01-01", value=Decimal(1))
    return {"experiment_id": experiment.pk, "indicator_id": indicator.pk}


def get_operations(description: dict, method: str = "get") -> list[tuple[str, dict]]:
    return [
        (path, operations[method])
        for path, operations in description["paths"].items()
        if method in operations
    ]


def test_every_integer_query_parameter_is_bounded(client, db):
    description = api_description(client)
    checked = 0
    for path, operation in get_operations(description):
        for parameter in integer_parameters(operation, "query"):
            assert bound_of(parameter) is not None, (path, parameter["name"])
            assert bound_of(parameter) <= LARGEST_DATABASE_INTEGER, (path, parameter["name"])
            checked += 1
    assert checked >= 7  # limit and offset of three lists, the territory filter, two searches


@pytest.mark.parametrize("value", [TOO_LARGE, HUGE])
def test_a_huge_integer_in_a_query_string_is_a_french_422(owner, objects, value):
    client = client_for(owner)
    description = api_description(client)
    tried = []
    for path, operation in get_operations(description):
        url = re.sub(r"\{(\w+)\}", lambda match: str(objects.get(match.group(1), 1)), path)
        for parameter in integer_parameters(operation, "query"):
            response = client.get(url, {parameter["name"]: value})
            tried.append((url, parameter["name"]))
            assert response.status_code == 422, (url, parameter["name"], response.content)
            errors = response.json()["erreurs"]
            assert errors[0]["champ"] == parameter["name"]
            assert errors[0]["message"].startswith(("Ce nombre est trop grand", "La valeur doit"))
    names = {name for _, name in tried}
    assert {"limit", "offset", "territory"} <= names
    assert ("/api/v1/experiments/", "territory") in tried


def test_the_message_says_the_number_is_too_large(owner):
    response = client_for(owner).get("/api/v1/experiments/", {"offset": TOO_LARGE})
    assert response.json() == {
        "detail": "Données invalides.",
        "erreurs": [{"champ": "offset", "message": "Ce nombre est trop grand."}],
    }


def test_the_largest_database_integer_is_still_accepted(owner):
    client = client_for(owner)
    largest = str(LARGEST_DATABASE_INTEGER)
    assert client.get("/api/v1/experiments/", {"territory": largest}).json() == {
        "items": [],
        "count": 0,
    }
    assert client.get("/api/v1/territories/", {"offset": largest}).status_code == 200


@pytest.mark.parametrize("value", [TOO_LARGE, HUGE])
@pytest.mark.parametrize("method", ["get", "delete"])
def test_a_huge_id_in_a_path_is_a_404(owner, objects, value, method):
    client = client_for(owner)
    description = api_description(client)
    tried = 0
    for path, _ in get_operations(description, method):
        names = re.findall(r"\{(\w+)\}", path)
        # Each id in turn is the huge one, the ids before it lead to real objects.
        for position in range(len(names)):
            url = path
            for index, name in enumerate(names):
                url = url.replace(
                    "{" + name + "}", str(objects[name]) if index < position else value
                )
            response = getattr(client, method)(url)
            assert response.status_code == 404, (url, response.content)
            assert response.json() == {"detail": "Introuvable."}
            tried += 1
    assert tried >= 5


def test_a_huge_integer_in_a_body_is_a_french_422(owner, objects):
    client = client_for(owner)
    experiment_id = objects["experiment_id"]
    too_large = "Un nombre envoyé est trop grand."
    for url, body, answers in [
        # PostgreSQL looks the territory up and finds none; SQLite cannot hold the number.
        (
            "/api/v1/experiments/",
            {"title": "Navette", "territories": [int(HUGE)]},
            {too_large, f"Territoire inconnu ou inaccessible : {HUGE}."},
        ),
        (
            f"/api/v1/experiments/{experiment_id}/hypotheses",
            {"statement": "Si", "position": 2**63},
            {too_large},
        ),
    ]:
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 422, (url, response.content)
        assert response.json()["detail"] in answers
