"""The learning journal page: entries with their links and evidence, filters, pagination."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from essaim.evaluation.models import EntryKind, JournalEvidence
from tests.conftest import client_for
from tests.evaluation.factories import (
    IndicatorFactory,
    JournalEntryFactory,
    JournalEvidenceFactory,
)
from tests.experiments.factories import HypothesisFactory, StepFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("evaluation:journal", args=[experiment.pk])


def add_evidence(entry, name: str) -> JournalEvidence:
    return JournalEvidenceFactory(
        entry=entry, description=name, file=ContentFile(b"%PDF-1.4", name=name)
    )


def test_it_shows_the_entries_with_their_links_and_evidence(reader, experiment):
    hypothesis = HypothesisFactory(experiment=experiment, statement="Si l'arrêt est signalé…")
    step = StepFactory(experiment=experiment, title="Lancement")
    entry = JournalEntryFactory(
        experiment=experiment,
        written_on=datetime.date(2024, 3, 1),
        title="Les conducteurs s'arrêtent moins le soir",
        kind=EntryKind.FAILURE,
        what_learned="La nuit, les arrêts ne sont pas visibles.",
        what_changes="Éclairer les arrêts.",
        hypothesis=hypothesis,
        step=step,
        highlight=True,
    )
    evidence = add_evidence(entry, "releve-mars.pdf")
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    assert "Les conducteurs s&#x27;arrêtent moins le soir" in text
    assert "Échec" in text
    assert "Enseignement marquant" in text
    assert "Éclairer les arrêts." in text
    assert "Si l&#x27;arrêt est signalé…" in text
    assert "Lancement" in text
    download = reverse("evaluation:journal_evidence", args=[experiment.pk, evidence.pk])
    assert f'<a href="{download}" download>releve-mars.pdf</a>' in text
    assert f"#etape-{step.pk}" in text
    assert "1er mars 2024" in text


def test_it_links_to_the_indicator_of_an_entry(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment, name="Trajets par mois")
    JournalEntryFactory(experiment=experiment, indicator=indicator)
    response = client_for(reader).get(url(experiment))
    indicator_url = reverse("evaluation:indicator", args=[experiment.pk, indicator.pk])
    assert f'<a href="{indicator_url}">Trajets par mois</a>' in response.text


def test_it_offers_to_add_entries_to_contributors_only(reader, contributor, experiment):
    add_url = reverse("evaluation:add_journal_entry", args=[experiment.pk])
    assert add_url not in client_for(reader).get(url(experiment)).text
    assert add_url in client_for(contributor).get(url(experiment)).text


def test_it_lets_contributors_change_their_own_entries_only(contributor, editor, owner, experiment):
    own = JournalEntryFactory(experiment=experiment, author=contributor, title="La mienne")
    other = JournalEntryFactory(experiment=experiment, author=owner, title="Celle d'une autre")
    own_url = reverse("evaluation:edit_journal_entry", args=[experiment.pk, own.pk])
    other_url = reverse("evaluation:edit_journal_entry", args=[experiment.pk, other.pk])
    text = client_for(contributor).get(url(experiment)).text
    assert own_url in text
    assert other_url not in text
    text = client_for(editor).get(url(experiment)).text
    assert own_url in text
    assert other_url in text


def test_it_says_when_the_journal_is_empty(contributor, experiment):
    response = client_for(contributor).get(url(experiment))
    assert "Le journal est vide pour l'instant" in response.text
    assert "Écrire la première entrée" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "surprise"}, {"Surprise au marché"}),
        ({"q": "BOULANGERIE"}, {"Observation à la boulangerie"}),
        ({"highlight": "on"}, {"Échec du soir"}),
        ({"start": "2024-04-01"}, {"Surprise au marché", "Échec du soir"}),
        ({"end": "2024-03-31"}, {"Observation à la boulangerie"}),
        ({"start": "2024-04-01", "end": "2024-04-30"}, {"Surprise au marché"}),
    ],
)
def test_it_filters_the_entries(reader, experiment, query, expected):
    JournalEntryFactory(
        experiment=experiment,
        title="Observation à la boulangerie",
        written_on=datetime.date(2024, 3, 1),
    )
    JournalEntryFactory(
        experiment=experiment,
        title="Surprise au marché",
        kind=EntryKind.SURPRISE,
        written_on=datetime.date(2024, 4, 10),
    )
    JournalEntryFactory(
        experiment=experiment,
        title="Échec du soir",
        kind=EntryKind.FAILURE,
        highlight=True,
        written_on=datetime.date(2024, 5, 2),
    )
    response = client_for(reader).get(url(experiment), query)
    titles = {entry.title for entry in response.context["page"].object_list}
    assert titles == expected
    assert response.context["is_filtered"]
    assert "Tout afficher" in response.text


def test_it_filters_by_hypothesis(reader, experiment):
    hypothesis = HypothesisFactory(experiment=experiment)
    JournalEntryFactory(experiment=experiment, title="Liée", hypothesis=hypothesis)
    JournalEntryFactory(experiment=experiment, title="Libre")
    response = client_for(reader).get(url(experiment), {"hypothesis": hypothesis.pk})
    assert [entry.title for entry in response.context["page"].object_list] == ["Liée"]


def test_it_ignores_hypotheses_of_other_experiments(reader, experiment):
    foreign = HypothesisFactory()
    JournalEntryFactory(experiment=experiment, title="Une entrée")
    response = client_for(reader).get(url(experiment), {"hypothesis": foreign.pk})
    assert response.context["form"].errors["hypothesis"]
    assert [entry.title for entry in response.context["page"].object_list] == ["Une entrée"]


def test_it_refuses_an_end_before_the_start(reader, experiment):
    response = client_for(reader).get(url(experiment), {"start": "2024-05-01", "end": "2024-04-01"})
    assert "La date de fin précède la date de début." in response.text


def test_it_keeps_the_filters_in_the_export_links(reader, experiment):
    JournalEntryFactory(experiment=experiment, kind=EntryKind.FAILURE)
    response = client_for(reader).get(url(experiment), {"kind": "echec", "page": "1"})
    export = reverse("evaluation:journal_export_csv", args=[experiment.pk])
    assert f'href="{export}?kind=echec"' in response.text


def test_it_paginates(reader, experiment):
    for day in range(1, 26):
        JournalEntryFactory(
            experiment=experiment, title=f"Entrée {day}", written_on=datetime.date(2024, 3, day)
        )
    first = client_for(reader).get(url(experiment))
    assert len(first.context["page"].object_list) == 20
    assert "Page 1 sur 2" in first.text
    second = client_for(reader).get(url(experiment), {"page": 2})
    assert second.context["page"].object_list[0].title == "Entrée 5"


@pytest.mark.parametrize("count", [3, 30])
def test_it_reads_the_journal_in_a_constant_number_of_queries(
    django_assert_num_queries, editor, contributor, experiment, count
):
    hypothesis = HypothesisFactory(experiment=experiment)
    step = StepFactory(experiment=experiment)
    for index in range(count):
        entry = JournalEntryFactory(
            experiment=experiment,
            author=contributor,
            title=f"Entrée {index}",
            hypothesis=hypothesis,
            step=step,
        )
        add_evidence(entry, f"piece-{index}-a.pdf")
        add_evidence(entry, f"piece-{index}-b.pdf")
    client = client_for(editor)
    # session, user, experiment with the editor's role, hypotheses for the filter, count of
    # entries, entries with their links and authors, their evidence
    with django_assert_num_queries(7):
        response = client.get(url(experiment))
    assert response.status_code == 200


def test_it_answers_405_to_post(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405
