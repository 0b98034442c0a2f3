"""A user's experiments, on their dashboard."""

from essaim.core.dashboard import Block, Card, dashboard_block
from essaim.experiments.models import Experiment


@dashboard_block
def experiments_block(user) -> Block:
    mine = list(Experiment.objects.with_role(user).order_by("-updated_at")[:5])
    return Block(
        in_use=bool(mine), cards=[Card(10, "experiments/_dashboard_card.html", mine, wide=True)]
    )
