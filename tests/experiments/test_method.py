"""The method tab: steps in a table and on a timeline, and the theory of change."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.experiments.models import StepKind, StepStatus
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory
from tests.experiments.factories import OutcomeFactory, OutcomeLinkFactory, StepFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:method", args=[experiment.pk])


def fill(experiment, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        StepFactory(experiment=experiment, title=f"Étape {n}", status=StepStatus.IN_PROGRESS)
        StepFactory(
            experiment=experiment,
            kind=StepKind.MILESTONE,
            title=f"Comité {n}",
            start_date=datetime.date(2024, 3, 1),
            end_date=None,
        )
        link = OutcomeLinkFactory(source__experiment=experiment)
        IndicatorFactory(experiment=experiment, outcome=link.source, name=f"Indicateur {n}")


def test_it_shows_steps_in_a_table_and_on_a_timeline(reader, experiment):
    StepFactory(
        experiment=experiment,
        kind=StepKind.PHASE,
        title="Diagnostic partagé",
        deliverables="Rapport de diagnostic",
        status=StepStatus.DONE,
    )
    StepFactory(
        experiment=experiment,
        kind=StepKind.MILESTONE,
        title="Comité de pilotage n°1",
        start_date=datetime.date(2024, 5, 14),
        end_date=None,
    )
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    assert "Diagnostic partagé" in text
    assert "Rapport de diagnostic" in text
    assert "Terminée" in text
    assert "14 mai 2024" in text
    start = text.rindex("<svg", 0, text.index('class="timeline-svg"'))
    svg = text[start : text.index("</svg>", start) + len("</svg>")]
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert "style=" not in svg
    # A reader changes nothing.
    assert "Ajouter une étape" not in text
    assert "step-status-form" not in text
    assert reverse("experiments:add_outcome", args=[experiment.pk]) not in text


def test_it_offers_editors_to_add_and_change(editor, experiment):
    step = StepFactory(experiment=experiment)
    response = client_for(editor).get(url(experiment))
    text = response.text
    assert reverse("experiments:add_step", args=[experiment.pk]) in text
    assert reverse("experiments:edit_step", args=[experiment.pk, step.pk]) in text
    assert reverse("experiments:delete_step", args=[experiment.pk, step.pk]) in text
    assert reverse("experiments:step_status", args=[experiment.pk, step.pk]) in text
    assert reverse("experiments:add_outcome", args=[experiment.pk]) in text
    # Links need two outcomes to join.
    assert reverse("experiments:add_outcome_link", args=[experiment.pk]) not in text


def test_it_explains_what_to_do_when_empty(editor, experiment):
    response = client_for(editor).get(url(experiment))
    assert "Aucune étape pour l'instant" in response.text
    assert "Pas de théorie du changement" in response.text
    assert "timeline-svg" not in response.text


def test_it_flags_open_steps_past_their_end(reader, experiment):
    StepFactory(experiment=experiment, end_date=datetime.date(2024, 4, 30))
    StepFactory(experiment=experiment, status=StepStatus.DONE)
    response = client_for(reader).get(url(experiment))
    assert response.text.count("Échéance passée") == 1


def test_it_shows_the_theory_of_change_by_level_with_links_and_indicators(reader, experiment):
    activity = OutcomeFactory(experiment=experiment, level="activite", title="Poser des arrêts")
    effect = OutcomeFactory(
        experiment=experiment, level="effet_court_terme", title="Plus de trajets partagés"
    )
    OutcomeLinkFactory(
        source=activity,
        target=effect,
        rationale="Un arrêt visible rassure.",
        assumptions="Les conducteurs jouent le jeu.",
    )
    IndicatorFactory(experiment=experiment, outcome=effect, name="Trajets mensuels")
    response = client_for(reader).get(url(experiment))
    text = response.text
    assert text.index("Activité") < text.index("Poser des arrêts") < text.index("Réalisation")
    assert text.index("Effet à court terme") < text.index("Trajets mensuels")
    assert f'href="#maillon-{effect.pk}"' in text
    assert "Un arrêt visible rassure." in text
    assert "Les conducteurs jouent le jeu." in text


def test_it_runs_the_same_queries_whatever_the_number_of_rows(reader, experiment):
    client = client_for(reader)
    fill(experiment, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(experiment)).status_code == 200
    fill(experiment, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(experiment))
    assert response.text.count('class="timeline-row"') == 60
    assert len(many) == len(few)


def test_it_needs_these_queries(reader, experiment, django_assert_num_queries):
    fill(experiment, 3)
    client = client_for(reader)
    # session, user, experiment with the reader's role, steps, outcomes, their links with
    # their targets, their indicators
    with django_assert_num_queries(7):
        client.get(url(experiment))


def test_it_refuses_writes(editor, experiment):
    response = client_for(editor).post(url(experiment))
    assert response.status_code == 405
