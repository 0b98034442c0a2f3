"""Experiments are found by their title first, then by what their framing says."""

from essaim.core.search import register
from essaim.experiments.models import Experiment

register(Experiment, title=["title"], body=["summary", "need", "purposes", "target_public"])
