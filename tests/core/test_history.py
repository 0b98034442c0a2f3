"""The history, written one way: ``log_action`` on every tracked object, one format for what
changed (the label of each field, its value before and after as people read them), the same
entry whether the change came from a page or from the API, and one history page."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse

from essaim.core.history import Tracked, changes_between, describe_changes
from essaim.core.models import HistoryEntry
from essaim.experiments.models import Experiment, Stage
from essaim.memberships.models import MembershipType
from essaim.roles.models import Role
from essaim.trainings.models import Cycle, TrainingSession
from tests.api.test_experiments_api import Api
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Experiment, Cycle, TrainingSession, MembershipType])
def test_the_shared_objects_keep_a_history(model):
    assert issubclass(model, Tracked)


def test_log_action_writes_an_entry_read_back_by_history(owner):
    experiment = ExperimentFactory()
    experiment.log_action(
        owner, "updated", "Résumé modifié", {"Résumé": {"avant": "a", "après": "b"}}
    )
    entry = experiment.history().get()
    assert (entry.actor, entry.verb, entry.summary) == (owner, "updated", "Résumé modifié")
    assert entry.changes == {"Résumé": {"avant": "a", "après": "b"}}


class PlaceForm(forms.Form):
    capacity = forms.IntegerField(label="Nombre de places", required=False)
    day = forms.DateField(label="Jour")
    online = forms.BooleanField(label="À distance", required=False)


def test_a_form_and_a_dict_of_values_describe_a_change_the_same_way():
    before = {"capacity": 10, "day": datetime.date(2026, 3, 5), "online": False}
    form = PlaceForm({"capacity": "", "day": "2026-03-06", "online": "on"}, initial=before)
    assert form.is_valid()
    expected = {
        "Nombre de places": {"avant": "10", "après": "—"},
        "Jour": {"avant": "5 mars 2026", "après": "6 mars 2026"},
        "À distance": {"avant": "non", "après": "oui"},
    }
    assert describe_changes(form) == expected
    after = {"capacity": None, "day": datetime.date(2026, 3, 6), "online": True}
    assert changes_between(before, after, PlaceForm.base_fields) == expected
    assert changes_between(before, before, PlaceForm.base_fields) == {}


def test_the_same_framing_change_reads_the_same_from_the_page_and_from_the_api(editor):
    from_page, from_api = (ExperimentFactory(framed=True) for _ in range(2))
    for experiment in (from_page, from_api):
        experiment.grant(editor, Role.EDITOR)
    url = reverse("experiments:framing_step", args=[from_page.pk, "calendrier"])
    response = client_for(editor).post(url, {"start_date": "2024-01-15", "end_date": "2025-06-30"})
    assert response.status_code == 302
    assert Api(editor).patch(str(from_api.pk), {"end_date": "2025-06-30"}).status_code == 200

    page_entry = HistoryEntry.objects.of(from_page).filter(verb="updated").get()
    api_entry = HistoryEntry.objects.of(from_api).filter(verb="updated").get()
    assert (
        page_entry.summary == api_entry.summary == "Cadrage, « Calendrier et budget » : date de fin"
    )
    assert (
        page_entry.changes
        == api_entry.changes
        == {"Date de fin": {"avant": "14 janvier 2025", "après": "30 juin 2025"}}
    )


def test_the_history_page_shows_stages_and_the_detail_of_each_change(editor):
    experiment = ExperimentFactory(framed=True)
    experiment.grant(editor, Role.EDITOR)
    experiment.log_action(
        editor, "stage", "Étape : Idée → Cadrage", {"stage": {"avant": "idee", "après": "cadrage"}}
    )
    experiment.log_action(
        editor,
        "updated",
        "Cadrage, « Calendrier » : date de fin",
        {"Date de fin": {"avant": "14 janvier 2025", "après": "30 juin 2025"}},
    )
    page = client_for(editor).get(reverse("experiments:history", args=[experiment.pk])).text
    assert f'badge--{Stage.IDEA.value}">{Stage.IDEA.label}</span>' in page
    assert "Cadrage, « Calendrier » : date de fin" in page
    assert '<td data-label="Après">30 juin 2025</td>' in page
    assert page.count("Voir le détail") == 1  # a change of stage has no table


def test_the_session_history_page_uses_the_same_partial(training_session, editor):
    training_session.log_action(
        editor,
        "updated",
        "Session modifiée : nombre de places",
        {"Nombre de places": {"avant": "10", "après": "15"}},
    )
    training_session.log_action(editor, "sent", "Message envoyé", {"to": ["a@example.org"]})
    url = reverse("trainings:history", args=[training_session.pk])
    page = client_for(editor).get(url).text
    assert '<td data-label="Avant">10</td><td data-label="Après">15</td>' in page
    assert "Message envoyé" in page
    assert page.count("Voir le détail") == 1


class AmountForm(forms.Form):
    amount = forms.DecimalField(label="Montant (€)", required=False)
    value = forms.DecimalField(label="Valeur cible", required=False)


def test_numbers_and_amounts_read_the_french_way():
    before = {"amount": Decimal("12000"), "value": Decimal("1200.500")}
    after = {"amount": Decimal("12500.50"), "value": Decimal("1234.567")}
    assert changes_between(before, after, AmountForm.base_fields) == {
        "Montant (€)": {"avant": "12\u00a0000\u00a0€", "après": "12\u00a0500,50\u00a0€"},
        "Valeur cible": {"avant": "1\u00a0200,5", "après": "1\u00a0234,567"},
    }
