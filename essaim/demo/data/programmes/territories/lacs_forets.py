"""Pays des Lacs et Forêts: a communauté of low mountains, lakes and forests, neighbour of a
regional park, that wants to turn a short summer season into four-season hiking and cycling.

Invented, like every person in it; the perimeter is a real EPCI of the Nièvre, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    DELORME,
    ELECTED,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    LESTRADE,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    TOURISM,
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

NAME = "Pays des Lacs et Forêts"
PLACE = "Salle du conseil communautaire, maison des services au public"

REFERENT = PersonSpec(
    "Laure Perrin",
    "technicien",
    "chargée de mission développement touristique",
    "laure.perrin@example.org",
    "03 53 01 50 62",
)
PRESIDENT = PersonSpec(
    "Michel Gauthier",
    "elu",
    "président de la communauté de communes, maire",
    "michel.gauthier@example.org",
)
PARTICIPANTS = (
    PRESIDENT,
    PersonSpec(
        "Nathalie Moreau",
        "technicien",
        "chargée de mission itinérance et randonnée",
        "nathalie.moreau@example.org",
    ),
    PersonSpec(
        "Bastien Renard",
        "societe_civile",
        "gérant d'une base de loisirs nautiques, association des prestataires des lacs",
        "bastien.renard@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 3, 5),
    end=date(2015, 3, 6),
    place=PLACE,
    experts=(DELORME, LESTRADE),
    debrief_on=datetime(2015, 3, 5, 18, 0),
    debrief_notes=(
        "Un potentiel touristique évident (lacs, forêts, randonnée) mais une saison très "
        "courte, de juillet à mi-août.\n"
        "La stratégie des « quatre saisons » est partagée par les techniciens et les "
        "prestataires ; les élus l'approuvent sans la porter.\n"
        "Coopération difficile avec le parc naturel régional voisin : chacun son office, sa "
        "carte, ses sentiers.\n"
        "L'ingénierie touristique repose sur deux chargées de mission, dont une sur un "
        "contrat de trois ans financé par un appel à projets de la région.\n"
        "Les habitants sont peu associés ; les nouveaux arrivants sont pourtant nombreux "
        "parmi les porteurs de projets touristiques.\n"
        "Le président a reconnu en fin de restitution que la communauté n'a jamais débattu du "
        "tourisme en conseil."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 5, 9, 30),
            datetime(2015, 3, 5, 10, 30),
            "entretien",
            "Entretien avec le président",
            "Michel Gauthier",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 5, 10, 45),
            datetime(2015, 3, 5, 12, 0),
            "entretien",
            "Entretien avec les chargées de mission tourisme",
            "Laure Perrin, Nathalie Moreau",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 5, 14, 0),
            datetime(2015, 3, 5, 15, 30),
            "reunion",
            "Réunion avec les prestataires des lacs",
            "Base nautique, campings, gîtes, loueur de vélos, restaurateurs",
            "societe_civile",
            "Base de loisirs du grand lac, club-house",
        ),
        SlotSpec(
            datetime(2015, 3, 5, 16, 0),
            datetime(2015, 3, 5, 17, 0),
            "entretien",
            "Entretien avec la chargée de mission du parc naturel régional",
            "Chargée de mission tourisme du parc voisin",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 5, 18, 0),
            datetime(2015, 3, 5, 19, 30),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens et prestataires rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 6, 9, 0),
            datetime(2015, 3, 6, 10, 30),
            "reunion",
            "Réunion avec des nouveaux habitants porteurs de projets",
            "Six porteurs de projets installés depuis moins de cinq ans",
            "societe_civile",
            "Tiers-lieu associatif du bourg",
        ),
        SlotSpec(
            datetime(2015, 3, 6, 10, 45),
            datetime(2015, 3, 6, 11, 45),
            "entretien",
            "Entretien avec deux maires de communes lacustres",
            "Deux maires délégués communautaires",
            "elu",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec les chargées de mission tourisme",
        interviewee=REFERENT,
        notes=(
            "Entretien avec les deux chargées de mission ; la référente parle surtout. La "
            "communauté a pris la compétence tourisme en 2012 et porte l'office de tourisme en "
            "régie. Deux techniciennes : la référente sur la stratégie et les prestataires, sa "
            "collègue sur les sentiers et la véloroute, recrutée pour trois ans grâce à un "
            "appel à projets régional sur l'itinérance. Elles ont écrit le schéma de "
            "développement touristique « quatre saisons » : randonnée, pêche, vélo, séjours "
            "nature hors saison. Les élus l'ont voté sans débat. Difficultés : entretenir 300 "
            "km de sentiers avec un agent technique ; coopérer avec le parc voisin qui a sa "
            "propre politique de randonnée. Elles rêvent d'un pôle d'ingénierie touristique "
            "commun avec le parc et les deux communautés voisines."
        ),
        themes=(TOURISM, ENGINEERING, COOPERATION, FUNDING),
        quotes=(
            QuoteSpec(
                "Le schéma quatre saisons a été voté en dix minutes : personne n'a dit non, "
                "mais personne ne s'en est emparé.",
                (ELECTED, TOURISM),
            ),
            QuoteSpec(
                "Deux communautés, un parc, trois offices, trois cartes de randonnée pour les "
                "mêmes forêts : il faudrait une ingénierie touristique commune.",
                (COOPERATION, ENGINEERING, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les prestataires des lacs",
        interviewee=None,
        group_description=(
            "Neuf prestataires : le gérant de la base nautique, deux gérants de campings, "
            "trois propriétaires de gîtes, un loueur de vélos, deux restaurateurs."
        ),
        notes=(
            "Tous disent vivre sur six à huit semaines. Ils soutiennent la stratégie des "
            "quatre saisons mais demandent des actes : ouverture des équipements au printemps "
            "et à l'automne, événements hors saison, promotion commune. L'association des "
            "prestataires, créée par le gérant de la base nautique, compte 35 membres ; elle "
            "organise une fête des lacs en septembre. Reproches à la communauté : horaires "
            "d'ouverture de l'office calés sur l'été, lenteur des décisions. Ils apprécient la "
            "disponibilité des deux chargées de mission. Idée : un pass multi-activités "
            "commun avec le parc voisin. Beaucoup de prestataires sont des nouveaux habitants "
            "venus des villes."
        ),
        themes=(TOURISM, PARTICIPATION, COOPERATION),
        quotes=(
            QuoteSpec(
                "On vit sur six semaines ; le reste de l'année, les lacs sont magnifiques et "
                "il n'y a personne.",
                (TOURISM,),
            ),
            QuoteSpec(
                "La fête des lacs, c'est nous, les prestataires, qui l'avons montée ; la "
                "communauté est venue après.",
                (PARTICIPATION, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec le président",
        interviewee=PRESIDENT,
        notes=(
            "Président depuis 2014, maire d'une commune de 900 habitants, ancien cadre de "
            "l'industrie. Ses priorités : la santé, le haut débit, les zones d'activités. Le "
            "tourisme est pour lui « important mais délégué » à l'équipe. Il reconnaît que le "
            "conseil communautaire n'a jamais débattu de la stratégie touristique. Relations "
            "prudentes avec le parc voisin, qu'il trouve coûteux et éloigné des maires. Il "
            "voit dans la loi NOTRe une menace : fusion probable avec deux communautés plus "
            "peuplées et perte de la proximité. Sur le financement, il compte sur le contrat "
            "avec la région et sur les fonds européens, mais s'inquiète de la baisse des "
            "dotations de l'État."
        ),
        themes=(ELECTED, GOVERNANCE, REFORM, PARTNERS, TOURISM),
        quotes=(
            QuoteSpec(
                "Le tourisme, je l'ai confié à l'équipe ; je sais que c'est important, mais "
                "les maires m'attendent sur le médecin et le haut débit.",
                (ELECTED, TOURISM),
            ),
            QuoteSpec(
                "Avec la fusion, on sera une petite voix dans une grande communauté ; il faudra "
                "arriver avec un projet clair.",
                (REFORM, GOVERNANCE),
            ),
        ),
    ),
    InterviewSpec(
        slot="",
        interviewee=PersonSpec(
            "Hervé Lacombe",
            "autre",
            "chargé de mission tourisme et territoires à la région",
        ),
        notes=(
            "Entretien téléphonique complémentaire, le 16 mars, à la demande des experts. La "
            "région finance l'itinérance par appels à projets annuels et par les contrats de "
            "territoire avec les pays. Il connaît bien la communauté et regrette que "
            "la coopération avec le parc voisin ne progresse pas : la région préférerait "
            "financer un projet commun. Il annonce que la fusion des régions au 1er janvier "
            "2016 va remettre à plat les politiques touristiques ; rien n'est garanti pour les "
            "postes financés après 2016. Il conseille au territoire d'inscrire ses projets "
            "dans le futur schéma régional et de mutualiser l'ingénierie avec ses voisins."
        ),
        themes=(PARTNERS, FUNDING, COOPERATION, REFORM),
        quotes=(
            QuoteSpec(
                "La région financera plus volontiers un projet commun au parc et aux "
                "communautés que trois projets qui se font concurrence.",
                (PARTNERS, COOPERATION, FUNDING),
            ),
            QuoteSpec(
                "Avec la fusion des régions, tout sera remis à plat en 2016 : je ne peux "
                "garantir aucun poste au-delà.",
                (PARTNERS, REFORM, ENGINEERING),
            ),
        ),
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="tourisme durable",
    # CC Morvan Sommets et Grands Lacs (Nièvre), used only as the perimeter.
    perimeter_epci_siren="200067890",
    description=(
        "Exemple fictif : une communauté de communes de moyenne montagne, de lacs et de "
        "forêts, voisine d'un parc naturel régional, qui veut faire d'une courte saison d'été "
        "un tourisme de randonnée, de pêche et de vélo sur quatre saisons. Le périmètre "
        "affiché est celui d'une communauté de communes réelle de la Nièvre, utilisé "
        "seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 14),
        date(2014, 12, 2),
        date(2014, 12, 22),
        date(2015, 1, 7),
        date(2015, 1, 16),
        date(2015, 1, 21),
        notes={
            "contacte": "Proposé par Mairie-Conseils.",
            "interesse": "La chargée de mission tourisme convainc le président.",
        },
    ),
    commitment_on=date(2014, 12, 22),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
)
