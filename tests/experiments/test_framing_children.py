"""Hypotheses, fundings, partners and stop/go criteria, added and changed from their step of the
guided framing form, which they lead back to."""

from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Funding, Hypothesis, Partner, PartnerRole, StopGoCriterion
from essaim.organisations.models import Organisation
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory, FundingFactory, HypothesisFactory

pytestmark = pytest.mark.django_db


def back(experiment, step: str, anchor: str) -> str:
    return reverse("experiments:framing_step", args=[experiment.pk, step]) + f"#{anchor}"


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(name="PNR de Chartreuse", kind="pnr")


def test_it_adds_a_hypothesis_and_goes_back_to_its_step(editor, experiment):
    url = reverse("experiments:add_hypothesis", args=[experiment.pk])
    client = client_for(editor)
    assert "« Si…, alors… »" in client.get(url).text
    response = client.post(
        url, {"statement": "Si les arrêts sont signalés, alors les trajets augmentent."}
    )
    assert response.status_code == 302
    assert response["Location"] == back(experiment, "hypotheses", "hypotheses")
    assert experiment.hypotheses.get().statement.startswith("Si les arrêts")
    entry = HistoryEntry.objects.of(experiment).first()
    assert entry.summary.startswith("Hypothèse « Si les arrêts sont signalés")
    page = client.get(reverse("experiments:framing_step", args=[experiment.pk, "hypotheses"]))
    assert "Si les arrêts sont signalés, alors les trajets augmentent." in page.text


def test_it_changes_and_deletes_a_hypothesis(editor, experiment):
    hypothesis = HypothesisFactory(experiment=experiment)
    client = client_for(editor)
    edit = reverse("experiments:edit_hypothesis", args=[experiment.pk, hypothesis.pk])
    response = client.post(edit, {"statement": "Si…, alors plus de trajets.", "rationale": ""})
    assert response["Location"] == back(experiment, "hypotheses", "hypotheses")
    hypothesis.refresh_from_db()
    assert hypothesis.statement == "Si…, alors plus de trajets."
    delete = reverse("experiments:delete_hypothesis", args=[experiment.pk, hypothesis.pk])
    assert client.post(delete)["Location"] == back(experiment, "hypotheses", "hypotheses")
    assert not Hypothesis.objects.exists()


def test_it_adds_a_funding_by_name_or_from_the_directory(editor, experiment, organisation):
    url = reverse("experiments:add_funding", args=[experiment.pk])
    client = client_for(editor)
    response = client.post(
        url, {"funder_name": "Région", "kind": "subvention_publique", "amount": "12 000,50"}
    )
    assert response["Location"] == back(experiment, "calendrier", "budget")
    response = client.post(
        url,
        {"funder": organisation.pk, "kind": "fonds_propres", "amount": "3000", "secured": "on"},
    )
    assert response.status_code == 302
    fundings = {funding.funder_label: funding for funding in experiment.fundings.all()}
    assert fundings["Région"].amount == Decimal("12000.50")
    assert fundings["PNR de Chartreuse"].secured


def test_a_funding_needs_a_funder(editor, experiment):
    response = client_for(editor).post(
        reverse("experiments:add_funding", args=[experiment.pk]),
        {"kind": "subvention_publique", "amount": "100"},
    )
    assert response.status_code == 200
    assert "Choisissez le financeur dans l&#x27;annuaire ou écrivez son nom." in response.text
    assert not Funding.objects.exists()


def test_a_funding_is_not_negative(editor, experiment):
    response = client_for(editor).post(
        reverse("experiments:add_funding", args=[experiment.pk]),
        {"funder_name": "Région", "kind": "subvention_publique", "amount": "-5"},
    )
    assert response.status_code == 200
    assert "supérieure ou égale à 0" in response.text


def test_it_adds_a_partner_once_per_role(editor, experiment, organisation):
    url = reverse("experiments:add_partner", args=[experiment.pk])
    client = client_for(editor)
    data = {
        "organisation": organisation.pk,
        "role": PartnerRole.OPERATOR,
        "contribution": "Animation",
    }
    assert client.post(url, data)["Location"] == back(experiment, "partenaires", "partenaires")
    again = client.post(url, data)
    assert again.status_code == 200
    assert "Cette organisation a déjà ce rôle dans l&#x27;expérimentation." in again.text
    assert Partner.objects.count() == 1
    page = client.get(reverse("experiments:framing_step", args=[experiment.pk, "partenaires"]))
    assert "PNR de Chartreuse" in page.text and "Animation" in page.text


def test_it_adds_a_stop_go_criterion(editor, experiment):
    response = client_for(editor).post(
        reverse("experiments:add_criterion", args=[experiment.pk]),
        {"description": "Trajets mensuels", "threshold": "150", "review_date": "2024-06-30"},
    )
    assert response["Location"] == back(experiment, "evaluation", "criteres")
    assert StopGoCriterion.objects.get().threshold == "150"


def test_readers_may_not_add_outsiders_do_not_see(reader, outsider, experiment):
    url = reverse("experiments:add_hypothesis", args=[experiment.pk])
    assert client_for(reader).get(url).status_code == 403
    assert client_for(reader).post(url, {"statement": "x"}).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert not Hypothesis.objects.exists()


def test_a_child_of_another_experiment_is_not_found(editor, experiment):
    other = FundingFactory(experiment=ExperimentFactory())
    url = reverse("experiments:edit_funding", args=[experiment.pk, other.pk])
    assert client_for(editor).get(url).status_code == 404
