"""Pays des Combes et Vignes: a communauté of vineyards, dairy farms and deep valleys that shares
an energy adviser with its communes and backs a farmers' biogas plant and a heat network.

Invented, like every person in it; the perimeter is a real EPCI of the Jura, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    ARNAUD_ROCHE,
    COOPERATION,
    ELECTED,
    ENERGY,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    THEVENOT,
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

NAME = "Pays des Combes et Vignes"
PLACE = "Salle du conseil communautaire, maison de l'intercommunalité"

REFERENT = PersonSpec(
    "Thomas Bourgeois",
    "technicien",
    "conseiller en énergie partagé",
    "thomas.bourgeois@example.org",
    "03 53 01 40 58",
)
VICE_PRESIDENT = PersonSpec(
    "Christiane Jeunet",
    "elu",
    "vice-présidente chargée de l'énergie et de l'environnement",
    "christiane.jeunet@example.org",
)
PARTICIPANTS = (
    VICE_PRESIDENT,
    PersonSpec(
        "Romain Vuillet",
        "technicien",
        "chargé de mission agriculture et méthanisation",
        "romain.vuillet@example.org",
    ),
    PersonSpec(
        "Sylvie Cretin",
        "societe_civile",
        "membre du conseil de développement, association de consommateurs",
        "sylvie.cretin@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 3, 2),
    end=date(2015, 3, 3),
    place=PLACE,
    experts=(THEVENOT, ARNAUD_ROCHE),
    debrief_on=datetime(2015, 3, 2, 18, 0),
    debrief_notes=(
        "Le conseil en énergie partagé est une réussite de mutualisation : 31 communes "
        "adhérentes, des économies mesurées, une confiance des maires.\n"
        "Le projet de méthanisation agricole montre une coopération originale entre éleveurs, "
        "fromagerie et communauté, mais il tient à un fil financier.\n"
        "Gouvernance : une vice-présidente très investie, un président plus prudent ; les "
        "décisions se prennent en bureau.\n"
        "Le conseil de développement a du mal à trouver sa place sur des sujets techniques.\n"
        "La fusion avec la communauté voisine semble acceptée, pragmatique.\n"
        "Réaction : les élus présents découvrent que d'autres communes attendent un réseau de "
        "chaleur ; idée de mieux partager les retours d'expérience entre maires."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 2, 9, 30),
            datetime(2015, 3, 2, 10, 30),
            "entretien",
            "Entretien avec la vice-présidente à l'énergie",
            "Christiane Jeunet",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 2, 10, 45),
            datetime(2015, 3, 2, 12, 0),
            "entretien",
            "Entretien avec le conseiller en énergie partagé",
            "Thomas Bourgeois",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 2, 14, 0),
            datetime(2015, 3, 2, 15, 30),
            "reunion",
            "Réunion avec les éleveurs du projet de méthanisation",
            "Cinq éleveurs associés, le président de la fromagerie, Romain Vuillet",
            "mixte",
            "Salle de la fromagerie coopérative",
        ),
        SlotSpec(
            datetime(2015, 3, 2, 16, 0),
            datetime(2015, 3, 2, 17, 0),
            "entretien",
            "Entretien avec le directeur général des services",
            "Directeur général des services",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 2, 18, 0),
            datetime(2015, 3, 2, 19, 30),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens, éleveurs et membres du conseil de développement",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 3, 9, 0),
            datetime(2015, 3, 3, 10, 30),
            "reunion",
            "Réunion du conseil de développement",
            "Sept membres du conseil de développement",
            "societe_civile",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 3, 10, 45),
            datetime(2015, 3, 3, 11, 45),
            "entretien",
            "Entretien avec le président",
            "Le président de la communauté",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 3, 12, 0),
            datetime(2015, 3, 3, 13, 0),
            "entretien",
            "Visite du réseau de chaleur du bourg",
            "Le maire du bourg et l'agent chargé de la chaufferie",
            "mixte",
            "Chaufferie du réseau de chaleur, à côté du collège",
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le conseiller en énergie partagé",
        interviewee=REFERENT,
        notes=(
            "Conseiller en énergie partagé depuis 2011, poste créé par la communauté et "
            "cofinancé par l'ADEME les trois premières années, désormais payé par une "
            "cotisation des communes à l'habitant. 31 communes sur 34 adhèrent. Il suit les "
            "consommations des bâtiments communaux, conseille les maires sur les travaux, "
            "monte les dossiers de certificats d'économies d'énergie. Résultat : environ 15 % "
            "d'économies sur les factures des communes suivies. La mutualisation marche "
            "parce que le service est concret, proche, et que les maires voient le gain. "
            "Limite : il est seul, avec 34 communes et le projet de réseau de chaleur ; il "
            "n'a plus de temps pour les habitants. Il souhaite un second poste partagé avec la "
            "communauté voisine, ce que la fusion pourrait faciliter."
        ),
        themes=(ENGINEERING, ENERGY, COOPERATION, FUNDING),
        quotes=(
            QuoteSpec(
                "Les communes paient une cotisation parce qu'elles voient l'économie sur la "
                "facture : c'est la meilleure preuve qu'on peut mutualiser l'ingénierie.",
                (ENGINEERING, COOPERATION, FUNDING),
            ),
            QuoteSpec(
                "Je suis seul pour trente-quatre communes ; les habitants, je n'ai plus le "
                "temps de les recevoir.",
                (ENGINEERING, PARTICIPATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les éleveurs du projet de méthanisation",
        interviewee=None,
        group_description=(
            "Cinq éleveurs laitiers associés dans une société de méthanisation, le président "
            "de la fromagerie coopérative, le chargé de mission agriculture de la communauté."
        ),
        notes=(
            "Projet de méthanisation collective des effluents de douze exploitations et du "
            "lactosérum de la fromagerie, avec injection de biogaz dans le réseau. Étude "
            "terminée, permis en cours. La communauté a payé l'étude et mis à disposition le "
            "chargé de mission ; la région et l'ADEME financeraient l'investissement si le "
            "plan de financement boucle. Les éleveurs veulent garder la maîtrise du projet et "
            "se méfient des développeurs extérieurs. Tension avec quelques riverains inquiets "
            "des odeurs et du trafic : deux réunions publiques prévues. La coopération entre "
            "agriculteurs, fromagerie et communauté est exemplaire, mais l'apport en fonds "
            "propres reste le point dur."
        ),
        themes=(ENERGY, COOPERATION, FUNDING, PARTICIPATION),
        quotes=(
            QuoteSpec(
                "On veut que le méthaniseur reste aux paysans d'ici ; si c'est un développeur "
                "qui l'emporte, on aura perdu le sens du projet.",
                (ENERGY, COOPERATION),
            ),
            QuoteSpec(
                "La région et l'ADEME disent oui sur le principe, mais il manque encore "
                "quatre cent mille euros de fonds propres.",
                (FUNDING, PARTNERS),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec le directeur général des services",
        interviewee=PersonSpec("Laurent Grappe", "technicien", "directeur général des services"),
        consent=False,
        notes=(
            "Le directeur a accepté l'entretien mais pas que ses propos soient cités ni "
            "rattachés à son nom dans les productions : notes gardées pour l'analyse, sans "
            "citation. Organisation : 22 agents, un pôle aménagement et énergie de trois "
            "techniciens. Il décrit une communauté bien gérée, un budget contraint par la "
            "baisse des dotations, une fusion avec la communauté voisine jugée raisonnable et "
            "préparée par des groupes de travail communs. Il souligne la difficulté de "
            "conserver des postes de projet une fois les subventions terminées et le poids "
            "des appels à projets dans l'agenda des techniciens. Relations correctes avec la "
            "région, plus étroites avec le département."
        ),
        themes=(ENGINEERING, REFORM, FUNDING, PARTNERS),
    ),
    InterviewSpec(
        slot="Réunion du conseil de développement",
        interviewee=None,
        group_description=(
            "Sept membres du conseil de développement : une association de consommateurs, un "
            "viticulteur, un enseignant, un artisan chauffagiste, deux retraités, une "
            "représentante d'une association de parents."
        ),
        notes=(
            "Le conseil de développement a été relancé en 2014 après les élections, avec une "
            "vingtaine de membres, dont la moitié assidue. Il a choisi l'énergie comme premier "
            "sujet mais peine à se positionner sur des dossiers jugés très techniques : "
            "méthanisation, réseau de chaleur. Les membres demandent une formation et des "
            "visites plutôt que des présentations en salle. Ils aimeraient porter un défi "
            "« familles à énergie positive » auprès des habitants, qui leur paraît plus à leur "
            "portée. Les élus sont venus à une réunion sur trois. Sentiment d'utilité mitigé "
            "mais volonté réelle de continuer, surtout si le conseil de développement survit "
            "à la fusion."
        ),
        themes=(PARTICIPATION, GOVERNANCE, ENERGY, ELECTED),
        quotes=(
            QuoteSpec(
                "Sur la méthanisation on ne se sent pas légitimes ; mais mobiliser les "
                "habitants pour économiser l'énergie, ça, on sait faire.",
                (PARTICIPATION, ENERGY),
            ),
            QuoteSpec(
                "Quand les élus viennent à nos réunions, on avance ; quand ils ne viennent "
                "pas, on se demande à quoi on sert.",
                (GOVERNANCE, ELECTED, PARTICIPATION),
            ),
        ),
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="transition énergétique",
    # CC Bresse Haute Seille (Jura), used only as the perimeter.
    perimeter_epci_siren="200069615",
    description=(
        "Exemple fictif : une communauté de communes de vignes, de combes et d'élevage laitier "
        "qui a mutualisé un conseiller en énergie pour ses communes et accompagne un projet "
        "de méthanisation porté par des éleveurs et une fromagerie coopérative. Le périmètre "
        "affiché est celui d'une communauté de communes réelle du Jura, utilisé seulement "
        "pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 7),
        date(2014, 11, 18),
        date(2014, 12, 10),
        date(2014, 12, 17),
        date(2015, 1, 8),
        date(2015, 1, 13),
        notes={
            "contacte": "Proposé par l'association 4D pour son conseil en énergie partagé.",
            "engagement": "Délibération du conseil communautaire du 9 décembre.",
        },
    ),
    commitment_on=date(2014, 12, 10),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
)
