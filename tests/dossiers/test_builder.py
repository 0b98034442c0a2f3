"""What the dossier gathers, in a fixed number of queries."""

import datetime

import pytest

from essaim.dossiers.builder import build_dossier
from essaim.evaluation.models import JournalEntry
from tests.dossiers.factories import make_rich_experiment
from tests.evaluation.factories import JournalEntryFactory


@pytest.mark.parametrize("rows", [3, 30])
def test_it_runs_the_same_queries_for_few_or_many_rows(owner, rows, django_assert_num_queries):
    experiment = make_rich_experiment(owner, rows=rows)

    # experiment and carrier, hypotheses, territories, fundings, partners, criteria, risks,
    # verdicts, their measurements, their journal entries, steps, bodies, members, meetings,
    # attendances, decision log, questions, indicators, targets, measurements, decisions,
    # assessments, outcomes, their links, their indicators, highlights, history
    with django_assert_num_queries(27):
        dossier = build_dossier(experiment)

    assert len(dossier.hypotheses) == rows
    assert len(dossier.steps) == rows
    assert len(dossier.indicators) == rows + 2
    assert dossier.bodies[0].meetings[0].present == rows


def test_it_gathers_every_chapter(owner):
    dossier = build_dossier(make_rich_experiment(owner), today=datetime.date(2025, 1, 20))

    assert dossier.generated_on == datetime.date(2025, 1, 20)
    assert dossier.need_origins == "transition écologique, besoin non satisfait"
    assert [t.name for t in dossier.territories] == ["Vallée de la Drôme"]
    assert str(dossier.total_budget) == "32500.50"
    assert str(dossier.secured_budget) == "24000.00"
    assert dossier.timeline_svg.startswith("<svg")
    assert dossier.has_theory_of_change
    assert dossier.has_derogation
    assert [s.decision.get_kind_display() for s in dossier.decisions] == ["poursuivre"]
    assert [a.get_assessment_display() for a in dossier.decisions[0].assessments] == [
        "atteint",
        "partiellement atteint",
    ]
    assert [entry.verb for entry in dossier.stage_history] == ["stage", "decision"]
    assert dossier.highlights_marked
    assert [entry.title for entry in dossier.highlights] == ["Enseignement 1", "Enseignement 3"]
    trips = dossier.indicators[0]
    assert trips.indicator.name == "Trajets mensuels"
    assert len(trips.measurements) == 12
    assert trips.chart_svg.startswith("<svg")
    assert trips.progress.percent == 93
    assert dossier.average_progress is not None
    assert dossier.verdict_count == 3
    assert dossier.sections[0] == ("synthese", "Synthèse")
    assert ("theorie-du-changement", "Théorie du changement") in dossier.sections


def test_it_takes_the_latest_entries_when_none_is_marked(owner):
    experiment = make_rich_experiment(owner)
    JournalEntry.objects.update(highlight=False)
    for number in range(6):
        JournalEntryFactory(
            experiment=experiment,
            title=f"Récente {number}",
            written_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )

    dossier = build_dossier(experiment)

    assert not dossier.highlights_marked
    assert [entry.title for entry in dossier.highlights] == [
        f"Récente {number}" for number in range(1, 6)
    ]


def test_it_shows_only_the_latest_measurements_in_tables(owner):
    dossier = build_dossier(make_rich_experiment(owner, rows=3))
    trips = dossier.indicators[0]

    assert len(trips.shown_measurements) == 12
    assert trips.hidden_count == 0


def test_it_builds_the_dossier_of_a_bare_experiment(experiment):
    dossier = build_dossier(experiment)

    assert dossier.hypotheses == []
    assert dossier.timeline_svg == ""
    assert not dossier.has_theory_of_change
    assert dossier.latest_decision is None
    assert dossier.average_progress is None
    assert ("theorie-du-changement", "Théorie du changement") not in dossier.sections
