"""The theory of change: outcomes by level and the links between them."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from essaim.experiments.models import OutcomeLink
from essaim.experiments.views.method import step_timeline, theory_of_change
from tests.conftest import client_for
from tests.experiments.factories import (
    ExperimentFactory,
    OutcomeFactory,
    OutcomeLinkFactory,
    StepFactory,
)

pytestmark = pytest.mark.django_db


def test_it_adds_an_outcome(editor, experiment):
    url = reverse("experiments:add_outcome", args=[experiment.pk])
    response = client_for(editor).post(
        url, {"level": "realisation", "title": "Vingt arrêts posés", "description": ""}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#theorie-du-changement")
    outcome = experiment.outcomes.get()
    assert (outcome.level, outcome.title) == ("realisation", "Vingt arrêts posés")


def test_it_links_two_outcomes_with_rationale_and_assumptions(editor, experiment):
    source = OutcomeFactory(experiment=experiment)
    target = OutcomeFactory(experiment=experiment, level="effet_court_terme")
    url = reverse("experiments:add_outcome_link", args=[experiment.pk])
    response = client_for(editor).post(
        url,
        {
            "source": source.pk,
            "target": target.pk,
            "rationale": "Des arrêts visibles rassurent.",
            "assumptions": "Les conducteurs s'arrêtent.",
        },
    )
    assert response.status_code == 302
    link = OutcomeLink.objects.get()
    assert (link.source, link.target) == (source, target)
    assert link.assumptions == "Les conducteurs s'arrêtent."


def test_it_offers_only_the_outcomes_of_the_experiment(editor, experiment):
    own = OutcomeFactory(experiment=experiment, title="Le nôtre")
    foreign = OutcomeFactory(experiment=ExperimentFactory(), title="Celui d'à côté")
    url = reverse("experiments:add_outcome_link", args=[experiment.pk])
    client = client_for(editor)
    page = client.get(url)
    assert "Le nôtre" in page.text
    assert "Celui d" not in page.text
    response = client.post(url, {"source": own.pk, "target": foreign.pk})
    assert response.status_code == 200
    assert not OutcomeLink.objects.exists()


def test_it_refuses_a_loop_and_a_duplicate(editor, experiment):
    link = OutcomeLinkFactory(source__experiment=experiment)
    url = reverse("experiments:add_outcome_link", args=[experiment.pk])
    client = client_for(editor)
    loop = client.post(url, {"source": link.source.pk, "target": link.source.pk})
    assert "Un maillon ne peut pas mener à lui-même." in loop.text
    duplicate = client.post(url, {"source": link.source.pk, "target": link.target.pk})
    assert "Ce lien existe déjà." in duplicate.text
    assert OutcomeLink.objects.count() == 1


def test_it_changes_a_link_without_calling_it_a_duplicate(editor, experiment):
    link = OutcomeLinkFactory(source__experiment=experiment)
    url = reverse("experiments:edit_outcome_link", args=[experiment.pk, link.pk])
    response = client_for(editor).post(
        url, {"source": link.source.pk, "target": link.target.pk, "rationale": "Mieux dit."}
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.rationale == "Mieux dit."


def test_it_deletes_an_outcome_and_its_links(editor, experiment):
    link = OutcomeLinkFactory(source__experiment=experiment)
    url = reverse("experiments:delete_outcome", args=[experiment.pk, link.target.pk])
    client = client_for(editor)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not OutcomeLink.objects.exists()


def test_it_hides_links_of_other_experiments(editor, experiment):
    foreign = OutcomeLinkFactory()
    url = reverse("experiments:edit_outcome_link", args=[experiment.pk, foreign.pk])
    assert client_for(editor).get(url).status_code == 404
    url = reverse("experiments:delete_outcome_link", args=[experiment.pk, foreign.pk])
    assert client_for(editor).post(url).status_code == 404


def test_it_lets_only_editors_change_the_theory(contributor, outsider, experiment):
    url = reverse("experiments:add_outcome", args=[experiment.pk])
    data = {"level": "impact", "title": "Moins de voitures"}
    assert client_for(contributor).post(url, data).status_code == 403
    assert client_for(outsider).post(url, data).status_code == 404
    assert client_for(None).post(url, data).status_code == 302
    assert not experiment.outcomes.exists()


def test_it_renders_the_theory_and_the_timeline_for_documents(
    experiment, django_assert_num_queries
):
    """The dossier includes the same partials, without the links to change anything."""
    link = OutcomeLinkFactory(source__experiment=experiment, rationale="Parce que.")
    steps = [StepFactory(experiment=experiment, title="Diagnostic")]
    with django_assert_num_queries(3):  # outcomes, their links with targets, their indicators
        columns = theory_of_change(experiment)
    with django_assert_num_queries(0):
        html = render_to_string(
            "experiments/_theory_of_change.html",
            {"theory_of_change": columns, "experiment": experiment, "can_edit": False},
        )
        html += render_to_string(
            "experiments/_timeline.html",
            {"timeline_svg": step_timeline(experiment, steps, today=None)},
        )
    assert link.source.title in html
    assert "Parce que." in html
    assert "Modifier" not in html
    assert "Diagnostic" in html
    assert 'role="img"' in html
