"""The mean progress of indicators (``evaluation.models.average_progress``), shared by the list
of experiments and the dossier."""

from essaim.evaluation.models import average_progress


def test_it_averages_the_known_progresses_only():
    assert average_progress([40, None, 61]) == 50
    assert average_progress(iter([100])) == 100


def test_it_is_unknown_when_no_progress_is():
    assert average_progress([None, None]) is None
    assert average_progress([]) is None
