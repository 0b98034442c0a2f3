"""The scaling pillar of the demo: for four experiments of the source documents, a transfer
kit, a strategy with its plan, readiness diagnoses and a network of replicas.

Plain, declarative data (see :mod:`essaim.demo.data.scaling.spec`); each case names the demo
experiment it belongs to by its title and says in ``sources`` what is public and what is
illustrative. The Centrales villageoises hold the full network of the demo.
"""

from essaim.demo.data.scaling import bricobus, centrales_villageoises, rezo_pouce, terres_de_sources

CASES = (
    centrales_villageoises.CASE,
    rezo_pouce.CASE,
    bricobus.CASE,
    terres_de_sources.CASE,
)


def load() -> str:
    from essaim.demo.data.scaling.build import build_network_case
    from essaim.demo.owner import demo_owner

    owner = demo_owner()
    for case in CASES:
        build_network_case(case, owner=owner)
    replicas = sum(len(case.replicas) for case in CASES)
    return f"{len(CASES)} réseaux d'essaimage, {replicas} répliques illustratives"
