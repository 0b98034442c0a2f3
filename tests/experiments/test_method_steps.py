"""Adding, changing and deleting steps, phases and milestones, and the quick status change."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Step, StepKind, StepStatus
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory, StepFactory

pytestmark = pytest.mark.django_db


def add_url(experiment) -> str:
    return reverse("experiments:add_step", args=[experiment.pk])


def step_data(**overrides) -> dict:
    data = {
        "kind": StepKind.STEP,
        "title": "Ateliers avec les habitants",
        "start_date": "2024-02-01",
        "end_date": "2024-04-30",
        "deliverables": "Synthèse des ateliers",
        "status": StepStatus.PLANNED,
        "description": "",
    }
    return data | overrides


def test_it_adds_a_step_and_notes_it_in_the_history(editor, experiment):
    response = client_for(editor).post(add_url(experiment), step_data())
    assert response.status_code == 302
    assert response["Location"].endswith(
        reverse("experiments:method", args=[experiment.pk]) + "#etapes"
    )
    step = experiment.steps.get()
    assert step.title == "Ateliers avec les habitants"
    assert step.end_date == datetime.date(2024, 4, 30)
    assert HistoryEntry.objects.filter(summary__contains="Ateliers avec les habitants").exists()


def test_it_shows_the_form(editor, experiment):
    response = client_for(editor).get(add_url(experiment))
    assert response.status_code == 200
    assert "Ajouter une étape" in response.text
    assert 'type="date"' in response.text


def test_it_adds_a_milestone_with_one_date(editor, experiment):
    data = step_data(kind=StepKind.MILESTONE, title="Comité de pilotage", end_date="")
    client_for(editor).post(add_url(experiment), data)
    step = experiment.steps.get()
    assert step.is_milestone
    assert step.end_date is None


def test_it_refuses_a_milestone_over_several_days(editor, experiment):
    data = step_data(kind=StepKind.MILESTONE)
    response = client_for(editor).post(add_url(experiment), data)
    assert response.status_code == 200
    assert "Un jalon n&#x27;a qu&#x27;une date" in response.text
    assert not experiment.steps.exists()


def test_it_asks_for_the_end_of_a_step(editor, experiment):
    response = client_for(editor).post(add_url(experiment), step_data(end_date=""))
    assert "Indiquez la fin de la phase ou de l&#x27;étape" in response.text
    assert not experiment.steps.exists()


def test_it_refuses_an_end_before_the_start(editor, experiment):
    response = client_for(editor).post(add_url(experiment), step_data(end_date="2024-01-01"))
    assert "La fin ne peut pas précéder le début." in response.text
    assert not experiment.steps.exists()


def test_it_changes_and_deletes_a_step(editor, experiment):
    step = StepFactory(experiment=experiment)
    client = client_for(editor)
    edit = reverse("experiments:edit_step", args=[experiment.pk, step.pk])
    client.post(edit, step_data(title="Nouveau titre", status=StepStatus.IN_PROGRESS))
    step.refresh_from_db()
    assert (step.title, step.status) == ("Nouveau titre", StepStatus.IN_PROGRESS)
    delete = reverse("experiments:delete_step", args=[experiment.pk, step.pk])
    assert client.post(delete).status_code == 302
    assert not Step.objects.filter(pk=step.pk).exists()


def test_it_hides_steps_of_other_experiments(editor, experiment):
    other = StepFactory(experiment=ExperimentFactory())
    url = reverse("experiments:edit_step", args=[experiment.pk, other.pk])
    assert client_for(editor).get(url).status_code == 404


def test_it_lets_only_editors_change_steps(contributor, reader, outsider, experiment):
    assert client_for(contributor).get(add_url(experiment)).status_code == 403
    assert client_for(reader).post(add_url(experiment), step_data()).status_code == 403
    assert client_for(outsider).get(add_url(experiment)).status_code == 404
    response = client_for(None).get(add_url(experiment))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not experiment.steps.exists()


# The quick status change ----------------------------------------------------------------------


def status_url(step) -> str:
    return reverse("experiments:step_status", args=[step.experiment_id, step.pk])


def test_it_changes_the_status_of_a_step(editor, experiment):
    step = StepFactory(experiment=experiment, title="Ateliers")
    response = client_for(editor).post(status_url(step), {"status": StepStatus.DONE})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#etape-{step.pk}")
    step.refresh_from_db()
    assert step.status == StepStatus.DONE
    entry = HistoryEntry.objects.get(summary__contains="Ateliers")
    assert entry.summary == "Étape « Ateliers » : prévue → terminée"
    assert entry.changes == {"status": {"avant": "prevue", "après": "terminee"}}


def test_it_ignores_an_unknown_status(editor, experiment):
    step = StepFactory(experiment=experiment)
    response = client_for(editor).post(status_url(step), {"status": "fini"}, follow=True)
    assert "Choisissez un statut dans la liste." in response.text
    step.refresh_from_db()
    assert step.status == StepStatus.PLANNED


def test_it_changes_the_status_only_on_post(editor, experiment):
    step = StepFactory(experiment=experiment)
    assert client_for(editor).get(status_url(step)).status_code == 405


def test_it_lets_only_editors_change_the_status(contributor, outsider, experiment):
    step = StepFactory(experiment=experiment)
    data = {"status": StepStatus.DONE}
    assert client_for(contributor).post(status_url(step), data).status_code == 403
    assert client_for(outsider).post(status_url(step), data).status_code == 404
    assert client_for(None).post(status_url(step), data).status_code == 302
    step.refresh_from_db()
    assert step.status == StepStatus.PLANNED


def test_it_hides_the_status_of_steps_of_other_experiments(editor, experiment):
    other = StepFactory(experiment=ExperimentFactory())
    url = reverse("experiments:step_status", args=[experiment.pk, other.pk])
    assert client_for(editor).post(url, {"status": StepStatus.DONE}).status_code == 404
