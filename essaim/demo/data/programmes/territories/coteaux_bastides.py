"""Pays des Coteaux et Bastides: a pays of vineyards, fortified villages and farm stays whose
four communautés cooperate on wine tourism and cycling, with a lively development council.

Invented, like every person in it; the perimeter is a real EPCI of the Gers, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    DELORME,
    ELECTED,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    KERJEAN,
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

NAME = "Pays des Coteaux et Bastides"
PLACE = "Salle du conseil communautaire, maison du pays"

REFERENT = PersonSpec(
    "Sandrine Dupouy",
    "technicien",
    "animatrice du pays",
    "sandrine.dupouy@example.org",
    "05 36 49 80 37",
)
COUNCIL_CHAIR = PersonSpec(
    "Françoise Daguzan",
    "societe_civile",
    "présidente du conseil de développement du pays",
    "francoise.daguzan@example.org",
)
PARTICIPANTS = (
    PersonSpec(
        "Henri Lacoste",
        "elu",
        "président du pays, maire",
        "henri.lacoste@example.org",
    ),
    PersonSpec(
        "Mathieu Larrieu",
        "technicien",
        "chargé de mission œnotourisme",
        "mathieu.larrieu@example.org",
    ),
    COUNCIL_CHAIR,
)

VISIT = VisitSpec(
    start=date(2015, 3, 19),
    end=date(2015, 3, 20),
    place=PLACE,
    experts=(DELORME, KERJEAN),
    debrief_on=datetime(2015, 3, 19, 18, 0),
    debrief_notes=(
        "Un pays qui fonctionne comme une vraie maison commune de quatre communautés : "
        "l'œnotourisme et la véloroute sont portés ensemble.\n"
        "Le conseil de développement est le plus actif rencontré jusqu'ici : saisines, avis, "
        "groupes de travail ouverts aux habitants.\n"
        "Le label de destination œnotouristique a fédéré viticulteurs, caves coopératives et "
        "hébergeurs.\n"
        "Tensions : deux communautés envisagent de quitter le pays dans la réforme ; certains "
        "hébergeurs se sentent oubliés au profit des caves.\n"
        "L'ingénierie du pays est solide (six agents) mais financée à 60 % par des "
        "subventions.\n"
        "Réaction de la salle : fierté, et inquiétude partagée sur l'avenir du pays après la "
        "réforme."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 19, 9, 30),
            datetime(2015, 3, 19, 10, 30),
            "entretien",
            "Entretien avec le président du pays",
            "Henri Lacoste",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 19, 10, 45),
            datetime(2015, 3, 19, 12, 0),
            "entretien",
            "Entretien avec l'équipe du pays",
            "Sandrine Dupouy, Mathieu Larrieu",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 19, 14, 0),
            datetime(2015, 3, 19, 15, 30),
            "reunion",
            "Réunion du conseil de développement",
            "Bureau élargi du conseil de développement",
            "societe_civile",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 19, 16, 0),
            datetime(2015, 3, 19, 17, 0),
            "entretien",
            "Entretien avec un hébergeur",
            "Propriétaire d'un gîte et de chambres d'hôtes",
            "societe_civile",
            "Chambres d'hôtes du domaine",
        ),
        SlotSpec(
            datetime(2015, 3, 19, 18, 0),
            datetime(2015, 3, 19, 19, 30),
            "restitution",
            "Restitution à chaud",
            "Élus du pays, équipe, conseil de développement, prestataires",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 20, 9, 0),
            datetime(2015, 3, 20, 10, 30),
            "reunion",
            "Réunion avec les présidents des quatre communautés",
            "Les présidents des quatre communautés de communes",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 20, 10, 45),
            datetime(2015, 3, 20, 11, 45),
            "entretien",
            "Entretien avec le directeur de la cave coopérative",
            "Directeur de la cave coopérative",
            "societe_civile",
            "Cave coopérative, salle de dégustation",
        ),
        SlotSpec(
            datetime(2015, 3, 20, 12, 0),
            datetime(2015, 3, 20, 13, 0),
            "entretien",
            "Entretien avec la présidente du conseil de développement",
            "Françoise Daguzan",
            "societe_civile",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec l'équipe du pays",
        interviewee=REFERENT,
        notes=(
            "L'équipe du pays compte six agents : l'animatrice, le chargé de mission "
            "œnotourisme, une animatrice LEADER, une gestionnaire, un chargé de mission "
            "mobilité et une animatrice de l'opération habitat. 60 % des salaires sont "
            "financés par des subventions (fonds européens, région, département). Les "
            "communautés ont peu d'ingénierie propre et comptent sur le pays : c'est une "
            "ingénierie mutualisée de fait. Le label de destination œnotouristique, obtenu en "
            "2013, a été monté en dix-huit mois avec 80 prestataires. La véloroute des "
            "coteaux est en cours. Elles craignent le départ de deux communautés vers un "
            "pôle voisin dans la réforme, qui amputerait le budget du pays d'un tiers."
        ),
        themes=(ENGINEERING, FUNDING, TOURISM, REFORM),
        quotes=(
            QuoteSpec(
                "Le pays, c'est l'ingénierie mutualisée des quatre communautés : sans nous, "
                "aucune n'aurait pu monter le label.",
                (ENGINEERING, COOPERATION),
            ),
            QuoteSpec(
                "Si deux communautés partent dans la réforme, on perd un tiers du budget et "
                "deux postes.",
                (REFORM, FUNDING, ENGINEERING),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion du conseil de développement",
        interviewee=None,
        group_description=(
            "Quatorze membres du bureau élargi du conseil de développement : viticulteurs, "
            "hébergeurs, représentants d'associations culturelles, sportives et "
            "environnementales, un syndicaliste, deux jeunes en service civique."
        ),
        notes=(
            "Conseil de développement de 90 membres, très structuré : quatre groupes de "
            "travail, deux avis par an, une saisine systématique sur les projets du pays. Il "
            "a proposé la véloroute et porté l'idée d'une charte de l'accueil pour les "
            "habitants. Les membres se sentent entendus par le président du pays, moins par "
            "certaines communautés. Ils s'inquiètent de la réforme : que deviennent le pays et "
            "son conseil de développement si le pays se défait ? Débat vif sur "
            "l'œnotourisme : certains trouvent que les caves coopératives captent l'essentiel "
            "des retombées. Ils souhaitent que la participation des habitants soit inscrite "
            "dans les statuts du futur pôle territorial."
        ),
        themes=(PARTICIPATION, GOVERNANCE, TOURISM, REFORM),
        quotes=(
            QuoteSpec(
                "Nos avis sont lus, discutés, parfois repris : c'est ce qui fait que quatre-"
                "vingt-dix bénévoles continuent à venir le soir.",
                (PARTICIPATION, GOVERNANCE),
            ),
            QuoteSpec(
                "La véloroute, c'est une idée du conseil de développement ; aujourd'hui les "
                "élus en parlent comme de leur projet, et c'est très bien.",
                (PARTICIPATION, TOURISM, ELECTED),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec un hébergeur",
        interviewee=PersonSpec(
            "Bruno Sempé",
            "societe_civile",
            "propriétaire d'un gîte et de chambres d'hôtes",
        ),
        pseudonym="Hébergeur C",
        notes=(
            "Installé depuis 2008, ancien cadre à Toulouse. Il a demandé à ne pas être nommé. "
            "Membre du label œnotouristique, il en reconnaît les effets sur la notoriété mais "
            "trouve que les caves et les grands domaines en profitent plus que les petits "
            "hébergeurs. Il reproche au pays une communication tournée vers le vin alors que "
            "ses clients viennent pour le calme, le vélo, les marchés. Il souhaiterait une "
            "coopération entre hébergeurs pour mutualiser la réservation et le linge. Il "
            "participe au conseil de développement mais trouve les réunions longues. Il "
            "pense que les élus des communautés connaissent mal l'économie touristique."
        ),
        themes=(TOURISM, COOPERATION, PARTICIPATION, ELECTED),
        quotes=(
            QuoteSpec(
                "Le label a fait connaître le pays, mais la lumière est sur les caves ; mes "
                "clients viennent pour le calme et le vélo.",
                (TOURISM,),
            ),
            QuoteSpec(
                "Si les hébergeurs mutualisaient la réservation et le linge, on gagnerait une "
                "journée par semaine chacun.",
                (COOPERATION, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les présidents des quatre communautés",
        interviewee=None,
        group_description=(
            "Les présidents des quatre communautés de communes membres du pays et le président "
            "du pays."
        ),
        notes=(
            "Réunion tendue par moments. Tous reconnaissent l'apport du pays sur le tourisme "
            "et les fonds européens. Deux présidents disent réfléchir à rejoindre, dans la "
            "réforme, un pôle plus proche de leur bassin de vie ; ils veulent « garder les "
            "projets » avec le pays par convention. Le président du pays défend l'unité du "
            "territoire et de son ingénierie. Débat sur la répartition des cotisations au "
            "pays, jugées lourdes par les communautés les plus pauvres. Accord sur un point : "
            "la coopération sur l'œnotourisme et la véloroute doit continuer quel que soit le "
            "périmètre. La région est citée comme l'arbitre du futur contrat de territoire."
        ),
        themes=(REFORM, COOPERATION, GOVERNANCE, FUNDING, PARTNERS),
        quotes=(
            QuoteSpec(
                "Quel que soit le périmètre, la véloroute et le label continueront : on "
                "coopérera par convention s'il le faut.",
                (COOPERATION, REFORM, TOURISM),
            ),
            QuoteSpec(
                "La cotisation au pays pèse lourd pour les petites communautés ; il faut la "
                "revoir avant de parler de l'avenir.",
                (FUNDING, GOVERNANCE),
            ),
            QuoteSpec(
                "C'est la région qui tranchera avec le futur contrat de territoire ; à nous "
                "d'arriver unis.",
                (PARTNERS, REFORM),
            ),
        ),
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="tourisme durable",
    # CC du Grand Armagnac (Gers), used only as the perimeter.
    perimeter_epci_siren="243200458",
    description=(
        "Exemple fictif : un pays de coteaux viticoles et de bastides, quatre communautés de "
        "communes qui coopèrent sur l'œnotourisme et une véloroute, avec un conseil de "
        "développement très actif. Le périmètre affiché est celui d'une communauté de "
        "communes réelle du Gers, utilisé seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 18),
        date(2014, 12, 3),
        date(2014, 12, 16),
        date(2014, 12, 16),
        date(2015, 1, 14),
        date(2015, 1, 22),
        notes={
            "contacte": "Proposé par l'UNADEL pour son conseil de développement.",
            "participants": "La présidente du conseil de développement représente la "
            "société civile.",
        },
    ),
    commitment_on=date(2014, 12, 16),
    commitment_signed_by="le président du pays",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
)
