"""Pays des Sources et Bocages: a sparsely populated communauté of the Limousin plateau where a
team of two works on fuel poverty, wood heating and the renovation of old houses.

Invented, like every person in it; the perimeter is a real EPCI of the Creuse, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    ELECTED,
    ENERGY,
    ENGINEERING,
    FERHAT,
    FUNDING,
    GOVERNANCE,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    VAUDREY,
)
from essaim.demo.data.programmes.spec import (
    InterviewSpec,
    PersonSpec,
    QuoteSpec,
    ReportSheetSpec,
    SlotSpec,
    TerritorySpec,
    VisitSpec,
    selection,
)

NAME = "Pays des Sources et Bocages"
PLACE = "Salle du conseil communautaire, ancienne gare"

REFERENT = PersonSpec(
    "Pauline Lagrange",
    "technicien",
    "chargée de mission développement",
    "pauline.lagrange@example.org",
    "05 36 49 60 13",
)
MAYOR = PersonSpec(
    "Roger Desfarges",
    "elu",
    "maire, délégué communautaire à l'énergie",
    "roger.desfarges@example.org",
)
PARTICIPANTS = (
    MAYOR,
    PersonSpec(
        "Karim Benali",
        "technicien",
        "conseiller info-énergie, mis à disposition par l'association départementale",
        "karim.benali@example.org",
    ),
    PersonSpec(
        "Odile Chabrat",
        "societe_civile",
        "présidente d'une association d'entraide et de jardins partagés",
        "odile.chabrat@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 3, 10),
    end=date(2015, 3, 10),
    place=PLACE,
    experts=(VAUDREY, FERHAT),
    debrief_on=datetime(2015, 3, 10, 17, 30),
    debrief_notes=(
        "Territoire très rural, âgé, aux revenus modestes : la transition énergétique y est "
        "d'abord une question sociale, la précarité énergétique.\n"
        "Une équipe de deux agents seulement ; l'ingénierie vient surtout de l'extérieur "
        "(association départementale, pays, département).\n"
        "La coopération avec ces partenaires est bonne mais la communauté ne pilote pas.\n"
        "Les élus sont conscients de l'enjeu mais craignent les coûts ; la fusion avec deux "
        "communautés voisines occupe tous les esprits.\n"
        "Les associations d'entraide connaissent les ménages en difficulté : un atout sous-"
        "utilisé.\n"
        "La restitution a surpris : les élus n'avaient pas mesuré la richesse du tissu "
        "associatif."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 10, 9, 0),
            datetime(2015, 3, 10, 10, 0),
            "entretien",
            "Entretien avec le délégué à l'énergie",
            "Roger Desfarges",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 10, 10, 15),
            datetime(2015, 3, 10, 11, 15),
            "entretien",
            "Entretien avec la chargée de mission développement",
            "Pauline Lagrange",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 10, 11, 30),
            datetime(2015, 3, 10, 12, 30),
            "entretien",
            "Entretien avec le conseiller info-énergie",
            "Karim Benali",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 10, 14, 0),
            datetime(2015, 3, 10, 15, 30),
            "reunion",
            "Réunion avec les associations d'entraide",
            "Association d'entraide, aide à domicile, jardins partagés, centre social rural",
            "societe_civile",
            "Centre social rural, salle polyvalente",
        ),
        SlotSpec(
            datetime(2015, 3, 10, 15, 45),
            datetime(2015, 3, 10, 16, 45),
            "entretien",
            "Entretien avec la secrétaire générale",
            "Secrétaire générale de la communauté",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 10, 17, 30),
            datetime(2015, 3, 10, 19, 0),
            "restitution",
            "Restitution à chaud",
            "Élus du bureau, agents, associations rencontrées",
            "mixte",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le délégué à l'énergie",
        interviewee=MAYOR,
        notes=(
            "Maire d'une commune de 250 habitants depuis 1995, délégué communautaire à "
            "l'énergie. Il a fait installer une chaudière à plaquettes dans l'école et la "
            "mairie, et porte un projet de réseau de chaleur pour le bourg. Il voit la "
            "précarité énergétique partout : maisons anciennes, fioul, personnes âgées seules. "
            "Les autres élus le suivent « tant que ça ne coûte rien ». Il est convaincu que la "
            "communauté est trop petite pour porter seule une politique énergie et attend "
            "beaucoup du pays et du département. Il craint que la fusion à trois communautés, "
            "en discussion, fasse passer l'énergie au second plan pendant deux ans."
        ),
        themes=(ENERGY, ELECTED, REFORM, PARTNERS),
        quotes=(
            QuoteSpec(
                "Ici, la transition énergétique, c'est la vieille dame qui ne chauffe plus "
                "qu'une pièce parce que le fioul est trop cher.",
                (ENERGY, PARTICIPATION),
            ),
            QuoteSpec(
                "Les élus me suivent tant que ça ne coûte rien ; dès qu'il faut voter un "
                "budget, l'énergie passe après.",
                (ELECTED, FUNDING),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec la chargée de mission développement",
        interviewee=REFERENT,
        notes=(
            "Seule chargée de mission, avec une secrétaire générale, pour une communauté de "
            "vingt communes. Elle couvre le développement économique, le tourisme, l'énergie, "
            "les dossiers de subventions et le lien avec le pays. Elle s'appuie sur le "
            "conseiller info-énergie de l'association départementale, présent un jour par "
            "semaine, et sur l'opération d'amélioration de l'habitat du département. Tout "
            "passe par des partenaires : la communauté n'a pas d'ingénierie propre sur "
            "l'énergie. Les appels à projets arrivent trop vite pour une équipe de deux. Elle "
            "est fatiguée, pense partir si rien ne change après la fusion. Elle souhaite une "
            "ingénierie mutualisée à l'échelle du pays."
        ),
        themes=(ENGINEERING, COOPERATION, FUNDING, REFORM),
        quotes=(
            QuoteSpec(
                "Je suis l'ingénierie de la communauté à moi toute seule : l'économie, le "
                "tourisme, l'énergie et les dossiers.",
                (ENGINEERING,),
            ),
            QuoteSpec(
                "Un appel à projets sort en mai, il faut répondre en juin : à deux agents, "
                "on choisit ceux qu'on laisse passer.",
                (FUNDING, ENGINEERING),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les associations d'entraide",
        interviewee=None,
        group_description=(
            "Huit personnes : la présidente de l'association d'entraide et de jardins "
            "partagés, deux aides à domicile, la directrice du centre social rural, trois "
            "bénévoles, une assistante sociale du département."
        ),
        notes=(
            "Les associations repèrent chaque hiver des ménages qui ne se chauffent plus. "
            "Elles orientent vers le conseiller info-énergie mais les dossiers d'aide aux "
            "travaux sont trop complexes pour des personnes âgées isolées. Idée portée par la "
            "présidente : des « visiteurs énergie » bénévoles, formés, qui passent dans les "
            "maisons avec les aides à domicile. Le centre social propose des ateliers sur les "
            "économies d'énergie, peu fréquentés. Les associations ne sont jamais consultées "
            "par la communauté sur l'énergie ; elles découvrent le plan climat du pays pendant "
            "la réunion. Forte envie de coopérer, peu de moyens. Les habitants font confiance "
            "aux bénévoles plus qu'aux institutions."
        ),
        themes=(PARTICIPATION, ENERGY, COOPERATION),
        quotes=(
            QuoteSpec(
                "Les gens ouvrent leur porte à l'aide à domicile, pas au technicien de la "
                "communauté : c'est par nous qu'il faut passer.",
                (PARTICIPATION, COOPERATION),
            ),
            QuoteSpec(
                "On découvre aujourd'hui qu'il existe un plan climat ; personne ne nous en "
                "avait jamais parlé.",
                (PARTICIPATION, GOVERNANCE, ENERGY),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec la secrétaire générale",
        interviewee=PersonSpec(
            "Monique Tixier", "technicien", "secrétaire générale de la communauté"
        ),
        pseudonym="Technicienne B",
        notes=(
            "Secrétaire générale depuis douze ans, elle a demandé à ne pas être nommée. Elle "
            "décrit une communauté aux moyens très limités : budget serré, peu de fiscalité "
            "économique, dépendance forte aux dotations et aux subventions. Les élus changent "
            "souvent d'avis selon les financements disponibles : « on fait ce qui est "
            "subventionné ». La fusion avec deux communautés voisines est vécue comme une "
            "absorption ; personne ne sait quel sera l'organigramme. Elle trouve la chargée "
            "de mission surchargée et craint son départ. Elle voit dans la mutualisation avec "
            "le pays la seule voie réaliste pour garder une ingénierie de projet."
        ),
        themes=(FUNDING, REFORM, ENGINEERING, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "On ne choisit pas nos projets, on fait ce qui est subventionné.",
                (FUNDING, GOVERNANCE),
            ),
            QuoteSpec(
                "Personne ne sait qui fera quoi après la fusion ; en attendant, plus personne "
                "ne lance rien.",
                (REFORM, ENGINEERING),
            ),
        ),
    ),
)

REPORT_SHEET = ReportSheetSpec(
    context=(
        "Une communauté de communes du plateau, vingt communes et environ 13 000 habitants, "
        "parmi les densités les plus faibles de France. Population âgée, revenus modestes, "
        "habitat ancien chauffé au fioul et au bois. La communauté est membre d'un pays qui "
        "porte un plan climat. La fusion avec deux communautés voisines est inscrite au "
        "projet de schéma départemental et domine l'agenda des élus."
    ),
    strategy=(
        "Pas encore de stratégie énergie écrite à l'échelle de la communauté : des actions "
        "portées par un élu délégué (chaufferies bois communales, projet de réseau de "
        "chaleur) et par des partenaires (conseil info-énergie, amélioration de l'habitat). "
        "L'enjeu central est la précarité énergétique des ménages âgés. [À compléter avec la "
        "référente : le projet de territoire en préparation mentionne-t-il l'énergie ?]"
    ),
    governance=(
        "Un bureau de six élus, réuni tous les quinze jours. L'énergie repose sur un délégué "
        "convaincu, maire depuis vingt ans, soutenu par ses collègues tant que les coûts restent "
        "faibles. Pas de conseil de développement propre ; celui du pays est peu connu des élus "
        "comme des associations. Les décisions suivent largement les financements disponibles : "
        "la secrétaire générale résume « on fait ce qui est subventionné ». La fusion en "
        "préparation mobilise l'essentiel du temps du bureau."
    ),
    cooperation=(
        "La coopération est la condition même de l'action : association départementale pour le "
        "conseil info-énergie, présent un jour par semaine, département pour l'opération "
        "d'amélioration de l'habitat, pays pour le plan climat et les fonds européens. Elle "
        "fonctionne, mais la communauté y est plus bénéficiaire que pilote et ne fixe pas les "
        "priorités. Aucun lien jusqu'ici avec les associations d'entraide, pourtant au contact "
        "quotidien des ménages. [Vérifier avec la référente l'existence d'une convention avec le "
        "pays.]"
    ),
    engineering=(
        "Deux agents pour vingt communes : une chargée de mission développement, qui couvre "
        "l'économie, le tourisme, l'énergie et les dossiers de subventions, et une secrétaire "
        "générale. L'ingénierie énergie vient entièrement de l'extérieur. Surcharge forte, risque "
        "réel de départ de la chargée de mission après la fusion, impossibilité de répondre à "
        "tous les appels à projets : l'équipe choisit ceux qu'elle laisse passer. La "
        "mutualisation avec le pays est vue comme la seule voie réaliste."
    ),
    participation=(
        "Un tissu associatif riche et proche des habitants : association d'entraide et de jardins "
        "partagés, aides à domicile, centre social rural, bénévoles. Ces acteurs repèrent chaque "
        "hiver des ménages qui ne se chauffent plus, mais n'ont jamais été associés à la "
        "politique énergie et découvraient le plan climat du pays le jour de la visite. Les "
        "ateliers du centre social sur les économies d'énergie sont peu fréquentés. Idée de « "
        "visiteurs énergie » bénévoles, formés, à approfondir."
    ),
    strengths=(
        "Un élu délégué convaincu et crédible, qui a montré l'exemple dans sa commune ; des "
        "réalisations concrètes, chaufferies à plaquettes de l'école et de la mairie ; des "
        "partenaires techniques présents et compétents ; des associations de proximité qui ont la "
        "confiance des habitants âgés ; une ressource en bois abondante ; une chargée de mission "
        "qui connaît parfaitement le territoire et ses acteurs. [Compléter après relecture de "
        "Nadia.]"
    ),
    difficulties=(
        "Une ingénierie très réduite et épuisée ; une forte dépendance aux subventions, qui "
        "décide à la place des élus ; une stratégie énergie non écrite ; des élus mobilisés "
        "surtout par la fusion et inquiets des coûts ; une population âgée, isolée, difficile à "
        "atteindre par les dispositifs d'aide dont les dossiers sont trop complexes ; un habitat "
        "ancien chauffé au fioul. [Ajouter les chiffres de précarité énergétique du département.]"
    ),
    keys=(
        "Aborder la transition énergétique par la question sociale, la précarité énergétique, ce "
        "qui rassemble des élus prudents et des associations qui ne se parlaient pas. S'appuyer "
        "sur les partenaires départementaux et sur le pays plutôt que de tout recruter. Passer "
        "par ceux en qui les habitants ont confiance, les aides à domicile et les bénévoles, pour "
        "atteindre les ménages que les dispositifs ne touchent pas. [Formulation à revoir.]"
    ),
    levers=(
        "Associer les associations d'entraide à un repérage des ménages en précarité énergétique, "
        "avec des visiteurs énergie formés par le conseiller info-énergie ; inscrire l'énergie "
        "dans le projet de la future communauté fusionnée ; mutualiser l'ingénierie avec le pays "
        "par une convention ; alléger la charge de la chargée de mission en renonçant à certains "
        "appels à projets ; présenter la fiche au bureau avant la fusion. [À discuter avec Nadia "
        "avant envoi.]"
    ),
    status="brouillon",
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="transition énergétique",
    # CC Marche et Combraille en Aquitaine (Creuse), used only as the perimeter.
    perimeter_epci_siren="200067593",
    description=(
        "Exemple fictif : une communauté de communes du plateau, très peu dense et âgée, où "
        "une équipe de deux agents et des partenaires départementaux abordent la transition "
        "énergétique par la lutte contre la précarité énergétique. Le périmètre affiché est "
        "celui d'une communauté de communes réelle de la Creuse, utilisé seulement pour la "
        "carte."
    ),
    statuses=selection(
        date(2014, 11, 17),
        date(2014, 12, 4),
        date(2015, 1, 5),
        date(2015, 1, 5),
        date(2015, 1, 19),
        date(2015, 1, 26),
        notes={
            "contacte": "Proposé par l'association 4D.",
            "interesse": "Hésitation du bureau : le calendrier de la fusion inquiète.",
            "engagement": "Lettre du président, la chargée de mission est désignée référente.",
            "participants": "Le conseiller info-énergie remplace un agent de la communauté.",
        },
    ),
    commitment_on=date(2015, 1, 5),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
    report_sheet=REPORT_SHEET,
)
