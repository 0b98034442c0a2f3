"""The overview page of one experiment."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.experiments.models import Decision, DecisionKind, Stage, StepStatus
from essaim.organisations.models import Organisation
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, JournalEntryFactory, MeasurementFactory
from tests.experiments.factories import (
    BodyFactory,
    HypothesisFactory,
    MeetingFactory,
    StepFactory,
)
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:detail", args=[experiment.pk])


def test_it_shows_the_experiment_at_a_glance(reader, experiment):
    experiment.summary = "Des arrêts d'autostop signalés dans les villages."
    experiment.carrier = Organisation.objects.create(name="PNR de Chartreuse", kind="pnr")
    experiment.save()
    experiment.territories.add(TerritoryFactory(name="Cœur de Chartreuse"))
    HypothesisFactory.create_batch(2, experiment=experiment)
    JournalEntryFactory.create_batch(3, experiment=experiment)
    MeetingFactory(body=BodyFactory(experiment=experiment))
    text = client_for(reader).get(url(experiment)).text
    for expected in (
        "Des arrêts d&#x27;autostop signalés dans les villages.",
        '<span class="badge badge--stage badge--cadrage">Cadrage</span>',
        "PNR de Chartreuse",
        "Cœur de Chartreuse",
        "du 15 janvier 2024 au 14 janvier 2025 (12 mois)",
        "<strong>2</strong> hypothèses",
        "<strong>3</strong> entrées du journal",
        "<strong>1</strong> réunion",
        "<strong>0</strong> indicateur",
        '<progress id="jauge-cadrage-barre" max="100" value="38">',  # 6 questions out of 16
        "Aucune étape à venir.",
        "Aucune décision d'arrêt ou de poursuite pour l'instant.",
    ):
        assert expected in text
    for name in ("experiments:method", "experiments:decisions", "evaluation:journal"):
        assert reverse(name, args=[experiment.pk]) in text


def test_it_shows_the_next_step_the_last_decision_and_the_indicators(reader, experiment):
    StepFactory(experiment=experiment, title="Lancement", status=StepStatus.DONE)
    StepFactory(
        experiment=experiment,
        title="Pose des panneaux",
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 5, 31),
    )
    for kind, on in ((DecisionKind.ADJUST, 3), (DecisionKind.CONTINUE, 9)):
        Decision.objects.create(
            experiment=experiment,
            kind=kind,
            decided_on=datetime.date(2024, on, 1),
            rationale=f"Raisons {kind}",
            stage_before=Stage.RUNNING,
            stage_after=Stage.RUNNING,
        )
    trips = IndicatorFactory(experiment=experiment, name="Trajets partagés", cumulative=True)
    MeasurementFactory(indicator=trips, value=Decimal("4"))
    MeasurementFactory(indicator=trips, value=Decimal("6"))
    mood = IndicatorFactory(experiment=experiment, name="Confiance", qualitative=True)
    MeasurementFactory(indicator=mood, value=None, level=2)
    text = client_for(reader).get(url(experiment)).text
    assert "Pose des panneaux" in text and "Lancement" not in text
    assert "Du 1er mai 2024 au 31 mai 2024" in text
    assert "Poursuivre</strong>, le 1er septembre 2024" in text and "Raisons poursuivre" in text
    assert "Raisons ajuster" not in text
    assert '<td data-label="Valeur actuelle" class="num">10 trajets</td>' in text
    assert '<progress max="100" value="50" aria-hidden="true"></progress> 50 %' in text
    assert '<td data-label="Valeur actuelle" class="num">forte</td>' in text
    assert "indicateur qualitatif" in text


def test_the_number_of_queries_does_not_grow_with_the_experiment(
    reader, experiment, django_assert_num_queries
):
    client = client_for(reader)
    client.get(url(experiment))
    for total in (3, 30):
        while experiment.indicators.count() < total:
            indicator = IndicatorFactory(experiment=experiment)
            MeasurementFactory.create_batch(2, indicator=indicator)
            HypothesisFactory(experiment=experiment)
            StepFactory(experiment=experiment)
            JournalEntryFactory(experiment=experiment)
        # 1 session, 2 user, 3 the experiment with its carrier, the user's role and its counts
        # of journal entries and meetings, 4 hypotheses, 5 territories, 6 fundings,
        # 7 partners, 8 criteria, 9 risks, 10 next step, 11 last decision, 12 indicators with
        # their current values (the measurements are not read), 13 the experience sheets
        # written from it and 14 its similar sheets (the library's parts of the overview)
        # + 1: the generations of the tables, read before the page is made (page_cache.py)
        with django_assert_num_queries(15):
            assert client.get(url(experiment)).status_code == 200


def test_outsiders_do_not_see_it_and_anonymous_users_log_in(outsider, experiment):
    assert client_for(outsider).get(url(experiment)).status_code == 404
    response = client_for(None).get(url(experiment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_refuses_posts(owner, experiment):
    assert client_for(owner).post(url(experiment)).status_code == 405


def test_it_offers_the_dossier_to_readers_and_the_stage_moves_to_editors(
    reader, editor, experiment
):
    text = client_for(reader).get(url(experiment)).text
    assert reverse("dossiers:pdf", args=[experiment.pk]) in text
    assert reverse("dossiers:docx", args=[experiment.pk]) in text
    assert 'aria-current="step">Cadrage</li>' in text
    assert reverse("experiments:move_stage", args=[experiment.pk]) not in text
    text = client_for(editor).get(url(experiment)).text
    assert reverse("experiments:move_stage", args=[experiment.pk]) in text
    assert 'name="stage" value="en_cours"' in text
