"""``/api/v1/experiments/``: list, create, read, change the framing, change the stage, record
decisions, delete. ``Api`` and ``experiment_with_roles`` serve the other API test files too."""

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from essaim.accounts.models import ApiToken
from essaim.core.models import HistoryEntry
from essaim.experiments.models import Decision, Experiment, LegalBasis, Stage
from essaim.roles.models import Role
from tests.experiments.factories import (
    ExperimentFactory,
    HypothesisFactory,
    StopGoCriterionFactory,
)
from tests.organisations.factories import OrganisationFactory
from tests.territories.factories import TerritoryFactory
from tests.themes.factories import theme

BASE = "/api/v1/experiments/"


class Api:
    """Calls ``/api/v1/experiments/…`` with the personal token of ``user`` (anonymous if None)."""

    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            _, key = ApiToken.issue(user=user, name="Tableur")
            self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path="", params=None):
        return self.client.get(BASE + path, params or {}, headers=self.headers)

    def send(self, method, path="", payload=None):
        return getattr(self.client, method)(
            BASE + path,
            json.dumps(payload if payload is not None else {}),
            content_type="application/json",
            headers=self.headers,
        )

    def post(self, path="", payload=None):
        return self.send("post", path, payload)

    def patch(self, path="", payload=None):
        return self.send("patch", path, payload)

    def delete(self, path=""):
        return self.client.delete(BASE + path, headers=self.headers)


def experiment_with_roles(owner, editor, contributor, reader, **fields) -> Experiment:
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse", framed=True, **fields)
    for user, role in (
        (owner, Role.OWNER),
        (editor, Role.EDITOR),
        (contributor, Role.CONTRIBUTOR),
        (reader, Role.READER),
    ):
        experiment.grant(user, role)
    return experiment


def last_history(experiment) -> HistoryEntry:
    return HistoryEntry.objects.of(experiment).first()


@pytest.fixture
def experiment(owner, editor, contributor, reader):
    return experiment_with_roles(owner, editor, contributor, reader)


# List ---------------------------------------------------------------------------------------------


def test_it_lists_only_the_experiments_the_user_may_see(experiment, reader, outsider):
    territory = TerritoryFactory(name="Chartreuse")
    experiment.territories.add(territory)
    ExperimentFactory(title="Une autre, privée")
    body = Api(reader).get().json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item | {"created_at": None, "updated_at": None} == {
        "id": experiment.pk,
        "title": "Autostop organisé en Chartreuse",
        "summary": "",
        "theme": "mobilite",
        "stage": "cadrage",
        "role": "reader",
        "territories": [{"id": territory.pk, "name": "Chartreuse"}],
        "start_date": "2024-01-15",
        "end_date": "2025-01-14",
        "url": f"/experimentations/{experiment.pk}/",
        "created_at": None,
        "updated_at": None,
    }
    assert Api(outsider).get().json() == {"items": [], "count": 0}


def test_it_filters_by_stage_theme_and_territory(experiment, reader):
    territory = TerritoryFactory()
    experiment.territories.add(territory)
    other = ExperimentFactory(title="Bricobus", theme=theme("habitat"), stage=Stage.RUNNING)
    other.grant(reader, Role.READER)
    api = Api(reader)

    def titles(**params):
        return [item["title"] for item in api.get("", params).json()["items"]]

    assert titles() == ["Autostop organisé en Chartreuse", "Bricobus"]
    assert titles(stage="en_cours") == ["Bricobus"]
    assert titles(theme="mobilite") == ["Autostop organisé en Chartreuse"]
    assert titles(territory=territory.pk) == ["Autostop organisé en Chartreuse"]
    assert titles(stage="cadrage", theme="habitat") == []
    response = api.get("", {"stage": "envolee"})
    assert response.status_code == 422
    assert "ne fait pas partie des choix possibles" in response.json()["erreurs"][0]["message"]


def test_it_paginates(reader):
    for index in range(5):
        ExperimentFactory(title=f"Expérimentation {index}").grant(reader, Role.READER)
    body = Api(reader).get("", {"limit": 2, "offset": 2}).json()
    assert body["count"] == 5
    assert [item["title"] for item in body["items"]] == ["Expérimentation 2", "Expérimentation 3"]


def test_the_list_takes_the_same_number_of_queries_for_3_or_30_experiments(reader):
    api = Api(reader)
    territory = TerritoryFactory()

    def make(count):
        for _ in range(count):
            experiment = ExperimentFactory()
            experiment.grant(reader, Role.READER)
            experiment.territories.add(territory)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = api.get()
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    make(3)
    few = count_queries()
    make(27)
    many = count_queries()
    # The token and its last use, the count, the page, the territories of the page.
    assert (few, many) == ((5, 3), (5, 30))


