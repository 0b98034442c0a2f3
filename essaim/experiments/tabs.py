"""The tabs of an experiment's pages, and the context every one of them shares."""

from essaim.core.tabs import Tab, tabs_context
from essaim.experiments.models import Experiment

TABS = [
    Tab("overview", "Vue d'ensemble", "experiments:detail"),
    Tab("framing", "Cadrage", "experiments:framing"),
    Tab("method", "Méthode", "experiments:method"),
    Tab("governance", "Gouvernance", "experiments:governance"),
    Tab("journal", "Apprentissages", "evaluation:journal"),
    Tab("evaluation", "Évaluation", "evaluation:indicators"),
    Tab("risks", "Risques", "experiments:risks"),
    Tab("decisions", "Décisions", "experiments:decisions"),
    Tab("history", "Historique", "experiments:history"),
    Tab("members", "Membres", "experiments:members"),
]


def experiment_context(experiment: Experiment, user, tab: str) -> dict:
    """What ``experiments/experiment_base.html`` needs: the tabs, the current one, and what
    ``user`` may do (``can_contribute``, ``can_edit``, ``can_manage``)."""
    return {"experiment": experiment, **tabs_context(experiment, user, TABS, tab)}
