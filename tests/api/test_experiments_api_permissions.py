"""Every endpoint under ``/api/v1/experiments/``, the same way: anonymous callers get 401,
outsiders 404, members whose role is too low 403, and the lowest role allowed succeeds."""

import datetime
from decimal import Decimal

import pytest

from essaim.evaluation.models import Indicator, Measurement
from essaim.experiments.models import Stage
from essaim.roles.models import Perm
from tests.api.test_experiments_api import Api, experiment_with_roles
from tests.experiments.factories import HypothesisFactory, StepFactory, StopGoCriterionFactory

MEASUREMENT = {"measured_on": "2024-05-31", "value": 4}

# (method, path, payload, permission needed); paths use the objects made by ``objects``.
ENDPOINTS = [
    ("get", "{e}", None, Perm.VIEW),
    ("patch", "{e}", {"need": "Autre besoin"}, Perm.EDIT),
    ("delete", "{e}", None, Perm.MANAGE),
    ("post", "{e}/stage", {"stage": "evaluation"}, Perm.EDIT),
    ("get", "{e}/decisions", None, Perm.VIEW),
    (
        "post",
        "{e}/decisions",
        {"kind": "poursuivre", "decided_on": "2025-01-20", "rationale": "Ça marche."},
        Perm.EDIT,
    ),
    ("get", "{e}/hypotheses", None, Perm.VIEW),
    ("post", "{e}/hypotheses", {"statement": "Si…, alors…"}, Perm.EDIT),
    ("get", "{e}/hypotheses/{h}", None, Perm.VIEW),
    ("patch", "{e}/hypotheses/{h}", {"rationale": "Une enquête"}, Perm.EDIT),
    ("delete", "{e}/hypotheses/{h}", None, Perm.EDIT),
    ("get", "{e}/steps", None, Perm.VIEW),
    (
        "post",
        "{e}/steps",
        {"title": "Lancement", "start_date": "2024-02-01", "end_date": "2024-02-29"},
        Perm.EDIT,
    ),
    ("get", "{e}/steps/{s}", None, Perm.VIEW),
    ("patch", "{e}/steps/{s}", {"status": "terminee"}, Perm.EDIT),
    ("delete", "{e}/steps/{s}", None, Perm.EDIT),
    ("get", "{e}/indicators", None, Perm.VIEW),
    ("post", "{e}/indicators", {"name": "Usagers", "unit": "personnes"}, Perm.EDIT),
    ("get", "{e}/indicators/{i}", None, Perm.VIEW),
    ("patch", "{e}/indicators/{i}", {"unit": "trajets"}, Perm.EDIT),
    ("delete", "{e}/indicators/{i}", None, Perm.EDIT),
    ("get", "{e}/indicators/{i}/measurements", None, Perm.VIEW),
    ("post", "{e}/indicators/{i}/measurements", MEASUREMENT, Perm.CONTRIBUTE),
    ("delete", "{e}/indicators/{i}/measurements/{m}", None, Perm.EDIT),
]  # fmt: skip

# The lowest role allowed, and the role just below it.
ALLOWED = {
    Perm.VIEW: ("reader", None),
    Perm.CONTRIBUTE: ("contributor", "reader"),
    Perm.EDIT: ("editor", "contributor"),
    Perm.MANAGE: ("owner", "editor"),
}


@pytest.fixture
def objects(owner, editor, contributor, reader):
    experiment = experiment_with_roles(owner, editor, contributor, reader, stage=Stage.RUNNING)
    StopGoCriterionFactory(experiment=experiment)
    indicator = Indicator.objects.create(experiment=experiment, name="Trajets par mois")
    return {
        "e": experiment.pk,
        "h": HypothesisFactory(experiment=experiment).pk,
        "s": StepFactory(experiment=experiment).pk,
        "i": indicator.pk,
        "m": Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2024, 4, 30), value=Decimal(3)
        ).pk,
    }


def call(api: Api, method: str, path: str, payload):
    if method == "get":
        return api.get(path)
    if method == "delete":
        return api.delete(path)
    return api.send(method, path, payload)


@pytest.mark.parametrize(
    ("method", "path", "payload", "perm"),
    ENDPOINTS,
    ids=[f"{method} {path}" for method, path, _, _ in ENDPOINTS],
)
def test_it_answers_each_caller_as_the_pages_do(
    method, path, payload, perm, objects, request, outsider
):
    path = path.format(**objects)
    anonymous = call(Api(), method, path, payload)
    assert anonymous.status_code == 401
    outside = call(Api(outsider), method, path, payload)
    assert outside.status_code == 404
    assert outside.json() == {"detail": "Introuvable."}
    allowed, below = ALLOWED[perm]
    if below is not None:
        refused = call(Api(request.getfixturevalue(below)), method, path, payload)
        assert refused.status_code == 403
        assert refused.json() == {"detail": "Votre rôle ne vous permet pas cette action."}
    success = call(Api(request.getfixturevalue(allowed)), method, path, payload)
    assert success.status_code in (200, 201, 204), success.content