def test_the_list_needs_authentication(db):
    response = Api().get()
    assert response.status_code == 401
    assert "Authentification requise" in response.json()["detail"]


# Create -------------------------------------------------------------------------------------------


def test_it_creates_an_experiment_owned_by_its_creator(outsider):
    territory = TerritoryFactory(name="Vallée de la Drôme")
    response = Api(outsider).post(
        "",
        {
            "title": "  Bricobus  ",
            "theme": "habitat",
            "summary": "Un atelier mobile de réparation.",
            "need": "Des logements à rénover loin des artisans.",
            "territories": [territory.pk],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["title"], body["theme"], body["stage"], body["role"]) == (
        "Bricobus",
        "habitat",
        "idee",
        "owner",
    )
    assert body["territories"] == [{"id": territory.pk, "name": "Vallée de la Drôme"}]
    experiment = Experiment.objects.get(pk=body["id"])
    assert experiment.role_of(outsider) == Role.OWNER
    assert experiment.need == "Des logements à rénover loin des artisans."
    summaries = list(HistoryEntry.objects.of(experiment).values_list("summary", flat=True))
    assert "Expérimentation « Bricobus » créée" in summaries
    assert any(
        summary.startswith("Cadrage, « Besoin et finalités » : besoin") for summary in summaries
    )


def test_creation_refuses_bad_input_in_french(outsider):
    api = Api(outsider)
    missing = api.post("", {"theme": "habitat"})
    assert missing.status_code == 422
    assert missing.json()["erreurs"] == [{"champ": "title", "message": "Ce champ est obligatoire."}]
    blank = api.post("", {"title": "   "})
    assert blank.status_code == 422
    assert blank.json()["detail"] == "Le titre ne peut pas être vide."
    theme = api.post("", {"title": "X", "theme": "astronomie"})
    assert theme.json()["erreurs"][0]["champ"] == "theme"
    assert "Valeurs possibles" in theme.json()["erreurs"][0]["message"]
    unknown = api.post("", {"title": "X", "titre": "Y"})
    assert unknown.json()["erreurs"] == [{"champ": "titre", "message": "Ce champ n'existe pas."}]
    private = TerritoryFactory(shared=False)
    refused = api.post("", {"title": "X", "territories": [private.pk]})
    assert refused.status_code == 422
    assert refused.json()["detail"] == f"Territoire inconnu ou inaccessible : {private.pk}."
    assert not Experiment.objects.exists()


def test_creating_needs_authentication(db):
    assert Api().post("", {"title": "X"}).status_code == 401
    assert not Experiment.objects.exists()


# Read ---------------------------------------------------------------------------------------------


def test_it_reads_the_framing_with_its_completeness(experiment, reader):
    territory = TerritoryFactory(name="Chartreuse")
    experiment.territories.add(territory)
    HypothesisFactory(experiment=experiment)
    body = Api(reader).get(str(experiment.pk)).json()
    assert body["territories"] == [{"id": territory.pk, "name": "Chartreuse"}]
    assert body["need"] == "Les habitants sans voiture ne peuvent pas rejoindre la gare."
    assert (body["purpose_type"], body["legal_basis"], body["carrier"]) == (None, "aucune", None)
    assert body["duration_months"] == 12
    assert body["completeness"] == experiment.framing_completeness()
    answered = {item["key"] for item in body["framing"] if item["answered"]}
    assert {"need", "purposes", "hypotheses", "territories", "calendar", "legal"} <= answered
    assert "budget" not in answered
    assert body["allowed_stages"] == ["idee", "en_cours", "arretee"]
    assert body["role"] == "reader"


def test_reading_is_refused_to_outsiders_and_anonymous_callers(experiment, outsider):
    response = Api(outsider).get(str(experiment.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Introuvable."}
    assert Api().get(str(experiment.pk)).status_code == 401
    assert Api(outsider).get("999999").status_code == 404


def test_the_browser_session_works_too(experiment, reader):
    client = Client()
    client.force_login(reader)
    assert client.get(f"{BASE}{experiment.pk}").json()["title"] == experiment.title


# Update -------------------------------------------------------------------------------------------


def test_an_editor_changes_the_framing_and_it_is_kept_in_the_history(experiment, editor):
    response = Api(editor).patch(
        str(experiment.pk),
        {
            "need": "  Rejoindre la gare sans voiture.  ",
            "need_origins": ["transition_ecologique", "besoin_non_satisfait"],
            "purpose_type": "tester_solution",
            "end_date": "2025-06-30",
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["need"] == "Rejoindre la gare sans voiture."
    assert body["need_origins"] == ["transition_ecologique", "besoin_non_satisfait"]
    assert (body["purpose_type"], body["end_date"]) == ("tester_solution", "2025-06-30")
    assert body["title"] == "Autostop organisé en Chartreuse"
    entry = last_history(experiment)
    assert entry.actor == editor
    assert entry.verb == "updated"
    assert entry.summary == (
        "Cadrage, « Besoin et finalités » : besoin ou problème, origine du besoin ; "
        "« Type d'expérimentation » : type par finalité ; « Calendrier et budget » : date de fin"
    )
    assert entry.changes["Date de fin"] == {"avant": "14 janvier 2025", "après": "30 juin 2025"}


def test_null_clears_a_type_or_a_date_but_not_a_text(experiment, editor):
    api = Api(editor)
    api.patch(str(experiment.pk), {"nature": "experimentation"})
    response = api.patch(str(experiment.pk), {"nature": None, "end_date": None})
    assert (response.json()["nature"], response.json()["end_date"]) == (None, None)
    experiment.refresh_from_db()
    assert (experiment.nature, experiment.end_date) == ("", None)
    refused = api.patch(str(experiment.pk), {"need": None})
    assert refused.status_code == 422
    assert refused.json()["erreurs"] == [
        {"champ": "need", "message": "Une chaîne de caractères est attendue."}
    ]


def test_a_derogation_needs_its_legal_reference(experiment, editor):
    api = Api(editor)
    response = api.patch(str(experiment.pk), {"legal_basis": "derogation_locale"})
    assert response.status_code == 422
    message = (
        "Indiquez la référence du texte ou de la délibération qui permet d'écarter la règle "
        "(base juridique : dérogation d'une collectivité (Constitution, art. 72 al. 4))."
    )
    assert response.json() == {
        "detail": message,
        "erreurs": [{"champ": "legal_reference", "message": message}],
    }
    experiment.refresh_from_db()
    assert experiment.legal_basis == LegalBasis.NONE
    accepted = api.patch(
        str(experiment.pk),
        {"legal_basis": "derogation_locale", "legal_reference": "Délibération n° 2024-12"},
    )
    assert accepted.status_code == 200
    assert api.patch(str(experiment.pk), {"legal_reference": " "}).status_code == 422
    assert api.patch(str(experiment.pk), {"legal_basis": "loi"}).status_code == 422


def test_the_end_cannot_come_before_the_start(experiment, editor):
    response = Api(editor).patch(str(experiment.pk), {"end_date": "2023-12-31"})
    assert response.status_code == 422
    assert response.json()["detail"] == "La date de fin doit être postérieure à la date de début."
    bad_date = Api(editor).patch(str(experiment.pk), {"start_date": "15/01/2024"})
    assert bad_date.json()["erreurs"] == [
        {"champ": "start_date", "message": "Une date au format AAAA-MM-JJ est attendue."}
    ]


def test_the_perimeter_and_the_carrier_are_checked(experiment, editor):
    territory = TerritoryFactory(name="Chartreuse")
    carrier = OrganisationFactory(name="Parc naturel régional de Chartreuse")
    api = Api(editor)
    body = api.patch(
        str(experiment.pk), {"territories": [territory.pk, territory.pk], "carrier": carrier.pk}
    ).json()
    assert body["territories"] == [{"id": territory.pk, "name": "Chartreuse"}]
    assert body["carrier"] == {"id": carrier.pk, "name": "Parc naturel régional de Chartreuse"}
    assert last_history(experiment).changes["Sur quels territoires ?"] == {
        "avant": "—",
        "après": "Chartreuse",
    }
    response = api.patch(str(experiment.pk), {"carrier": 999999})
    assert response.status_code == 422
    assert response.json()["detail"] == "Organisation inconnue : 999999."
    assert api.patch(str(experiment.pk), {"territories": []}).json()["territories"] == []


def test_nothing_changed_writes_no_history(experiment, editor):
    before = HistoryEntry.objects.of(experiment).count()
    response = Api(editor).patch(str(experiment.pk), {"title": experiment.title})
    assert response.status_code == 200
    assert HistoryEntry.objects.of(experiment).count() == before


def test_readers_and_contributors_cannot_change_the_framing(
    experiment, reader, contributor, outsider
):
    for user in (reader, contributor):
        response = Api(user).patch(str(experiment.pk), {"need": "Autre chose"})
        assert response.status_code == 403
        assert response.json() == {"detail": "Votre rôle ne vous permet pas cette action."}
    assert Api(outsider).patch(str(experiment.pk), {"need": "Autre chose"}).status_code == 404
    assert Api().patch(str(experiment.pk), {"need": "Autre chose"}).status_code == 401
    experiment.refresh_from_db()
    assert experiment.need.startswith("Les habitants")


# Stage --------------------------------------------------------------------------------------------


def test_starting_needs_a_complete_framing_then_moves_and_is_logged(experiment, editor):
    api = Api(editor)
    refused = api.post(f"{experiment.pk}/stage", {"stage": "en_cours"})
    assert refused.status_code == 422
    assert refused.json() == {
        "detail": "Le cadrage doit être complété avant de démarrer : au moins une hypothèse "
        "testable, au moins un critère d'arrêt ou de poursuite."
    }
    HypothesisFactory(experiment=experiment)
    StopGoCriterionFactory(experiment=experiment)
    response = api.post(f"{experiment.pk}/stage", {"stage": "en_cours", "reason": "Lancement"})
    assert response.status_code == 200
    assert response.json()["stage"] == "en_cours"
    assert response.json()["allowed_stages"] == ["evaluation", "decision", "arretee"]
    entry = last_history(experiment)
    assert (entry.verb, entry.summary, entry.actor) == (
        "stage",
        "Étape : cadrage → en cours (Lancement)",
        editor,
    )


def test_illegal_transitions_are_refused(experiment, editor):
    response = Api(editor).post(f"{experiment.pk}/stage", {"stage": "perennisation"})
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "Une expérimentation à l'étape « cadrage » ne peut pas passer à l'étape « pérennisation »."
    )
    unknown = Api(editor).post(f"{experiment.pk}/stage", {"stage": "envolee"})
    assert unknown.status_code == 422
    assert unknown.json()["erreurs"][0]["champ"] == "stage"
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


def test_stopping_needs_a_reason_kept_in_the_history(experiment, editor):
    api = Api(editor)
    refused = api.post(f"{experiment.pk}/stage", {"stage": "arretee"})
    assert refused.status_code == 422
    assert refused.json()["detail"] == (
        "Indiquez la raison de l'arrêt : elle reste dans l'historique et sur l'expérimentation."
    )
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING
    response = api.post(
        f"{experiment.pk}/stage", {"stage": "arretee", "reason": "Aucun partenaire trouvé"}
    )
    assert response.status_code == 200
    assert response.json()["stage"] == "arretee"
    entry = last_history(experiment)
    assert entry.summary == "Étape : cadrage → arrêtée (Aucun partenaire trouvé)"
    assert entry.changes["raison"] == "Aucun partenaire trouvé"


def test_only_editors_change_the_stage(experiment, contributor, outsider):
    assert Api(contributor).post(f"{experiment.pk}/stage", {"stage": "idee"}).status_code == 403
    assert Api(outsider).post(f"{experiment.pk}/stage", {"stage": "idee"}).status_code == 404
    assert Api().post(f"{experiment.pk}/stage", {"stage": "idee"}).status_code == 401
    experiment.refresh_from_db()
    assert experiment.stage == Stage.FRAMING


# Decisions ----------------------------------------------------------------------------------------


def test_a_decision_is_recorded_against_the_criteria_and_moves_the_stage(
    experiment, editor, reader
):
    experiment.stage = Stage.RUNNING
    experiment.save()
    criterion = StopGoCriterionFactory(experiment=experiment)
    response = Api(editor).post(
        f"{experiment.pk}/decisions",
        {
            "kind": "perenniser",
            "decided_on": "2025-01-20",
            "rationale": "Les trajets dépassent le seuil depuis six mois.",
            "at_gate": False,
            "assessments": [{"criterion": criterion.pk, "assessment": "atteint"}],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["stage_before"], body["stage_after"]) == (
        "perenniser",
        "en_cours",
        "perennisation",
    )
    assert body["recorded_by"] == "Élise Éditrice"
    assert body["assessments"] == [
        {
            "criterion": criterion.pk,
            "criterion_label": "Trajets mensuels (au moins 150 trajets par mois)",
            "assessment": "atteint",
            "comment": "",
        }
    ]
    experiment.refresh_from_db()
    assert experiment.stage == Stage.PERENNISATION
    verbs = list(HistoryEntry.objects.of(experiment).values_list("verb", flat=True)[:2])
    assert verbs == ["stage", "decision"]
    listed = Api(reader).get(f"{experiment.pk}/decisions").json()
    assert [decision["id"] for decision in listed] == [body["id"]]


def test_a_decision_is_refused_in_french_when_it_cannot_be_taken(experiment, editor):
    api = Api(editor)
    payload = {"kind": "poursuivre", "decided_on": "2025-01-20", "rationale": "Ça marche."}
    too_early = api.post(f"{experiment.pk}/decisions", payload)
    assert too_early.status_code == 422
    assert too_early.json()["detail"].startswith(
        "Aucune décision ne peut être enregistrée à l'étape « cadrage »"
    )
    experiment.stage = Stage.RUNNING
    experiment.save()
    no_reason = api.post(f"{experiment.pk}/decisions", payload | {"rationale": "  "})
    assert no_reason.json() == {"detail": "Indiquez les raisons de la décision."}
    other_criterion = StopGoCriterionFactory()
    unknown = api.post(
        f"{experiment.pk}/decisions",
        payload | {"assessments": [{"criterion": other_criterion.pk, "assessment": "atteint"}]},
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"] == (
        f"Critère inconnu pour cette expérimentation : {other_criterion.pk}."
    )
    bad_kind = api.post(f"{experiment.pk}/decisions", payload | {"kind": "abandonner"})
    assert bad_kind.json()["erreurs"][0]["champ"] == "kind"
    assert not Decision.objects.exists()


def test_only_editors_record_decisions(experiment, contributor, reader, outsider):
    experiment.stage = Stage.RUNNING
    experiment.save()
    payload = {"kind": "poursuivre", "decided_on": "2025-01-20", "rationale": "Ça marche."}
    for user in (contributor, reader):
        assert Api(user).post(f"{experiment.pk}/decisions", payload).status_code == 403
    assert Api(outsider).post(f"{experiment.pk}/decisions", payload).status_code == 404
    assert Api(outsider).get(f"{experiment.pk}/decisions").status_code == 404
    assert Api().post(f"{experiment.pk}/decisions", payload).status_code == 401
    assert not Decision.objects.exists()


# Delete -------------------------------------------------------------------------------------------


def test_only_owners_delete_an_experiment(experiment, owner, editor, outsider):
    assert Api(editor).delete(str(experiment.pk)).status_code == 403
    assert Api(outsider).delete(str(experiment.pk)).status_code == 404
    assert Api().delete(str(experiment.pk)).status_code == 401
    assert Experiment.objects.filter(pk=experiment.pk).exists()
    response = Api(owner).delete(str(experiment.pk))
    assert response.status_code == 204
    assert not Experiment.objects.filter(pk=experiment.pk).exists()


# Description --------------------------------------------------------------------------------------


def test_the_openapi_description_lists_the_experiment_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        "/api/v1/experiments/": {"get", "post"},
        "/api/v1/experiments/{experiment_id}": {"get", "patch", "delete"},
        "/api/v1/experiments/{experiment_id}/stage": {"post"},
        "/api/v1/experiments/{experiment_id}/decisions": {"get", "post"},
        "/api/v1/experiments/{experiment_id}/hypotheses": {"get", "post"},
        "/api/v1/experiments/{experiment_id}/hypotheses/{hypothesis_id}": {
            "get",
            "patch",
            "delete",
        },
        "/api/v1/experiments/{experiment_id}/steps": {"get", "post"},
        "/api/v1/experiments/{experiment_id}/steps/{step_id}": {"get", "patch", "delete"},
        "/api/v1/experiments/{experiment_id}/indicators": {"get", "post"},
        "/api/v1/experiments/{experiment_id}/indicators/{indicator_id}": {
            "get",
            "patch",
            "delete",
        },
        "/api/v1/experiments/{experiment_id}/indicators/{indicator_id}/measurements": {
            "get",
            "post",
        },
        "/api/v1/experiments/{experiment_id}/indicators/{indicator_id}/measurements/"
        "{measurement_id}": {"delete"},
    }
    for path, methods in expected.items():
        assert set(paths[path]) == methods, path
    assert {"201", "422"} <= set(paths["/api/v1/experiments/"]["post"]["responses"])
    assert "422" in paths["/api/v1/experiments/{experiment_id}/stage"]["post"]["responses"]


def test_dates_in_the_framing_are_iso(experiment, editor):
    experiment.start_date = datetime.date(2024, 3, 1)
    experiment.save()
    assert Api(editor).get(str(experiment.pk)).json()["start_date"] == "2024-03-01"
