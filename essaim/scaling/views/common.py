"""What every page of the « Essaimage » tab shares: the experiment's header and tabs, and the
tab's own sub-navigation."""

from django.urls import reverse

from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.scaling.pages import SUBPAGES


def scaling_context(experiment: Experiment, user, page: str) -> dict:
    return {
        **experiment_context(experiment, user, "scaling"),
        "subpage": page,
        "subpages": [
            {
                "label": label,
                "url": reverse(url_name, args=[experiment.pk]),
                "current": key == page,
            }
            for key, label, url_name in SUBPAGES
        ],
    }
