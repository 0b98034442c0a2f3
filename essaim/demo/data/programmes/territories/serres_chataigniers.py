"""Pays des Serres et Châtaigniers: a communauté of chestnut terraces and river gorges,
interested in the programme for its sustainable tourism, which withdrew before committing.

Invented; the perimeter is a real EPCI of the Ardèche, used for the map.
"""

from datetime import date

from essaim.demo.data.programmes.spec import TerritorySpec, selection

TERRITORY = TerritorySpec(
    name="Pays des Serres et Châtaigniers",
    field="tourisme durable",
    # CC du Pays des Vans en Cévennes (Ardèche), used only as the perimeter.
    perimeter_epci_siren="200039832",
    description=(
        "Exemple fictif : une communauté de communes de terrasses de châtaigniers et de "
        "gorges, très fréquentée l'été, qui cherche à étaler la saison et à protéger ses "
        "rivières. Intéressée par l'expérimentation, elle s'est retirée avant l'engagement "
        "écrit. Le périmètre affiché est celui d'une communauté de communes réelle de "
        "l'Ardèche, utilisé seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 21),
        date(2014, 12, 8),
        notes={
            "contacte": "Proposé par le Collectif Ville-Campagne.",
            "interesse": "Intérêt de la chargée de mission tourisme et du vice-président ; "
            "passage en bureau prévu en janvier.",
        },
        withdrawn=(
            date(2015, 1, 12),
            "Le bureau ne donne pas suite : départ de la chargée de mission tourisme, non "
            "remplacée avant l'été, et discussions sur la fusion avec la communauté voisine. "
            "Les élus ne peuvent garantir ni un référent ni la disponibilité de trois "
            "participants ; ils souhaitent être tenus informés des productions.",
        ),
    ),
)
