"""Tab sets: owned by the app of the page, added to by the apps above it."""

import pytest

from essaim.core.tabs import Tab, TabSet
from essaim.experiments.tabs import TABS as EXPERIMENT_TABS
from essaim.trainings.tabs import TABS as SESSION_TABS


def test_a_tab_goes_right_after_the_one_named_and_only_once():
    tabs = TabSet(Tab("a", "A", "x:a"), Tab("c", "C", "x:c"))
    tabs.add(Tab("b", "B", "y:b"), after="a")
    tabs.add(Tab("b", "B bis", "y:b"), after="c")
    assert [(tab.key, tab.label) for tab in tabs] == [("a", "A"), ("b", "B"), ("c", "C")]
    assert len(tabs) == 3 and Tab("b", "B", "y:b") in tabs
    with pytest.raises(ValueError):
        tabs.add(Tab("d", "D", "y:d"), after="inconnu")


def test_the_apps_above_add_their_tabs_to_experiments_and_sessions():
    assert [tab.key for tab in EXPERIMENT_TABS] == [
        "overview",
        "framing",
        "method",
        "governance",
        "journal",
        "evaluation",
        "risks",
        "decisions",
        "history",
        "members",
    ]
    assert [tab.url_name for tab in SESSION_TABS] == [
        "trainings:manage",
        "trainings:programme",
        "registrations:manage",
        "attendance:manage",
        "surveys:manage",
        "trainings:history",
        "trainings:members",
    ]
