"""The tabs of an experiment's pages, and the context every one of them shares."""

from dataclasses import dataclass

from django.urls import reverse

from essaim.experiments.models import Experiment
from essaim.roles.models import Perm


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str


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
    permissions = experiment.permissions_for(user)
    return {
        "experiment": experiment,
        "tab": tab,
        "tabs": [
            {
                "label": item.label,
                "url": reverse(item.url_name, args=[experiment.pk]),
                "current": item.key == tab,
            }
            for item in TABS
        ],
        "can_contribute": Perm.CONTRIBUTE in permissions,
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
    }
