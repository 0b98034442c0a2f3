"""Pays de la Montagne de Lumière: a sunny communauté of lavender plateaus and hilltop villages
that aims at positive energy, between citizen solar roofs and contested ground-mounted farms.

Invented, like every person in it; the perimeter is a real EPCI of the Alpes-de-Haute-Provence,
used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    ARNAUD_ROCHE,
    COOPERATION,
    DELORME,
    ELECTED,
    ENERGY,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    PARTICIPATION,
    PARTNERS,
    REFORM,
)
from essaim.demo.data.programmes.spec import (
    InterviewSpec,
    PersonSpec,
    QuoteSpec,
    SlotSpec,
    TerritorySpec,
    VisitSpec,
    selection,
)

NAME = "Pays de la Montagne de Lumière"
PLACE = "Salle du conseil communautaire, maison de l'intercommunalité"

REFERENT = PersonSpec(
    "Anaïs Roux",
    "technicien",
    "chargée de mission transition énergétique",
    "anais.roux@example.org",
    "04 65 71 90 48",
)
VICE_PRESIDENT = PersonSpec(
    "Jacques Reynaud",
    "elu",
    "vice-président chargé de l'énergie et du climat",
    "jacques.reynaud@example.org",
)
PARTICIPANTS = (
    VICE_PRESIDENT,
    PersonSpec(
        "Élodie Martel",
        "technicien",
        "animatrice territoriale",
        "elodie.martel@example.org",
    ),
    PersonSpec(
        "Patrick Bonnefoy",
        "societe_civile",
        "cogérant de la société citoyenne de production solaire",
        "patrick.bonnefoy@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 3, 24),
    end=date(2015, 3, 25),
    place=PLACE,
    experts=(ARNAUD_ROCHE, DELORME),
    debrief_on=datetime(2015, 3, 24, 18, 0),
    debrief_notes=(
        "Objectif territoire à énergie positive affiché, avec une feuille de route votée et "
        "des indicateurs : le territoire le plus avancé dans la formalisation.\n"
        "La société citoyenne de toitures solaires est un vrai succès de participation : 300 "
        "sociétaires, des communes au capital.\n"
        "Conflit ouvert sur les centrales solaires au sol : terres agricoles, paysage, "
        "retombées qui partent hors du territoire.\n"
        "Coopération forte avec le parc naturel régional voisin, qui apporte une ingénierie "
        "précieuse, mais les rôles se chevauchent.\n"
        "Les élus sont divisés entre énergie « citoyenne » et énergie « rentable ».\n"
        "La salle a demandé que la communauté se dote d'une doctrine sur le solaire au sol."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 24, 9, 30),
            datetime(2015, 3, 24, 10, 30),
            "entretien",
            "Entretien avec le vice-président à l'énergie",
            "Jacques Reynaud",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 24, 10, 45),
            datetime(2015, 3, 24, 12, 0),
            "entretien",
            "Entretien avec la chargée de mission transition énergétique",
            "Anaïs Roux",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 24, 14, 0),
            datetime(2015, 3, 24, 15, 30),
            "reunion",
            "Réunion avec la société citoyenne de production solaire",
            "Cogérants et sociétaires de la société citoyenne, deux maires actionnaires",
            "mixte",
            "Local de la société citoyenne, ancienne coopérative agricole",
        ),
        SlotSpec(
            datetime(2015, 3, 24, 16, 0),
            datetime(2015, 3, 24, 17, 0),
            "entretien",
            "Entretien avec un agriculteur",
            "Agriculteur, producteur de lavandin",
            "societe_civile",
            "Exploitation agricole, au pied du plateau",
        ),
        SlotSpec(
            datetime(2015, 3, 24, 18, 0),
            datetime(2015, 3, 24, 19, 30),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens, sociétaires, agriculteurs rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 25, 9, 0),
            datetime(2015, 3, 25, 10, 0),
            "entretien",
            "Entretien avec la chargée de mission énergie du parc",
            "Chargée de mission énergie du parc naturel régional voisin",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 25, 10, 15),
            datetime(2015, 3, 25, 11, 45),
            "reunion",
            "Réunion du bureau communautaire",
            "Le président et les vice-présidents",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 25, 12, 0),
            datetime(2015, 3, 25, 13, 0),
            "entretien",
            "Entretien avec l'animatrice territoriale",
            "Élodie Martel",
            "technicien",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec la chargée de mission transition énergétique",
        interviewee=REFERENT,
        notes=(
            "Recrutée en 2012 pour le plan climat, elle a fait voter en 2014 une feuille de "
            "route « territoire à énergie positive » avec des objectifs chiffrés : diviser "
            "par deux les consommations d'ici 2050 et couvrir le reste par des énergies "
            "renouvelables locales. Elle travaille en binôme avec la chargée de mission "
            "énergie du parc naturel régional voisin : le parc anime, la communauté décide et "
            "finance. Son poste est pérennisé, mais les actions dépendent des appels à "
            "projets (TEPCV, ADEME, région). Point dur : les demandes de centrales solaires au "
            "sol de développeurs extérieurs, sur lesquelles la communauté n'a pas de "
            "position commune. Elle souhaiterait un schéma de développement du solaire "
            "discuté avec les agriculteurs et les habitants."
        ),
        themes=(ENERGY, ENGINEERING, COOPERATION, FUNDING),
        quotes=(
            QuoteSpec(
                "Le parc anime, la communauté décide et finance : cette coopération nous "
                "donne une ingénierie que nous n'aurions jamais eue seuls.",
                (COOPERATION, ENGINEERING, PARTNERS),
            ),
            QuoteSpec(
                "Chaque semaine un développeur vient proposer une centrale au sol ; sans "
                "doctrine commune, chaque maire répond seul.",
                (ENERGY, GOVERNANCE, ELECTED),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec la société citoyenne de production solaire",
        interviewee=None,
        group_description=(
            "Les deux cogérants de la société citoyenne, cinq sociétaires, deux maires dont "
            "les communes sont actionnaires."
        ),
        notes=(
            "Société créée en 2013, aujourd'hui 300 sociétaires, dont la communauté et six "
            "communes. Quatorze toitures équipées (écoles, salles des fêtes, hangars "
            "agricoles). Gouvernance coopérative : une personne, une voix. Les bénévoles font "
            "tout, de la recherche de toitures au suivi de production ; fatigue perceptible. "
            "La communauté a apporté une garantie d'emprunt et l'appui de la chargée de "
            "mission. Les sociétaires veulent que la communauté fasse des projets citoyens "
            "la règle pour les grands projets solaires. Ils ont proposé d'ouvrir le capital "
            "des centrales au sol aux habitants ; les développeurs refusent. Très forte "
            "adhésion des habitants, réunions publiques pleines."
        ),
        themes=(PARTICIPATION, ENERGY, FUNDING, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "Une personne, une voix : c'est pour ça que les habitants nous font confiance, "
                "ils savent que le soleil du pays reste au pays.",
                (PARTICIPATION, ENERGY),
            ),
            QuoteSpec(
                "La garantie d'emprunt de la communauté a tout débloqué ; sans elle, aucune "
                "banque ne nous suivait.",
                (FUNDING, PARTNERS),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec un agriculteur",
        interviewee=PersonSpec(
            "Gilles Audibert", "societe_civile", "agriculteur, producteur de lavandin"
        ),
        pseudonym="Agriculteur D",
        notes=(
            "Agriculteur de 45 ans, il a demandé l'anonymat : un développeur lui propose de "
            "louer vingt hectares pour une centrale au sol, et ses voisins le savent. Le "
            "loyer proposé dépasse ce que rapporte le lavandin, frappé par le dépérissement. "
            "Il est tenté mais mal à l'aise : il veut rester agriculteur. Il reproche à la "
            "communauté de parler d'énergie sans parler d'agriculture, et aux élus de ne pas "
            "avoir de position. Il serait prêt à un projet mixte, avec pâturage ou culture "
            "sous les panneaux, si les habitants y participent. Témoignage fort sur la "
            "tension entre transition énergétique et foncier agricole."
        ),
        themes=(ENERGY, ELECTED, PARTICIPATION),
        quotes=(
            QuoteSpec(
                "Le développeur me paie plus que ma lavande ; mais je suis paysan, pas loueur "
                "de terrain pour panneaux.",
                (ENERGY,),
            ),
            QuoteSpec(
                "La communauté parle d'énergie positive sans jamais parler d'agriculture ; "
                "qu'elle nous dise enfin ce qu'elle veut sur nos terres.",
                (ENERGY, ELECTED, GOVERNANCE),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion du bureau communautaire",
        interviewee=None,
        group_description="Le président et les six vice-présidents de la communauté.",
        notes=(
            "Bureau ouvert aux experts pour une heure. Le président soutient la feuille de "
            "route énergie mais insiste sur les contraintes budgétaires et la baisse des "
            "dotations. Deux vice-présidents défendent les centrales au sol pour leurs "
            "recettes fiscales ; le vice-président à l'énergie veut réserver le sol aux "
            "projets à participation citoyenne. La fusion avec la communauté voisine, prévue "
            "par le schéma départemental, est acceptée ; elle doublerait la population et "
            "poserait la question du partage de l'ingénierie avec le parc. Accord pour "
            "engager un schéma du solaire en 2015, mais sans calendrier précis. Plusieurs "
            "élus disent que les habitants sont « en avance » sur eux."
        ),
        themes=(GOVERNANCE, ELECTED, ENERGY, REFORM, FUNDING),
        quotes=(
            QuoteSpec(
                "Une centrale au sol, c'est de la fiscalité pour la communauté ; on ne peut "
                "pas cracher dessus avec la baisse des dotations.",
                (FUNDING, ENERGY),
            ),
            QuoteSpec(
                "Soyons honnêtes, sur l'énergie les habitants sont en avance sur les élus.",
                (ELECTED, PARTICIPATION, ENERGY),
            ),
        ),
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="transition énergétique",
    # CC Pays Forcalquier et Montagne de Lure (Alpes-de-Haute-Provence), only the perimeter.
    perimeter_epci_siren="240400440",
    description=(
        "Exemple fictif : une communauté de communes de plateaux de lavande et de villages "
        "perchés, très ensoleillée, qui vise l'énergie positive avec une société citoyenne "
        "de toitures solaires et débat des centrales au sol. Le périmètre affiché est celui "
        "d'une communauté de communes réelle des Alpes-de-Haute-Provence, utilisé seulement "
        "pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 19),
        date(2014, 12, 5),
        date(2014, 12, 23),
        date(2015, 1, 8),
        date(2015, 1, 20),
        date(2015, 1, 27),
        notes={
            "contacte": "Proposé par l'association 4D.",
            "engagement": "Lettre du président, après avis favorable du bureau.",
            "confirme": "Dernier territoire confirmé ; la sélection est close.",
        },
    ),
    commitment_on=date(2014, 12, 23),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
)
