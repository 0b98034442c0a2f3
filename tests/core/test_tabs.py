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
        "scaling",
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


def test_a_tab_shows_only_where_its_app_says_it_belongs(reader):
    from django.urls import reverse

    from essaim.experiments.models import Stage
    from tests.conftest import client_for
    from tests.experiments.factories import ExperimentFactory

    idea, scaling = ExperimentFactory(stage=Stage.IDEA), ExperimentFactory(stage=Stage.SCALING)
    for experiment in (idea, scaling):
        experiment.grant(reader, "reader")
    link = "Essaimage</a>"
    assert link not in client_for(reader).get(idea.get_absolute_url()).text
    assert link in client_for(reader).get(scaling.get_absolute_url()).text
    # Asked for by its address, the page still shows its own tab as the current one.
    page = client_for(reader).get(reverse("scaling:overview", args=[idea.pk])).text
    assert 'aria-current="page">Essaimage</a>' in page
