"""``/api/v1/programmes/``: the programmes, their territories, deliverables and visits read with
the permissions of the pages and written through their forms and services; the interview notes
read by the programme's team alone, never under the real name of a pseudonymised person."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from essaim.accounts.models import ApiToken
from essaim.core.models import HistoryEntry
from essaim.lib.french import NBSP
from essaim.programmes.models import (
    ClaimStatus,
    ContactRole,
    Deliverable,
    ExpenseClaim,
    ExpenseRules,
    Interview,
    Interviewee,
    Programme,
    ProgrammeTerritory,
    Seminar,
    TerritoryStatus,
    Visit,
    VisitSlot,
)
from essaim.programmes.services.interviews import pseudonymise
from essaim.roles.models import Role
from tests.conftest import make_user
from tests.programmes import conftest as shared
from tests.programmes.conftest import VISIT_DAY, add_territory, at
from tests.territories.factories import TerritoryFactory

# The programme of tests/programmes, run by the personas: a confirmed territory, its visit
# with its agenda, a confidential interview, the territory's referent.
programme = shared.programme
confirmed = shared.confirmed
experts = shared.experts
visit = shared.visit
themes = shared.themes
interview = shared.interview
referent_user = shared.referent_user

BASE = "/api/v1/programmes/"
CRESTOIS_SIREN = "200040509"
DATE_BOUNDS = "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."
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

    def send(self, method, path, payload, headers=None):
        return getattr(self.client, method)(
            BASE + path,
            json.dumps(payload),
            content_type="application/json",
            headers={**self.headers, **(headers or {})},
        )


def messages(response) -> list[str]:
    return [error["message"] for error in response.json().get("erreurs", [])]


# Programmes ---------------------------------------------------------------------------------------


def test_it_lists_and_reads_the_programmes_of_the_team(programme, confirmed, reader, outsider):
    add_territory(programme, "Val de Sèvre")
    listed = Api(reader).get("").json()
    assert listed["count"] == 1
    assert listed["items"][0]["territory_count"] == 2
    assert listed["items"][0]["taking_part_count"] == 1
    body = Api(reader).get(str(programme.pk)).json()
    assert body["title"] == programme.title
    assert [stage["title"] for stage in body["stages"]] == ["Écoute territoriale"]
    counts = {row["status"]: row["count"] for row in body["territories_by_status"]}
    assert counts == {
        "contacte": 1,
        "interesse": 0,
        "engagement": 0,
        "referent": 0,
        "participants": 0,
        "confirme": 1,
        "retire": 0,
    }
    assert body["version"]
    assert Api(outsider).get("").json() == {"items": [], "count": 0}


def test_an_editor_changes_the_programme_through_its_form(programme, editor, reader):
    response = Api(editor).send(
        "patch", str(programme.pk), {"summary": "Neuf territoires, douze mois.", "budget": "1500"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["summary"] == "Neuf territoires, douze mois."
    assert response.json()["budget"] == "1500.00"
    entry = HistoryEntry.objects.of(programme).get(verb="updated")
    assert entry.summary.startswith("Programme modifié")
    refused = Api(reader).send("patch", str(programme.pk), {"summary": "Non."})
    assert refused.status_code == 403


def test_a_stale_version_is_a_409_and_changes_nothing(programme, owner, editor):
    version = Api(editor).get(str(programme.pk)).json()["version"]
    first = Api(owner).send("patch", str(programme.pk), {"title": "Titre du propriétaire"})
    assert first.status_code == 200
    stale = Api(editor).send(
        "patch", str(programme.pk), {"title": "Titre de l'éditrice", "version": version}
    )
    assert stale.status_code == 409
    assert "modifié par quelqu'un d'autre" in stale.json()["detail"]
    assert stale.json()["erreurs"][0]["champ"] == "title"
    again = Api(editor).send(
        "patch", str(programme.pk), {"title": "Titre de l'éditrice"}, {"If-Match": version}
    )
    assert again.status_code == 409
    assert Programme.objects.get().title == "Titre du propriétaire"
    # Someone else's change of another field is kept, not undone.
    merged = Api(editor).send("patch", str(programme.pk), {"aims": "Agir.", "version": version})
    assert merged.status_code == 200
    assert merged.json()["title"] == "Titre du propriétaire"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"start_date": "9999-01-01"}, DATE_BOUNDS),
        ({"start_date": "2015-02-30"}, "Une date au format AAAA-MM-JJ est attendue."),
        ({"end_date": "2014-01-01"}, "La fin du programme doit suivre son début."),
        ({"participants_expected": 25}, "Vingt participants par territoire au plus."),
        ({"participants_expected": -1}, "Assurez-vous que cette valeur est supérieure ou égale"),
        ({"budget": "beaucoup"}, "Un nombre décimal est attendu."),
        ({"budget": "1.505"}, "Assurez-vous qu’il n’y a pas plus de 2 chiffres après la virgule"),
        ({"title": "Deux\nlignes"}, "Ce texte doit tenir sur une ligne"),
    ],
)
def test_bad_dates_and_numbers_get_the_french_messages(programme, editor, payload, message):
    response = Api(editor).send("patch", str(programme.pk), payload)
    assert response.status_code == 422
    assert any(text.startswith(message) for text in messages(response)), response.json()
    assert Programme.objects.get().start_date == datetime.date(2014, 11, 1)


# Territories --------------------------------------------------------------------------------------


def test_the_territories_come_with_their_status_checklist_and_perimeter(
    programme, confirmed, reader
):
    confirmed.perimeter = TerritoryFactory(name="Pays des Trois Vallées", communes=["26289"])
    confirmed.save()
    add_territory(programme, "Val de Sèvre")
    listed = Api(reader).get(f"{programme.pk}/territories").json()
    assert [item["name"] for item in listed["items"]] == ["Pays des Trois Vallées", "Val de Sèvre"]
    taking_part, candidate = listed["items"]
    assert taking_part["status"] == "confirme" and taking_part["status_label"] == "confirmé"
    assert taking_part["checklist"]["done"] == 3 and taking_part["checklist"]["total"] == 3
    assert taking_part["perimeter"]["commune_count"] == 1
    assert taking_part["perimeter"]["population"] > 0
    assert candidate["perimeter"] is None
    assert candidate["checklist"]["done"] == 0
    assert candidate["checklist"]["items"][2]["detail"] == "0 sur 3"
    assert candidate["next_statuses"] == [
        "interesse",
        "engagement",
        "referent",
        "participants",
        "confirme",
        "retire",
    ]
    filtered = Api(reader).get(f"{programme.pk}/territories", {"status": "contacte"}).json()
    assert [item["name"] for item in filtered["items"]] == ["Val de Sèvre"]
    one = Api(reader).get(f"territories/{confirmed.pk}").json()
    assert one == taking_part


def test_the_referent_reads_the_territory_but_not_the_programme(
    programme, confirmed, referent_user
):
    api = Api(referent_user)
    assert api.get(f"territories/{confirmed.pk}").status_code == 200
    assert api.get(f"{programme.pk}/territories").status_code == 404
    assert api.get(str(programme.pk)).status_code == 404


def test_a_candidate_is_added_from_an_epci_as_on_the_page(referential, programme, editor):
    path = f"{programme.pk}/territories"
    response = Api(editor).send(
        "post", path, {"name": "Pays du Crestois", "field": "énergie", "epci": CRESTOIS_SIREN}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "contacte" and body["field"] == "énergie"
    assert body["perimeter"]["commune_count"] > 10
    again = Api(editor).send("post", path, {"name": "pays du crestois"})
    assert again.status_code == 422
    assert messages(again) == ["Un territoire du programme porte déjà ce nom."]
    unknown = Api(editor).send("post", path, {"name": "Ailleurs", "epci": "999999999"})
    assert unknown.status_code == 422
    assert unknown.json()["erreurs"][0]["champ"] == "epci"
    assert ProgrammeTerritory.objects.count() == 1


def test_a_refused_move_says_what_is_missing_in_french(programme, editor, contributor):
    territory = add_territory(programme, "Val de Sèvre")
    path = f"territories/{territory.pk}/status"
    refused = Api(editor).send(
        "post", path, {"status": "confirme", "on": "2015-01-10", "loaded": "contacte"}
    )
    assert refused.status_code == 422
    assert "il manque : confirmation écrite" in refused.json()["detail"]
    assert refused.json()["erreurs"][0]["champ"] == "status"
    withdrawn = Api(editor).send("post", path, {"status": "retire", "on": "2015-01-10"})
    assert withdrawn.json()["detail"] == "Dites pourquoi le territoire se retire."
    too_early = Api(editor).send("post", path, {"status": "interesse", "on": "2014-01-01"})
    assert "choisissez une date qui suit" in too_early.json()["detail"]
    out_of_bounds = Api(editor).send("post", path, {"status": "interesse", "on": "2200-01-01"})
    assert messages(out_of_bounds) == [DATE_BOUNDS]
    assert (
        Api(contributor).send("post", path, {"status": "interesse", "on": "2015-01-10"}).status_code
        == 403
    )
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.CONTACTED


def test_a_move_made_from_a_stale_status_is_a_409(programme, editor, owner):
    territory = add_territory(programme, "Val de Sèvre")
    path = f"territories/{territory.pk}/status"
    moved = Api(owner).send(
        "post", path, {"status": "interesse", "on": "2015-01-10", "loaded": "contacte"}
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["status"] == "interesse" and moved.json()["status_since"] == "2015-01-10"
    stale = Api(editor).send(
        "post", path, {"status": "retire", "on": "2015-01-12", "note": "Non.", "loaded": "contacte"}
    )
    assert stale.status_code == 409
    assert stale.json()["detail"].startswith("Le statut a changé pendant que vous l'éditiez")
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.INTERESTED


# Deliverables -------------------------------------------------------------------------------------


def test_deliverables_are_added_listed_read_and_changed(programme, editor, reader):
    stage = programme.stages.get()
    created = Api(editor).send(
        "post",
        f"{programme.pk}/deliverables",
        {"kind": "synthese", "title": "Synthèse", "stage": stage.pk, "due_date": "2015-06-30"},
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["stage"] == stage.pk and body["status"] == "prevu"
    assert body["late"] is True and body["file_count"] == 0
    assert HistoryEntry.objects.of(programme).filter(verb="created").count() == 1
    listed = Api(reader).get(f"{programme.pk}/deliverables").json()
    assert [item["title"] for item in listed["items"]] == ["Synthèse"]
    assert Api(reader).get(f"deliverables/{body['id']}").json() == body
    changed = Api(editor).send(
        "patch", f"deliverables/{body['id']}", {"status": "remis", "version": body["version"]}
    )
    assert changed.status_code == 200
    assert changed.json()["status"] == "remis" and changed.json()["late"] is False
    assert changed.json()["title"] == "Synthèse"
    delivered = Api(reader).get(f"{programme.pk}/deliverables", {"status": "remis"}).json()
    assert delivered["count"] == 1
    refused = Api(reader).send("patch", f"deliverables/{body['id']}", {"status": "valide"})
    assert refused.status_code == 403


def test_a_deliverable_is_refused_with_the_messages_of_its_form(programme, editor):
    other = Programme.objects.create(
        title="Autre", slug="autre", start_date="2015-01-01", end_date="2015-12-31"
    )
    foreign_stage = other.stages.create(
        title="Ailleurs", start_date="2015-01-01", end_date="2015-02-01"
    )
    path = f"{programme.pk}/deliverables"
    response = Api(editor).send(
        "post", path, {"kind": "synthese", "title": "Synthèse", "stage": foreign_stage.pk}
    )
    assert response.status_code == 422
    assert response.json()["erreurs"][0]["champ"] == "stage"
    late = Api(editor).send(
        "post", path, {"kind": "synthese", "title": "Synthèse", "due_date": "3000-01-01"}
    )
    assert messages(late) == [DATE_BOUNDS]
    kind = Api(editor).send("post", path, {"kind": "roman", "title": "Synthèse"})
    assert messages(kind)[0].startswith("Cette valeur ne fait pas partie des choix possibles.")
    assert not Deliverable.objects.exists()


# Visits -------------------------------------------------------------------------------------------


def test_a_visit_is_read_with_its_experts_and_agenda(programme, visit, reader):
    listed = Api(reader).get(f"{programme.pk}/visits").json()
    assert listed["count"] == 1
    item = listed["items"][0]
    assert item["territory_name"] == "Pays des Trois Vallées" and item["slot_count"] == 1
    assert [expert["name"] for expert in item["experts"]] == ["Martine Olivier", "Rémi Garnier"]
    assert item["debrief_notes"] == "Une ingénierie dispersée entre trois structures."
    body = Api(reader).get(f"visits/{visit.pk}").json()
    assert [slot["title"] for slot in body["slots"]] == ["Entretien avec le président"]
    other = add_territory(programme, "Val de Sèvre")
    assert Api(reader).get(f"{programme.pk}/visits", {"territory": other.pk}).json()["count"] == 0
    slots = Api(reader).get(f"visits/{visit.pk}/slots").json()
    assert slots == body["slots"]


def test_staff_and_the_referent_read_the_agenda_but_not_the_debrief(
    programme, visit, staff, referent_user
):
    assert Api(staff).get(f"{programme.pk}/visits").json()["items"][0]["debrief_notes"] is None
    for user in (staff, referent_user):
        body = Api(user).get(f"visits/{visit.pk}").json()
        assert body["debrief_notes"] is None
        assert body["slots"][0]["title"] == "Entretien avec le président"
    assert Api(referent_user).get(f"{programme.pk}/visits").status_code == 404


def test_a_visit_is_planned_and_changed_through_its_form(programme, confirmed, experts, editor):
    path = f"{programme.pk}/visits"
    payload = {
        "territory": confirmed.pk,
        "start_date": "2015-03-12",
        "end_date": "2015-03-14",
        "place": "Mairie",
        "experts": [expert.pk for expert in experts],
    }
    too_long = Api(editor).send("post", path, payload)
    assert too_long.status_code == 422
    assert messages(too_long) == ["Une écoute territoriale dure 2 jours au plus, sur un même lieu."]
    alone = Api(editor).send(
        "post", path, {**payload, "end_date": "2015-03-13", "experts": [experts[0].pk]}
    )
    assert "Choisissez le binôme" in " ".join(messages(alone))
    stranger = Api(editor).send("post", path, {**payload, "territory": 2**62})
    assert stranger.json()["detail"] == "Ce territoire ne fait pas partie du programme."
    created = Api(editor).send("post", path, {**payload, "end_date": "2015-03-13"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["slots"] == [] and body["territory"] == confirmed.pk
    changed = Api(editor).send(
        "patch",
        f"visits/{body['id']}",
        {"place": "Maison des services", "debrief_at": "2015-03-12T18:00:00+01:00"},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["place"] == "Maison des services"
    assert changed.json()["debrief_at"].startswith("2015-03-12T")
    outside = Api(editor).send(
        "patch", f"visits/{body['id']}", {"debrief_at": "2015-03-20T18:00:00+01:00"}
    )
    assert messages(outside) == ["La restitution à chaud a lieu pendant la visite."]
    summaries = [entry.summary for entry in HistoryEntry.objects.of(programme)]
    assert any(summary.startswith("Écoute territoriale programmée") for summary in summaries)


def test_slots_are_added_within_the_visit(programme, visit, editor, reader):
    path = f"visits/{visit.pk}/slots"
    slot = {
        "starts_at": at(VISIT_DAY, 14).isoformat(),
        "ends_at": at(VISIT_DAY, 15).isoformat(),
        "kind": "reunion",
        "title": "Conseil de développement",
    }
    created = Api(editor).send("post", path, slot)
    assert created.status_code == 201, created.content
    assert created.json()["kind"] == "reunion" and created.json()["place"] == ""
    later = at(VISIT_DAY + datetime.timedelta(days=5), 9).isoformat()
    outside = Api(editor).send("post", path, {**slot, "starts_at": later, "ends_at": later})
    assert "Le créneau doit tenir dans les jours de la visite." in messages(outside)
    far = Api(editor).send("post", path, {**slot, "starts_at": "9999-12-31T09:00:00"})
    assert DATE_BOUNDS in messages(far)
    assert Api(reader).send("post", path, slot).status_code == 403
    assert VisitSlot.objects.filter(visit=visit).count() == 2


# Interviews ---------------------------------------------------------------------------------------


def test_the_team_reads_the_notes_with_their_quotes_and_themes(
    programme, interview, themes, reader
):
    listed = Api(reader).get(f"{programme.pk}/interviews").json()
    assert listed["count"] == 1
    body = listed["items"][0]
    assert body["interviewee"] == {
        "id": interview.interviewee_id,
        "shown_name": "Jean-Marc Bellanger",
        "role": "elu",
        "pseudonymised": False,
    }
    assert body["consent_given"] is True
    assert body["notes"].startswith("Jean-Marc Bellanger porte la fusion")
    assert [theme["name"] for theme in body["themes"]] == ["Ingénierie territoriale"]
    assert body["quotes"][0]["text"] == "Sans techniciens partagés, nous ne tiendrons pas."
    assert body["quotes"][0]["themes"][0]["name"] == "Ingénierie territoriale"
    assert Api(reader).get(f"interviews/{interview.pk}").json() == body
    engineering = themes["Ingénierie territoriale"].pk
    cooperation = themes["Coopération"].pk
    path = f"{programme.pk}/interviews"
    assert Api(reader).get(path, {"theme": engineering}).json()["count"] == 1
    assert Api(reader).get(path, {"theme": cooperation}).json()["count"] == 0
    territory = interview.visit.territory_id
    assert Api(reader).get(path, {"territory": territory}).json()["count"] == 1
    other = add_territory(programme, "Val de Sèvre")
    assert Api(reader).get(path, {"territory": other.pk}).json()["count"] == 0


def test_staff_and_the_referent_do_not_read_the_notes(programme, interview, staff, referent_user):
    for user in (staff, referent_user):
        api = Api(user)
        for path in (f"{programme.pk}/interviews", f"interviews/{interview.pk}"):
            response = api.get(path)
            assert response.status_code == 404, (user, path)
            assert response.json() == {"detail": "Introuvable."}
            assert "Bellanger" not in response.text


def test_a_pseudonymised_person_never_appears_by_name(programme, interview, visit, owner, reader):
    group = Interview.objects.create(
        programme=programme,
        visit=visit,
        group_description="Conseil de développement",
        notes="Jean-Marc Bellanger n'y était pas.",
    )
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=owner)
    api = Api(reader)
    texts = [
        api.get(f"{programme.pk}/interviews").text,
        api.get(f"interviews/{interview.pk}").text,
        api.get(f"interviews/{group.pk}").text,
        api.get(f"visits/{visit.pk}").text,
        api.get(f"visits/{visit.pk}/slots").text,
        api.get(f"{programme.pk}/visits").text,
    ]
    assert all("Bellanger" not in text for text in texts)
    body = api.get(f"interviews/{interview.pk}").json()
    assert body["interviewee"]["shown_name"] == "Élu A"
    assert body["interviewee"]["pseudonymised"] is True
    assert "name" not in body["interviewee"] and "email" not in body["interviewee"]
    assert "Élu A porte la fusion" in body["notes"]


# Expenses -----------------------------------------------------------------------------------------


def claim_body(visit, expert, **changes) -> dict:
    """A meal of an expert during the visit, as a client sends it."""
    body = {
        "claimant": {"kind": "expert", "id": expert.pk},
        "event": {"kind": "visite", "id": visit.pk},
        "category": "repas",
        "spent_on": VISIT_DAY.isoformat(),
        "amount": "15.00",
        "description": "Déjeuner du premier jour",
    }
    return {**body, **changes}


def euros(text: str) -> str:
    """« 24,80 € » as the flags write it, with a no-break space."""
    return text.replace(" €", f"{NBSP}€")


def add_claim(programme, visit, expert, *, amount="15.00", **fields) -> ExpenseClaim:
    """A claim written straight to the database (what the checks say is not the point)."""
    return ExpenseClaim.objects.create(
        programme=programme,
        claimant_kind="expert",
        expert=expert,
        claimant_name=expert.name,
        event_kind="visite",
        visit=visit,
        category="repas",
        spent_on=VISIT_DAY,
        amount=Decimal(amount),
        **fields,
    )


def test_a_claim_is_entered_listed_read_and_changed(
    programme, confirmed, visit, experts, contributor, reader
):
    path = f"{programme.pk}/expenses"
    created = Api(contributor).send("post", path, claim_body(visit, experts[0]))
    assert created.status_code == 201, created.content
    body = created.json()
    claim = ExpenseClaim.objects.get()
    assert body == {
        "id": claim.pk,
        "programme": programme.pk,
        "claimant_kind": "expert",
        "claimant_id": experts[0].pk,
        "claimant_name": "Martine Olivier",
        "event": {
            "kind": "visite",
            "id": visit.pk,
            "title": "Écoute territoriale — Pays des Trois Vallées",
            "date": "2015-03-12",
        },
        "category": "repas",
        "spent_on": "2015-03-12",
        "kilometres": None,
        "amount": "15.00",
        "description": "Déjeuner du premier jour",
        "status": "soumise",
        "next_statuses": ["approuvee", "refusee"],
        "flags": ["Aucun justificatif joint."],  # receipts are attached from the page
        "override_reason": "",
        "decision_reason": "",
        "has_receipt": False,
        "territory": {"id": confirmed.pk, "name": "Pays des Trois Vallées"},
        "version": body["version"],
    }
    assert claim.created_by == contributor
    entry = HistoryEntry.objects.of(programme).get(verb="expense")
    assert entry.summary.startswith("Note de frais saisie : Martine Olivier, repas du 12/03/2015")
    assert Api(reader).get(path).json() == {"items": [body], "count": 1}
    assert Api(reader).get(f"expenses/{claim.pk}").json() == body
    changed = Api(contributor).send(
        "patch",
        f"expenses/{claim.pk}",
        {"description": "Déjeuner à Saint-Aubin", "version": body["version"]},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["description"] == "Déjeuner à Saint-Aubin"
    assert changed.json()["amount"] == "15.00"
    assert HistoryEntry.objects.of(programme).filter(verb="expense").count() == 2
    # A trip by car: its amount from the kilometres, no receipt needed.
    trip = Api(contributor).send(
        "post",
        path,
        claim_body(visit, experts[1], category="deplacement", kilometres=120, amount=None),
    )
    assert trip.status_code == 201, trip.content
    assert trip.json()["amount"] == "38.40" and trip.json()["flags"] == []
    other = add_territory(programme, "Val de Sèvre")
    for params, count in [
        ({}, 2),
        ({"status": "soumise"}, 2),
        ({"status": "approuvee"}, 0),
        ({"category": "deplacement"}, 1),
        ({"flagged": "true"}, 1),
        ({"flagged": "false"}, 1),
        ({"territory": confirmed.pk}, 2),
        ({"territory": other.pk}, 0),
        ({"territory": confirmed.pk, "category": "repas", "flagged": "true"}, 1),
    ]:
        assert Api(reader).get(path, params).json()["count"] == count, params


def test_an_over_cap_meal_is_flagged_and_approved_only_with_a_reason(
    programme, visit, experts, contributor, editor
):
    created = Api(contributor).send(
        "post", f"{programme.pk}/expenses", claim_body(visit, experts[0], amount="24.80")
    )
    assert created.status_code == 201, created.content
    cap = euros("Repas de 24,80 € : plafond de 17,50 €.")
    assert created.json()["flags"] == [cap, "Aucun justificatif joint."]
    path = f"expenses/{created.json()['id']}/decision"
    assert Api(contributor).send("post", path, {"status": "approuvee"}).status_code == 403
    refused = Api(editor).send("post", path, {"status": "approuvee", "loaded": "soumise"})
    assert refused.status_code == 422
    message = f"Cette note de frais est hors des règles ({cap} Aucun justificatif joint.) : "
    message += "donnez la raison de l'accord."
    assert refused.json() == {
        "detail": message,
        "erreurs": [{"champ": "reason", "message": message}],
    }
    reason = "Dîner de travail avec le président, plafond dépassé d'accord."
    approved = Api(editor).send(
        "post", path, {"status": "approuvee", "reason": reason, "loaded": "soumise"}
    )
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "approuvee"
    assert approved.json()["override_reason"] == reason
    assert approved.json()["next_statuses"] == ["remboursee", "refusee"]
    claim = ExpenseClaim.objects.get()
    assert claim.decided_by == editor
    # Decided: it no longer changes, and a decision taken from what it was is a 409.
    frozen = Api(editor).send("patch", f"expenses/{claim.pk}", {"amount": "17.50"})
    assert frozen.status_code == 422
    assert frozen.json()["detail"] == (
        "Cette note de frais est « approuvée » : elle ne se modifie plus."
    )
    stale = Api(editor).send(
        "post", path, {"status": "refusee", "reason": "Trop cher.", "loaded": "soumise"}
    )
    assert stale.status_code == 409
    assert stale.json()["detail"].startswith("La note de frais est passée à « approuvée »")
    assert stale.json()["erreurs"][0]["champ"] == "loaded"
    paid = Api(editor).send("post", path, {"status": "remboursee", "loaded": "approuvee"})
    assert paid.status_code == 200, paid.content
    again = Api(editor).send("post", path, {"status": "refusee", "reason": "Trop cher."})
    assert again.status_code == 422
    assert again.json()["detail"] == (
        "Une note de frais « remboursée » ne peut pas passer à « refusée »."
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID and claim.amount == Decimal("24.80")


def test_readers_do_not_enter_claims_nor_others_change_them(
    programme, visit, experts, contributor, editor, reader
):
    path = f"{programme.pk}/expenses"
    assert Api(reader).send("post", path, claim_body(visit, experts[0])).status_code == 403
    assert not ExpenseClaim.objects.exists()
    created = Api(contributor).send("post", path, claim_body(visit, experts[0])).json()
    colleague = make_user("collegue@example.org", "Camille Collègue")
    programme.grant(colleague, Role.CONTRIBUTOR)
    claim_path = f"expenses/{created['id']}"
    assert Api(colleague).send("patch", claim_path, {"amount": "12.00"}).status_code == 403
    assert Api(reader).send("patch", claim_path, {"amount": "12.00"}).status_code == 403
    by_editor = Api(editor).send("patch", claim_path, {"amount": "12.00"})
    assert by_editor.status_code == 200, by_editor.content
    assert ExpenseClaim.objects.get().amount == Decimal("12.00")


def test_a_claim_changed_from_a_stale_version_is_a_409(
    programme, visit, experts, contributor, editor
):
    created = (
        Api(contributor)
        .send("post", f"{programme.pk}/expenses", claim_body(visit, experts[0]))
        .json()
    )
    path = f"expenses/{created['id']}"
    version = created["version"]
    first = Api(editor).send("patch", path, {"amount": "16.00", "version": version})
    assert first.status_code == 200, first.content
    stale = Api(contributor).send("patch", path, {"amount": "14.00", "version": version})
    assert stale.status_code == 409
    assert "modifié par quelqu'un d'autre" in stale.json()["detail"]
    assert stale.json()["erreurs"][0]["champ"] == "amount"
    header = Api(contributor).send("patch", path, {"amount": "14.00"}, {"If-Match": version})
    assert header.status_code == 409
    # Someone else's change of another field is kept, not undone.
    merged = Api(contributor).send("patch", path, {"description": "Dîner", "version": version})
    assert merged.status_code == 200, merged.content
    assert merged.json()["amount"] == "16.00" and merged.json()["description"] == "Dîner"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "-5"}, "amount", "Le montant ne peut pas être négatif."),
        ({"amount": "beaucoup"}, "amount", "Un nombre décimal est attendu."),
        ({"spent_on": "2200-01-01"}, "spent_on", DATE_BOUNDS),
        ({"spent_on": "2015-02-30"}, "spent_on", "Une date au format AAAA-MM-JJ est attendue."),
        ({"kilometres": 10}, "kilometres", "Les kilomètres ne valent que pour un déplacement."),
        ({"category": "taxi"}, "category", "Cette valeur ne fait pas partie des choix possibles."),
        ({"claimant": {"kind": "expert", "id": 2**62}}, "claimant", "Sélectionnez un choix valide"),
        ({"event": {"kind": "atelier", "id": 1}}, "event", "Sélectionnez un choix valide"),
        ({"receipt": "ticket.pdf"}, "receipt", "Ce champ n'existe pas."),
    ],
)
def test_a_bad_claim_gets_the_french_messages(
    programme, visit, experts, contributor, changes, field, message
):
    response = Api(contributor).send(
        "post", f"{programme.pk}/expenses", claim_body(visit, experts[0], **changes)
    )
    assert response.status_code == 422, response.content
    errors = response.json()["erreurs"]
    assert any(
        error["champ"] == field and error["message"].startswith(message) for error in errors
    ), errors
    assert not ExpenseClaim.objects.exists()


def test_the_totals_and_the_rules_are_those_of_the_page(
    programme, confirmed, visit, experts, contributor, editor, reader
):
    rules = Api(reader).get(f"{programme.pk}/expense-rules").json()
    assert not ExpenseRules.objects.exists()  # reading them writes nothing
    assert (rules["mileage_rate"], rules["meal_cap"], rules["lodging_cap"]) == (
        "0.320",
        "17.50",
        "90.00",
    )
    assert len(rules["coverage"]) == 7
    assert rules["coverage"][0] == {
        "claimant": "expert",
        "event": "visite",
        "category": "deplacement",
    }
    assert rules["coverage_sentences"][0] == (
        "Expert du binôme, écoute territoriale : déplacement, repas, hébergement"
    )
    seminar = Seminar.objects.create(
        programme=programme, title="Séminaire de restitution", date=datetime.date(2015, 6, 25)
    )
    path = f"{programme.pk}/expenses"
    api = Api(contributor)
    meal = api.send("post", path, claim_body(visit, experts[0])).json()
    api.send("post", path, claim_body(visit, experts[1], amount="12.50"))
    api.send(
        "post",
        path,
        claim_body(
            visit,
            experts[0],
            event={"kind": "seminaire", "id": seminar.pk},
            category="deplacement",
            spent_on="2015-06-25",
            kilometres=100,
            amount=None,
        ),
    )
    Api(editor).send(
        "post", f"expenses/{meal['id']}/decision", {"status": "approuvee", "reason": "Vu."}
    )
    summary = Api(reader).get(f"{path}/totals").json()

    def total(label, count, submitted="0.00", granted="0.00") -> dict:
        return {
            "label": label,
            "count": count,
            "submitted": submitted,
            "granted": granted,
            "paid": "0.00",
            "refused": "0.00",
        }

    assert summary == {
        "by_territory": [
            total("Pays des Trois Vallées", 2, "12.50", "15.00"),
            total("Programme", 1, "32.00"),
        ],
        "by_stage": [
            total("Étape 2 : Écoute territoriale", 2, "12.50", "15.00"),
            total("Hors étape", 1, "32.00"),
        ],
        "by_category": [total("Déplacement", 1, "32.00"), total("Repas", 2, "12.50", "15.00")],
        "overall": total("Ensemble", 3, "44.50", "15.00"),
    }


# Everyone else ------------------------------------------------------------------------------------


def every_call(interview) -> list[tuple[str, str, dict | None]]:
    """Each endpoint once, with a body its schema accepts: what refuses it is the permission."""
    programme = interview.programme
    visit = interview.visit
    territory = visit.territory
    deliverable = programme.deliverables.create(kind="synthese", title="Synthèse")
    expert = visit.experts.order_by("pk").first()
    claim = add_claim(programme, visit, expert)
    p = programme.pk
    slot = {
        "starts_at": at(VISIT_DAY, 14).isoformat(),
        "ends_at": at(VISIT_DAY, 15).isoformat(),
        "kind": "reunion",
        "title": "Réunion",
    }
    return [
        ("get", "", None),
        ("get", f"{p}", None),
        ("patch", f"{p}", {"summary": "Pris."}),
        ("get", f"{p}/territories", None),
        ("post", f"{p}/territories", {"name": "Nouveau"}),
        ("get", f"territories/{territory.pk}", None),
        ("post", f"territories/{territory.pk}/status", {"status": "retire", "on": "2015-06-01"}),
        ("get", f"{p}/deliverables", None),
        ("post", f"{p}/deliverables", {"kind": "autre", "title": "Pris"}),
        ("get", f"deliverables/{deliverable.pk}", None),
        ("patch", f"deliverables/{deliverable.pk}", {"title": "Pris"}),
        ("get", f"{p}/visits", None),
        (
            "post",
            f"{p}/visits",
            {
                "territory": territory.pk,
                "start_date": "2015-04-01",
                "end_date": "2015-04-01",
                "place": "Ailleurs",
                "experts": [],
            },
        ),
        ("get", f"visits/{visit.pk}", None),
        ("patch", f"visits/{visit.pk}", {"place": "Ailleurs"}),
        ("get", f"visits/{visit.pk}/slots", None),
        ("post", f"visits/{visit.pk}/slots", slot),
        ("get", f"{p}/interviews", None),
        ("get", f"interviews/{interview.pk}", None),
        ("get", f"{p}/expenses", None),
        ("post", f"{p}/expenses", claim_body(visit, expert)),
        ("get", f"{p}/expenses/totals", None),
        ("get", f"{p}/expense-rules", None),
        ("get", f"expenses/{claim.pk}", None),
        ("patch", f"expenses/{claim.pk}", {"description": "Pris"}),
        ("post", f"expenses/{claim.pk}/decision", {"status": "refusee", "reason": "Non."}),
    ]


def test_every_endpoint_is_tried(interview, client):
    description = client.get("/api/v1/openapi.json").json()
    published = {
        (method, re.sub(r"\{\w+\}", "{}", path.removeprefix(BASE)))
        for path, operations in description["paths"].items()
        if path.startswith(BASE)
        for method in operations
    }
    tried = {(method, re.sub(r"\d+", "{}", path)) for method, path, _ in every_call(interview)}
    assert tried == published


def test_an_outsider_gets_a_404_from_every_endpoint_but_the_list_of_programmes(interview, outsider):
    api = Api(outsider)
    for method, path, payload in every_call(interview):
        response = api.get(path) if payload is None else api.send(method, path, payload)
        expected = 200 if path == "" else 404
        assert response.status_code == expected, (method, path, response.content)
    assert Programme.objects.get().summary == ""
    assert Visit.objects.get().place == "Maison des services, Saint-Aubin"
    assert ProgrammeTerritory.objects.count() == 1


def test_an_outsider_changes_no_claim(interview, outsider):
    api = Api(outsider)
    for method, path, payload in every_call(interview):
        if payload is not None:
            api.send(method, path, payload)
    claim = ExpenseClaim.objects.get()
    assert claim.status == ClaimStatus.SUBMITTED and claim.description == ""


def test_anonymous_calls_get_a_french_401(interview):
    api = Api()
    for method, path, payload in every_call(interview):
        response = api.get(path) if payload is None else api.send(method, path, payload)
        assert response.status_code == 401, (method, path)
        assert response.json()["detail"].startswith("Authentification requise")


def test_a_wrong_method_is_a_405(programme, visit, owner):
    api = Api(owner)
    assert api.send("delete", str(programme.pk), {}).status_code == 405
    assert api.send("put", f"visits/{visit.pk}", {}).status_code == 405
    assert api.send("patch", f"{programme.pk}/territories", {}).status_code == 405
    assert Programme.objects.exists() and Visit.objects.exists()


# Query counts -------------------------------------------------------------------------------------


def count_queries(api: Api, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(path)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


def test_the_lists_take_the_same_number_of_queries_for_few_or_many_rows(
    programme, interview, owner
):
    visit = interview.visit
    api = Api(owner)

    def add(count: int) -> None:
        for _ in range(count):
            territory = add_territory(programme, f"Territoire {ProgrammeTerritory.objects.count()}")
            territory.perimeter = TerritoryFactory()
            territory.save()
            other = Visit.objects.create(
                territory=territory, start_date=VISIT_DAY, end_date=VISIT_DAY, place="Mairie"
            )
            other.experts.set(visit.experts.all())
            programme.deliverables.create(kind="autre", title="Compte rendu")
            note = Interview.objects.create(
                programme=programme,
                visit=other,
                interviewee=Interviewee.objects.create(
                    programme=programme, territory=territory, name="X", role=ContactRole.OFFICER
                ),
                notes="…",
            )
            note.themes.set(interview.themes.all())
            note.quotes.create(text="Une citation.").themes.set(interview.themes.all())
            Programme.objects.create(
                title="Autre", slug=f"autre-{note.pk}", start_date=VISIT_DAY, end_date=VISIT_DAY
            ).grant(owner, Role.READER)

    paths = {
        "programmes": "",
        "territories": f"{programme.pk}/territories",
        "deliverables": f"{programme.pk}/deliverables",
        "visits": f"{programme.pk}/visits",
        "interviews": f"{programme.pk}/interviews",
    }
    for path in paths.values():  # the content types, looked up once per process
        api.get(path)
    add(2)
    few = {name: count_queries(api, path) for name, path in paths.items()}
    add(20)
    many = {name: count_queries(api, path) for name, path in paths.items()}
    assert {name: queries for name, (queries, _) in few.items()} == {
        name: queries for name, (queries, _) in many.items()
    }
    assert many["interviews"][1] == 23 and many["visits"][1] == 23
    # The token and its last use, the programme, the count, the page, its check, then:
    assert few == {
        "programmes": (6, 3),  # the organisers (no programme to fetch)
        "territories": (7, 3),  # the perimeters' figures
        "deliverables": (7, 2),  # the files
        "visits": (7, 3),  # the experts
        "interviews": (10, 3),  # the themes, the quotes and theirs, the people met's check
    }


def test_the_list_of_claims_takes_the_same_queries_for_few_or_many(
    programme, confirmed, visit, experts, owner
):
    seminar = Seminar.objects.create(
        programme=programme, title="Séminaire", date=datetime.date(2015, 6, 25)
    )
    contact = confirmed.contacts.first()

    def add(count: int) -> None:
        """``count`` claims, an expert's at the visit and a representative's at the seminar
        in turn."""
        for _ in range(count):
            if ExpenseClaim.objects.count() % 2 == 0:
                add_claim(programme, visit, experts[0], flags="Aucun justificatif joint.")
                continue
            ExpenseClaim.objects.create(
                programme=programme,
                claimant_kind="representant",
                contact=contact,
                claimant_name=contact.name,
                event_kind="seminaire",
                seminar=seminar,
                category="deplacement",
                spent_on=seminar.date,
                amount=Decimal("10.00"),
            )

    api = Api(owner)
    path = f"{programme.pk}/expenses"
    api.get(path)  # the content types, looked up once per process
    add(3)
    few = count_queries(api, path)
    add(17)
    many = count_queries(api, path)
    assert few[1] == 3 and many[1] == 20
    # The token and its last use, the programme, the count, the page, its check.
    assert few[0] == many[0] == 6
    filtered = f"{path}?territory={confirmed.pk}&flagged=true"
    # The same, and the claims of the programme to find those of the territory.
    assert count_queries(api, filtered) == (7, 10)
