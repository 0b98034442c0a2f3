"""The territories a user follows, on their dashboard."""

from essaim.core.dashboard import Block, Card, Figure, FirstStep, dashboard_block
from essaim.lib import french
from essaim.territories.models import Territory


@dashboard_block
def territories_block(user) -> Block:
    territories = Territory.objects.with_role(user)
    mine = list(territories.with_stats().order_by("-updated_at")[:5])
    count = territories.count() if mine else 0
    return Block(
        in_use=bool(mine),
        figures=[Figure(10, count, french.plural(count, "territoire suivi", "territoires suivis"))],
        cards=[Card(20, "territories/_dashboard_card.html", mine)],
        first_steps=[
            FirstStep(
                20,
                done=bool(mine),
                title="Décrivez le territoire sur lequel vous agissez",
                text="Créez-le en une étape à partir d'une commune, d'un EPCI ou d'un "
                "département, ou composez un périmètre commune par commune (pays, PNR, bassin "
                "de vie).",
                url_name="territories:create",
                action="Créer un territoire",
            )
        ],
    )
