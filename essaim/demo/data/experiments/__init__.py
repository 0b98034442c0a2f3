"""The experiments of the source documents, at different stages, on their real territories and
with their real carriers.

Public facts come from the documents (and a few well-known dates); everything else — figures,
meetings, journal entries, decisions, budgets — is invented, and every demo experiment is
flagged ``illustrative`` so that its pages say so. One module per case; Rezo Pouce en Chartreuse
is complete enough to show every screen and a full dossier.
"""

from essaim.demo.data.experiments import (
    arche_agglo,
    bricobus,
    centrales_villageoises,
    ecoravie,
    fablab_3d3terres,
    rezo_pouce,
    saillans,
    terres_de_sources,
)
from essaim.demo.data.experiments.build import build_case
from essaim.demo.owner import demo_owner

CASES = [
    rezo_pouce.CASE,
    arche_agglo.CASE,
    fablab_3d3terres.CASE,
    ecoravie.CASE,
    saillans.CASE,
    terres_de_sources.CASE,
    centrales_villageoises.CASE,
    bricobus.CASE,
]


def load() -> str:
    owner = demo_owner()
    experiments = [build_case(case, owner=owner) for case in CASES]
    stages = {experiment.get_stage_display() for experiment in experiments}
    return f"{len(experiments)} expérimentations illustratives, {len(stages)} étapes différentes"
