"""The tabs of an experiment's pages, and the context every one of them shares. The apps above
add theirs (evaluation: Apprentissages and Évaluation, after Gouvernance)."""

from essaim.core.tabs import Tab, TabSet, tabs_context
from essaim.experiments.models import Experiment

TABS = TabSet(
    Tab("overview", "Vue d'ensemble", "experiments:detail"),
    Tab("framing", "Cadrage", "experiments:framing"),
    Tab("method", "Méthode", "experiments:method"),
    Tab("governance", "Gouvernance", "experiments:governance"),
    Tab("risks", "Risques", "experiments:risks"),
    Tab("decisions", "Décisions", "experiments:decisions"),
    Tab("history", "Historique", "experiments:history"),
    Tab("members", "Membres", "experiments:members"),
)


def experiment_context(experiment: Experiment, user, tab: str) -> dict:
    """What ``experiments/experiment_base.html`` needs: the tabs, the current one, and what
    ``user`` may do (``can_contribute``, ``can_edit``, ``can_manage``)."""
    return {"experiment": experiment, **tabs_context(experiment, user, TABS, tab)}
