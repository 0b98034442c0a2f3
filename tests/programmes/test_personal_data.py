"""What a programme holds about a person, found by their address, exported, and erased: a
person met loses their name everywhere, their quotes and their notes; a contact is deleted."""

from decimal import Decimal

import pytest
from django.utils import timezone

from essaim.core.personal_data import HOLDERS, holders
from essaim.programmes.models import Interviewee, Quote, TerritoryContact

pytestmark = pytest.mark.django_db
EMAIL = "jm.bellanger@example.org"


@pytest.fixture
def holder():
    holders()
    return HOLDERS["programmes"]


def test_a_person_met_is_found_and_exported_with_their_words(interview, holder):
    records = holder.find(EMAIL.upper())
    assert records == [interview.interviewee]
    exported = holder.export(records[0])
    assert exported["nom"] == "Jean-Marc Bellanger"
    assert exported["territoire"] == "Pays des Trois Vallées"
    assert exported["entretiens"][0]["citations"] == [
        "Sans techniciens partagés, nous ne tiendrons pas."
    ]


def test_erasing_a_person_met_takes_their_name_words_and_notes_everywhere(interview, holder):
    visit = interview.visit
    visit.debrief_notes = "Jean-Marc Bellanger a ouvert la restitution."
    visit.save()
    done = holder.erase(EMAIL, timezone.now())
    assert done == ["1 personne rencontrée effacée"]
    person = Interviewee.objects.get()
    assert (person.name, person.email, person.shown_name) == (
        "Personne effacée 1",
        "",
        "Personne effacée 1",
    )
    interview.refresh_from_db()
    visit.refresh_from_db()
    assert interview.notes == "Notes effacées à la demande de la personne rencontrée."
    assert not Quote.objects.exists()
    assert "Bellanger" not in visit.debrief_notes
    assert "Bellanger" not in visit.slots.get().who
    assert holder.find(EMAIL) == []


def test_a_referent_s_contact_is_deleted(confirmed, holder):
    assert holder.erase("referente@trois-vallees.example.org", timezone.now()) == [
        "1 contact de territoire supprimé"
    ]
    assert not TerritoryContact.objects.filter(kind="referent").exists()


def test_an_expert_s_expense_claims_are_kept_without_their_name(visit, experts, holder):
    from tests.programmes.test_expenses import make_claim

    claim = make_claim(visit.territory.programme, who=experts[0], event=visit)
    assert claim in holder.find("MARTINE.OLIVIER@example.org")
    assert holder.export(claim)["montant"] == "15.00"
    done = holder.erase("martine.olivier@example.org", timezone.now())
    assert "1 note de frais gardée sans nom" in done
    claim.refresh_from_db()
    assert (claim.claimant_name, claim.amount) == ("Personne effacée", Decimal("15.00"))
