"""The territories of the programme: nine confirmed, each with its listening visit and its
interviews, four with their report sheet; one withdrawn at selection time."""

from essaim.demo.data.programmes.territories import (
    collines_manoirs,
    combes_vignes,
    coteaux_bastides,
    lacs_forets,
    montagne_lumiere,
    monts_tourbieres,
    plateaux_estive,
    serres_chataigniers,
    sources_bocages,
    trois_vallees,
)

# In the order of their visits, the withdrawn one last.
TERRITORIES = (
    trois_vallees.TERRITORY,
    monts_tourbieres.TERRITORY,
    collines_manoirs.TERRITORY,
    combes_vignes.TERRITORY,
    lacs_forets.TERRITORY,
    sources_bocages.TERRITORY,
    plateaux_estive.TERRITORY,
    coteaux_bastides.TERRITORY,
    montagne_lumiere.TERRITORY,
    serres_chataigniers.TERRITORY,
)
