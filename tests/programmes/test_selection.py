"""The selection of the territories: the organisers' expectations as a checklist, the statuses
a territory may move to, and the moves refused until the checklist allows them."""

import datetime

import pytest

from essaim.programmes import selection
from essaim.programmes.models import (
    SelectionError,
    TerritoryContact,
    TerritoryStatus,
    TerritoryStatusChange,
)
from essaim.programmes.selection import Progress
from essaim.programmes.services.territories import annotated, move_territory, progress_of
from tests.programmes.conftest import START, add_contacts, add_territory, attach_letter

NOTHING = Progress(False, False, 0, 3)
EVERYTHING = Progress(True, True, 3, 3)


def test_the_checklist_says_what_is_met_and_how_many_participants_are_missing():
    items = selection.checklist(Progress(True, False, 2, 3))
    assert [item.done for item in items] == [True, False, False]
    assert items[2].label.startswith("3 personnes pour les ateliers")
    assert items[2].detail == "2 sur 3"


def test_a_territory_moves_forward_back_one_step_or_withdraws():
    allowed = selection.allowed_statuses(TerritoryStatus.COMMITTED)
    assert allowed == [
        TerritoryStatus.INTERESTED,
        TerritoryStatus.REFERENT,
        TerritoryStatus.PARTICIPANTS,
        TerritoryStatus.CONFIRMED,
        TerritoryStatus.WITHDRAWN,
    ]
    assert selection.allowed_statuses(TerritoryStatus.WITHDRAWN) == [
        TerritoryStatus.CONTACTED,
        TerritoryStatus.INTERESTED,
    ]
    assert TerritoryStatus.CONTACTED not in selection.allowed_statuses(TerritoryStatus.CONTACTED)


@pytest.mark.parametrize(
    ("status", "progress", "missing"),
    [
        (TerritoryStatus.INTERESTED, NOTHING, ""),
        (TerritoryStatus.COMMITTED, NOTHING, "confirmation écrite"),
        (TerritoryStatus.REFERENT, Progress(True, False, 0, 3), "un référent"),
        (TerritoryStatus.CONFIRMED, Progress(True, True, 2, 3), "3 personnes"),
        (TerritoryStatus.CONFIRMED, EVERYTHING, ""),
    ],
)
def test_a_status_waits_for_what_the_organisers_expect(status, progress, missing):
    why_not = selection.refusal(TerritoryStatus.CONTACTED, status, progress)
    if missing:
        assert missing in why_not
        assert why_not.startswith(f"Pour passer à « {status.label} », il manque")
    else:
        assert why_not == ""


def test_withdrawing_needs_a_reason():
    assert selection.refusal("interesse", "retire", NOTHING) == (
        "Dites pourquoi le territoire se retire."
    )
    assert selection.refusal("interesse", "retire", NOTHING, reason="Fusion d'EPCI") == ""


@pytest.mark.django_db
def test_commitment_counts_only_with_its_date_and_its_letter_attached(programme, owner):
    territory = add_territory(programme, "Pays de Caux vert", commitment_on=START)
    assert progress_of(annotated(territory)).commitment_received is False
    with pytest.raises(SelectionError, match="confirmation écrite"):
        move_territory(
            territory=territory, status="engagement", on=datetime.date(2015, 1, 5), actor=owner
        )
    attach_letter(territory, owner)
    move_territory(
        territory=territory, status="engagement", on=datetime.date(2015, 1, 5), actor=owner
    )
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.COMMITTED
    assert territory.status_since == datetime.date(2015, 1, 5)
    assert list(TerritoryStatusChange.objects.values_list("status", flat=True)) == ["engagement"]
    assert programme.history().first().summary == (
        "Territoire « Pays de Caux vert » : contacté → engagement écrit reçu"
    )


@pytest.mark.django_db
def test_a_territory_is_confirmed_in_one_move_once_everything_is_there(programme, owner):
    territory = add_territory(programme, "Val de Sèvre", commitment_on=START)
    attach_letter(territory)
    add_contacts(territory, participants=2)
    with pytest.raises(SelectionError, match="2 sur 3"):
        move_territory(territory=territory, status="confirme", on=START, actor=owner)
    TerritoryContact.objects.create(
        territory=territory, kind="participant", name="Troisième", role="societe_civile"
    )
    move_territory(territory=territory, status="confirme", on=START, actor=owner)
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.CONFIRMED


@pytest.mark.django_db
def test_a_move_made_meanwhile_by_someone_else_is_not_overridden(programme, owner):
    territory = add_territory(programme, "Haut-Bocage", TerritoryStatus.INTERESTED)
    with pytest.raises(SelectionError, match="Le statut a changé pendant que vous l'éditiez"):
        move_territory(
            territory=territory, status="contacte", on=START, actor=owner, loaded="contacte"
        )


@pytest.mark.django_db
def test_a_move_cannot_be_dated_before_the_current_status(programme, owner):
    territory = add_territory(programme, "Haut-Bocage")
    with pytest.raises(SelectionError, match="choisissez une date qui suit"):
        move_territory(
            territory=territory,
            status="interesse",
            on=START - datetime.timedelta(days=1),
            actor=owner,
        )


@pytest.mark.django_db
def test_a_withdrawn_territory_keeps_its_reason(programme, owner):
    territory = add_territory(programme, "Haut-Bocage", TerritoryStatus.INTERESTED)
    move_territory(
        territory=territory,
        status="retire",
        on=datetime.date(2015, 1, 20),
        note="La fusion des intercommunalités prend toute l'équipe.",
        actor=owner,
    )
    territory.refresh_from_db()
    assert territory.status == TerritoryStatus.WITHDRAWN
    assert territory.withdrawn_reason.startswith("La fusion")
