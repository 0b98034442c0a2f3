"""The readiness diagnostic of an experiment: made, shown with its radar and its actions,
compared with the one before, corrected without undoing someone else's answers."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Stage
from essaim.scaling.forms.readiness import justification_field, score_field
from essaim.scaling.models import ReadinessDiagnosis
from essaim.scaling.readiness import DIMENSIONS, QUESTIONS
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


def posted(day: str = "2026-03-12", **scores: int) -> dict:
    """Every question answered « en bonne partie » (2), except those given."""
    data = {"assessed_on": day, "note": ""}
    for key in QUESTIONS:
        data[score_field(key)] = str(scores.get(key, 2))
        data[justification_field(key)] = ""
    return data


def add(client, experiment, data) -> ReadinessDiagnosis:
    response = client.post(reverse("scaling:add_diagnosis", args=[experiment.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return experiment.readiness_diagnoses.get(assessed_on=data["assessed_on"])


def test_the_tab_shows_once_a_decision_opened_scaling(reader, experiment):
    url = reverse("scaling:overview", args=[experiment.pk])
    page = client_for(reader).get(experiment.get_absolute_url()).text
    assert f'href="{url}"' in page
    framing = ExperimentFactory(framed=True)
    framing.grant(reader, "reader")
    assert f'href="{reverse("scaling:overview", args=[framing.pk])}"' not in (
        client_for(reader).get(framing.get_absolute_url()).text
    )


def test_an_editor_makes_a_diagnosis_that_shows_its_radar_and_actions(editor, experiment):
    data = posted(model_core=0, model_adaptable=0, model_documented=1)
    data[justification_field("model_core")] = "Aucun document ne dit ce qui ne change pas."
    diagnosis = add(client_for(editor), experiment, data)
    assert diagnosis.answers.count() == 27
    assert diagnosis.created_by == editor
    scores = {item.dimension.key: item.score for item in diagnosis.dimension_scores()}
    assert scores["model"] == 11 and scores["impact"] == 67
    page = client_for(editor).get(reverse("scaling:diagnosis", args=[experiment.pk, diagnosis.pk]))
    assert page.status_code == 200
    assert "<svg" in page.text and "Modèle codifié : 11" in page.text
    assert "Codifier le modèle" in page.text  # the weakest dimension's action
    assert "Aucun document ne dit ce qui ne change pas." in page.text
    entry = HistoryEntry.objects.of(experiment).get(verb="readiness")
    assert entry.summary == "Diagnostic de maturité du 12/03/2026 (maturité 61 %)"


def test_a_new_diagnosis_starts_from_the_latest_and_shows_the_progress(editor, experiment):
    client = client_for(editor)
    add(client, experiment, posted("2025-06-01", economics_costs=0, economics_revenues=0))
    form = client.get(reverse("scaling:add_diagnosis", args=[experiment.pk])).text
    assert f'name="{score_field("economics_costs")}" value="0" ' in form.replace("checked", "")
    assert 'value="0"' in form and "checked" in form
    later = add(client, experiment, posted("2026-01-15"))
    page = client.get(reverse("scaling:readiness", args=[experiment.pk])).text
    assert "Diagnostic du 15 janvier 2026" in page
    assert "depuis le diagnostic du 1er juin 2025" in page
    assert later.overall_score() == 67


def test_answers_out_of_the_scale_are_refused_in_french_and_nothing_is_saved(editor, experiment):
    data = posted(impact_indicators=7)
    data["assessed_on"] = "2301-01-01"
    response = client_for(editor).post(reverse("scaling:add_diagnosis", args=[experiment.pk]), data)
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.text
    assert "31/12/2100" in response.text
    assert not experiment.readiness_diagnoses.exists()


def test_two_people_correcting_the_same_diagnosis_never_undo_each_other(editor, owner, experiment):
    diagnosis = add(client_for(editor), experiment, posted())
    url = reverse("scaling:edit_diagnosis", args=[experiment.pk, diagnosis.pk])
    first = client_for(editor).get(url).context["form"]
    version = first[("version")].value()
    # The owner answers one question; the editor, from a form loaded before, another one.
    mine = posted(impact_indicators=3) | {"version": version}
    assert client_for(owner).post(url, mine).status_code == 302
    theirs = posted(risks_known=0) | {"version": version}
    assert client_for(editor).post(url, theirs).status_code == 302
    answers = diagnosis.answer_scores()
    assert answers["impact_indicators"] == 3 and answers["risks_known"] == 0
    # The same question changed by both: the second is told, and nothing is written.
    stale = posted(impact_indicators=1) | {"version": version}
    response = client_for(editor).post(url, stale)
    assert response.status_code == 400
    told = html.unescape(response.text)
    assert "modifié par quelqu'un d'autre" in told
    assert "— tout à fait (vous aviez en bonne partie)" in told
    assert diagnosis.answer_scores()["impact_indicators"] == 3


def test_readers_see_the_diagnostic_and_may_not_make_one(reader, outsider, experiment):
    url = reverse("scaling:add_diagnosis", args=[experiment.pk])
    assert (
        client_for(reader).get(reverse("scaling:readiness", args=[experiment.pk])).status_code
        == 200
    )
    assert client_for(reader).get(url).status_code == 403
    assert client_for(reader).post(url, posted()).status_code == 403
    assert (
        client_for(outsider).get(reverse("scaling:readiness", args=[experiment.pk])).status_code
        == 404
    )
    assert client_for(None).get(url).status_code == 302
    assert not experiment.readiness_diagnoses.exists()


def test_the_diagnostic_page_reads_a_fixed_number_of_queries(editor, experiment):
    client = client_for(editor)
    add(client, experiment, posted("2024-01-01"))
    url = reverse("scaling:readiness", args=[experiment.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for year in range(2025, 2031):
        add(client, experiment, posted(f"{year}-01-01"))
    with CaptureQueriesContext(connection) as seven:
        assert client.get(url).status_code == 200
    assert len(seven) == len(one)


def test_an_unknown_diagnosis_is_not_found(reader, experiment):
    other = ExperimentFactory(stage=Stage.SCALING)
    diagnosis = ReadinessDiagnosis.objects.create(
        experiment=other, assessed_on=datetime.date(2025, 1, 1)
    )
    url = reverse("scaling:diagnosis", args=[experiment.pk, diagnosis.pk])
    assert client_for(reader).get(url).status_code == 404
    assert len(DIMENSIONS) == 9
