"""The history tab: every change with who and when, filtered by kind, stage changes shown
from the stage before to the stage after."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import DecisionKind, Stage
from essaim.roles.models import Role
from essaim.roles.services import add_member, change_role, remove_member
from tests.conftest import client_for
from tests.experiments.factories import (
    FundingFactory,
    HypothesisFactory,
    StopGoCriterionFactory,
)

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:history", args=[experiment.pk])


@pytest.fixture
def changes(experiment, editor):
    """One edit, two stage changes, one decision (which changes the stage too)."""
    HypothesisFactory(experiment=experiment)
    StopGoCriterionFactory(experiment=experiment)
    experiment.log_action(editor, "updated", "Hypothèse « Si l'arrêt est signalé… » ajoutée")
    experiment.move_to(Stage.RUNNING, actor=editor, reason="comité du 12 mars")
    experiment.move_to(Stage.DECISION, actor=editor)
    experiment.record_decision(
        kind=DecisionKind.STOP,
        decided_on=datetime.date(2024, 12, 1),
        rationale="Trop peu de trajets.",
        actor=editor,
    )


def summaries(response) -> list[str]:
    return [entry.summary for entry in response.context["entries"]]


def test_it_shows_every_change_newest_first_with_its_author(reader, editor, experiment, changes):
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    assert summaries(response) == [
        "Étape : décision → arrêtée (décision : arrêter)",
        "Décision : arrêter",
        "Étape : en cours → décision",
        "Étape : cadrage → en cours (comité du 12 mars)",
        "Hypothèse « Si l'arrêt est signalé… » ajoutée",
    ]
    assert f"par {editor}" in response.text


def test_it_shows_stage_changes_from_before_to_after(reader, experiment, changes):
    text = client_for(reader).get(url(experiment)).text
    assert (
        '<span class="badge badge--stage badge--cadrage">cadrage</span> '
        '<span aria-hidden="true">→</span><span class="visually-hidden">vers</span> '
        '<span class="badge badge--stage badge--en_cours">en cours</span> '
        '<span class="history__detail">(comité du 12 mars)</span>' in text
    )
    assert '<span class="history__detail">(décision : arrêter)</span>' in text


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "etape",
            [
                "Étape : décision → arrêtée (décision : arrêter)",
                "Étape : en cours → décision",
                "Étape : cadrage → en cours (comité du 12 mars)",
            ],
        ),
        ("decision", ["Décision : arrêter"]),
        ("autre", ["Hypothèse « Si l'arrêt est signalé… » ajoutée"]),
    ],
)
def test_it_filters_by_kind_of_change(reader, experiment, changes, kind, expected):
    response = client_for(reader).get(url(experiment), {"kind": kind})
    assert summaries(response) == expected
    assert "Tout afficher" in response.text


def test_it_ignores_an_unknown_kind(reader, experiment, changes):
    response = client_for(reader).get(url(experiment), {"kind": "tout"})
    assert len(summaries(response)) == 5


def test_it_says_when_no_change_is_of_that_kind(reader, experiment):
    response = client_for(reader).get(url(experiment), {"kind": "decision"})
    assert "Aucun changement de ce type." in response.text


def test_it_says_when_nothing_changed_yet(reader, experiment):
    response = client_for(reader).get(url(experiment))
    assert "Aucun changement enregistré pour l&#x27;instant." not in response.text
    assert "Aucun changement enregistré pour l'instant." in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_it_reads_the_history_in_a_constant_number_of_queries(
    django_assert_num_queries, reader, editor, experiment, count
):
    for index in range(count):
        experiment.log_action(editor, "updated", f"Changement {index}")
        experiment.log_action(
            editor,
            "stage",
            "Étape : idée → cadrage",
            {"stage": {"avant": "idee", "après": "cadrage"}},
        )
    client = client_for(reader)
    # session, user, experiment with the reader's role, count of entries, entries with their
    # authors (the content type of experiments is cached)
    with django_assert_num_queries(5):
        assert client.get(url(experiment)).status_code == 200


def test_it_answers_405_to_post(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405


def test_membership_changes_are_kept_in_the_history(owner, editor, reader, outsider, experiment):
    add_member(obj=experiment, email=outsider.email, role=Role.CONTRIBUTOR, by=owner)
    change_role(obj=experiment, user=editor, role=Role.READER, by=owner)
    change_role(obj=experiment, user=editor, role=Role.READER, by=owner)  # no change, no entry
    remove_member(obj=experiment, user=reader, by=owner)
    entries = HistoryEntry.objects.of(experiment).filter(verb="member").order_by("pk")
    assert [entry.summary for entry in entries] == [
        f"{outsider} ajouté comme contributeur",
        f"{editor} : éditeur → lecteur",
        f"{reader} retiré des membres",
    ]
    assert {entry.actor for entry in entries} == {owner}


def test_it_writes_amounts_the_french_way(editor, reader, experiment):
    funding = FundingFactory(experiment=experiment, amount=Decimal("12000"))
    edit = reverse("experiments:edit_funding", args=[experiment.pk, funding.pk])
    client = client_for(editor)
    form = client.get(edit).context["form"]
    data = {
        **{name: form[name].value() or "" for name in form.fields if name != "secured"},
        "amount": "12 500,50",
    }
    assert client.post(edit, data).status_code == 302
    entry = HistoryEntry.objects.of(experiment).get()
    assert entry.changes == {
        "Montant (€)": {"avant": "12\u00a0000\u00a0€", "après": "12\u00a0500,50\u00a0€"}
    }
    text = client_for(reader).get(url(experiment)).text
    assert '<td data-label="Après">12\u00a0500,50\u00a0€</td>' in text
    assert "12500" not in text
