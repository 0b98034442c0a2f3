"""The scaling of Rezo Pouce: organised hitchhiking that spread from Moissac to thousands of
communes through the adhesion of intercommunalités to a network.

The demo has one Rezo Pouce experiment, the Parc de Chartreuse's; the network of the model is
attached to it, and its kit is written with what the Parc learned. See ``CASE.sources``.
"""

from datetime import date
from decimal import Decimal

from essaim.demo.data.experiments.rezo_pouce import CASE as EXPERIMENT
from essaim.demo.data.experiments.rezo_pouce.names import CHARGEE_DE_MISSION
from essaim.demo.data.scaling.spec import (
    DiagnosisSpec,
    KitItemSpec,
    KitSpec,
    NetworkCaseSpec,
    ReplicaSpec,
    SharedIndicatorSpec,
    StatusSpec,
    StepSpec,
    StrategySpec,
    path,
    yearly,
)
from essaim.scaling.models import (
    Aggregation,
    AgreementKind,
    CharterKind,
    KitItemKind,
    ReplicationStatus,
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
)

CONVENTION = AgreementKind.AGREEMENT


def _figures(
    first_year: int, members: list[int], stops: list[int], wait: list[float]
) -> dict[str, dict[int, Decimal]]:
    """Illustrative yearly figures of a replica, from ``first_year``: registered members and
    stops at the end of the year, mean wait in minutes."""
    return {
        "inscrits": yearly(first_year, members),
        "arrets": yearly(first_year, stops),
        "attente": yearly(first_year, wait),
    }


KIT = KitSpec(
    title="Rezo Pouce : l'autostop organisé dans un territoire rural",
    summary=(
        "Des arrêts « sur le pouce » signalés dans chaque commune, des conducteurs et des "
        "passagers inscrits et identifiables : l'autostop redevient un moyen de se déplacer au "
        "quotidien, gratuit, spontané et sûr, pour les trajets courts que les transports en "
        "commun ne couvrent pas. Une intercommunalité ou un parc adhère au réseau, reçoit la "
        "méthode, la signalétique et les outils, et anime le dispositif sur son territoire. En "
        "Chartreuse, l'attente est restée courte et les passagers se sont sentis en sécurité."
    ),
    origin=(
        "L'idée naît à Moissac (Tarn-et-Garonne) en 2010 : des élus cherchent comment aider "
        "les jeunes sans voiture à se déplacer et décident de remettre l'autostop au goût du "
        "jour, avec une dizaine de communes voisines. En 2012, une association de collectivités, "
        "« Covoiturons sur le pouce », porte le dispositif, devenu Rezo Pouce, et le diffuse "
        "hors du département ; en 2015, une société coopérative d'intérêt collectif prend le "
        "relais. Le réseau compte quelques milliers de communes quand il fusionne, en 2021, "
        "avec la coopérative Mobicoop. Le Parc naturel régional de Chartreuse l'a expérimenté "
        "sur son massif : ce kit rassemble ce qu'il en a appris pour les territoires voisins."
    ),
    charter_kind=CharterKind.AGREEMENT,
    charter_name="Convention d'adhésion au réseau Rezo Pouce",
    charter_conditions=(
        "La collectivité qui adhère signe la convention d'adhésion, règle les frais d'entrée "
        "puis la cotisation annuelle, pose les arrêts avec les communes et désigne un "
        "animateur. Chaque membre, conducteur ou passager, s'inscrit avec une pièce d'identité "
        "et signe la charte de bonne conduite du réseau ; il reçoit une carte de membre, et le "
        "conducteur un macaron pour son pare-brise."
    ),
    training_offered=(
        "Une journée de formation pour l'animateur local (choisir les arrêts, organiser les "
        "inscriptions, lancer le dispositif, suivre les trajets) et des échanges réguliers "
        "entre animateurs du réseau (contenu illustratif)."
    ),
    support_offered=(
        "La signalétique des arrêts, les supports de communication et les fiches destination "
        "des passagers ; l'outil d'inscription et de suivi, et l'application mobile ; l'appui "
        "d'un territoire déjà lancé, comme la Chartreuse, pour les premiers mois."
    ),
    fee_amount=Decimal("1500.00"),
    fee_terms=(
        "frais d'entrée pour une intercommunalité, puis une cotisation annuelle selon le "
        "nombre d'habitants (montants illustratifs)"
    ),
    contact_name=CHARGEE_DE_MISSION,
    items=(
        KitItemSpec(
            KitItemKind.CORE,
            "Des arrêts « sur le pouce » signalés",
            "Un panneau commun, placé là où les voitures passent déjà et peuvent s'arrêter sans "
            "danger, à la sortie des bourgs et près des arrêts de car.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des membres inscrits et identifiables",
            "Inscription gratuite en ligne, en mairie ou à l'intercommunalité, avec une pièce "
            "d'identité et la signature de la charte ; carte de membre et macaron.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des trajets courts, gratuits et sans rendez-vous",
            "Aucune transaction entre membres : c'est de l'entraide spontanée, en complément "
            "des transports en commun.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Une marque et des outils communs",
            "Le même nom, les mêmes panneaux, la même application dans tout le réseau, pour "
            "qu'un membre soit reconnu partout.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Un animateur local et un suivi régulier",
            "Quelqu'un qui anime les inscriptions, relance les communes et suit chaque mois "
            "les inscrits et les trajets déclarés.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "L'emplacement et le nombre des arrêts",
            "De quelques arrêts par bourg-centre à un arrêt par hameau.",
            "Les choisir avec chaque commune, sur les axes vers les bourgs, les gares et les "
            "lycées ; déplacer au bout d'un an ceux qui restent vides, comme en Chartreuse "
            "dans les petites vallées.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les publics à toucher d'abord",
            "Lycéens et apprentis, personnes âgées, personnes en insertion, travailleurs "
            "saisonniers.",
            "Passer par les lycées, la mission locale, les clubs d'aînés ou les employeurs "
            "selon le public ; recruter des conducteurs sur les marchés et dans les "
            "entreprises.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les lieux d'inscription",
            "Mairies, offices de tourisme, maisons de services, lycées.",
            "Multiplier les points d'inscription la première année, puis garder ceux qui "
            "fonctionnent.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "L'échelle du portage",
            "Une intercommunalité, un parc naturel régional, un département facilitateur.",
            "Un parc peut porter l'animation pour plusieurs intercommunalités ; un département "
            "peut aider à payer les frais d'entrée et inciter ses intercommunalités.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Une collectivité porteuse",
            "Une intercommunalité ou un parc qui adhère, finance et porte le dispositif.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des communes volontaires",
            "Qui posent les arrêts avec leurs services techniques et accueillent les "
            "inscriptions en mairie.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Du temps d'animation",
            "Au moins un mi-temps les deux premières années ; sans animation, les inscriptions "
            "s'arrêtent.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Une cible d'inscrits réaliste",
            "Viser environ 5 % de la population inscrite pour que l'attente reste courte.",
        ),
    ),
    published=True,
)

STRATEGY = StrategySpec(
    situation=Situation.REPLICATE,
    scale_types=(ScaleType.OUT, ScaleType.UP),
    strategy=StrategyKind.FRANCHISE,
    route=Route.NETWORK,
    rationale=(
        "Un territoire qui veut l'autostop organisé n'a pas à tout réinventer : il adhère, "
        "signe une convention et reçoit une méthode, une marque et des outils éprouvés. La "
        "convention garantit que les arrêts, l'inscription et la charte restent les mêmes "
        "partout, condition pour qu'un membre soit reconnu d'un territoire à l'autre."
    ),
    target_places=(
        "Les intercommunalités rurales et périurbaines peu desservies par les transports en "
        "commun, en priorité les territoires voisins de la Chartreuse (Isère, Savoie, Drôme) ; "
        "les départements prêts à jouer un rôle de facilitateur."
    ),
    target_publics=(
        "Élus et agents des intercommunalités et des parcs chargés de la mobilité ; à travers "
        "eux, les habitants sans voiture et les conducteurs du quotidien."
    ),
    resources=(
        "L'équipe du réseau pour la formation et les outils ; dans chaque territoire, un "
        "animateur au moins à mi-temps ; le témoignage de territoires déjà lancés."
    ),
    economic_model=(
        "Les collectivités paient des frais d'entrée et une cotisation annuelle qui financent "
        "les outils, la signalétique et l'animation du réseau ; le service reste gratuit pour "
        "les membres."
    ),
    funding_transition=(
        "Les frais d'entrée sont souvent aidés par un appel à projets ou un département ; la "
        "cotisation est ensuite inscrite au budget mobilité de l'intercommunalité "
        "(proportions illustratives)."
    ),
    grant_share_now=40,
    grant_share_target=15,
    target_year=2028,
    institutional_anchoring=(
        "Depuis la loi d'orientation des mobilités de 2019, les intercommunalités peuvent "
        "devenir autorités organisatrices de la mobilité : l'autostop organisé trouve sa place "
        "dans leurs plans de mobilité simplifiés, aux côtés du covoiturage et du transport à "
        "la demande."
    ),
    steps=(
        StepSpec(
            Track.SCALING,
            "Diffusion hors du Tarn-et-Garonne par l'association de collectivités",
            date(2012, 1, 2),
            date(2015, 6, 30),
            "Association « Covoiturons sur le pouce » ; premières intercommunalités voisines.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Passage en société coopérative d'intérêt collectif",
            date(2015, 1, 5),
            date(2015, 12, 31),
            "Collectivités, entreprises, associations, usagers et salariés associés.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Conventions avec des départements facilitateurs",
            date(2018, 9, 20),
            date(2020, 12, 31),
            "Aide aux frais d'entrée et appui technique des départements.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Fusion avec la coopérative Mobicoop",
            date(2020, 10, 1),
            date(2021, 6, 30),
            "Mutualiser les outils numériques et l'équipe.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Accompagnement des territoires voisins de la Chartreuse",
            date(2021, 3, 1),
            date(2026, 12, 31),
            "Visites du Parc, témoignages des communes, prêt des supports.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.SCALING,
            "Inscrire l'autostop organisé dans les plans de mobilité simplifiés",
            date(2025, 1, 6),
            date(2027, 6, 30),
            "Fiche type pour les intercommunalités autorités organisatrices.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Cotisations inscrites au budget mobilité de chaque territoire",
            date(2027, 1, 4),
            date(2028, 12, 31),
            "Délibérations des intercommunalités ; fin des aides au démarrage.",
            StepState.PLANNED,
        ),
    ),
)

DIAGNOSES = (
    DiagnosisSpec(
        date(2021, 1, 19),
        "Diagnostic établi par le Parc à la fin de l'expérimentation, avant le comité de "
        "pilotage qui a décidé de la pérennisation : le dispositif marche en Chartreuse, "
        "mais le Parc n'a ni le temps ni le mandat pour accompagner ses voisins.",
        {
            "impact_indicators": (
                2,
                "Trajets au-dessus de cent par mois hors confinement, sous la cible de cent "
                "cinquante.",
            ),
            "impact_hypotheses": (
                2,
                "Attente courte et sentiment de sécurité confirmés ; inscriptions en retard.",
            ),
            "impact_recognised": (
                3,
                "Trois communes sur quatre prêtes à cofinancer la suite.",
            ),
            "model_core": (3, "Le socle est celui du réseau : arrêts, inscription, charte."),
            "model_adaptable": (
                1,
                "Ce que la Chartreuse a adapté (arrêts de vallée, lycées) n'est pas écrit.",
            ),
            "model_documented": (
                2,
                "Les outils du réseau existent ; les documents du Parc sont épars.",
            ),
            "economics_costs": (
                2,
                "Coût connu : animation, panneaux et cotisation, à consolider.",
            ),
            "economics_revenues": (
                1,
                "L'animation repose encore sur un financement d'appel à projets.",
            ),
            "economics_plan": (1, "Pas de budget au-delà de 2021."),
            "carriers_time": (
                0,
                "La chargée de mission n'a pas de temps prévu pour d'autres territoires.",
            ),
            "carriers_will": (
                2,
                "Les élus du Parc veulent partager l'expérience, sans la porter seuls.",
            ),
            "carriers_governance": (
                2,
                "Le comité technique peut accueillir des représentants voisins.",
            ),
            "demand_requests": (
                2,
                "Deux intercommunalités voisines ont demandé des renseignements.",
            ),
            "demand_fit": (
                3,
                "Les vallées voisines ont les mêmes habitants sans voiture.",
            ),
            "demand_relays": (
                3,
                "Le réseau national et les parcs voisins relaient le dispositif.",
            ),
            "resources_funding": (1, "Rien d'identifié pour accompagner les voisins."),
            "resources_people": (
                2,
                "Le réseau forme les animateurs ; le Parc peut témoigner.",
            ),
            "resources_tools": (3, "Signalétique, application et supports existent."),
            "risks_known": (
                1,
                "Le risque d'arrêts vides dans les petites vallées est connu, pas les autres.",
            ),
            "risks_of_standing_still": (
                1,
                "L'effet d'un dispositif isolé, sans voisins, n'a pas été évalué.",
            ),
            "risks_reversible": (
                3,
                "Un territoire qui s'arrête retire ses panneaux, sans toucher les autres.",
            ),
            "returns_social": (
                2,
                "Trajets et inscrits suivis ; lien social décrit sans être mesuré.",
            ),
            "returns_carriers": (
                2,
                "Des arrêts chez les voisins allongeraient les trajets possibles.",
            ),
            "returns_measured": (
                2,
                "Inscrits et trajets suivis par l'outil du réseau.",
            ),
            "partners_committed": (
                2,
                "Communes et réseau engagés ; autorité organisatrice encore réservée.",
            ),
            "partners_institutions": (
                1,
                "La Région et le département ne se sont pas prononcés.",
            ),
            "partners_policy": (
                2,
                "La loi d'orientation des mobilités ouvre une place, encore à prendre.",
            ),
        },
    ),
    DiagnosisSpec(
        date(2022, 2, 8),
        "Un an après la pérennisation : les adaptations de la Chartreuse sont écrites dans "
        "le kit, deux territoires voisins sont lancés et les intercommunalités ont pris la "
        "compétence mobilité. Le temps d'animation reste le point faible.",
        {
            "impact_indicators": (
                3,
                "Plus de cent cinquante trajets par mois depuis le printemps.",
            ),
            "impact_hypotheses": (3, "Les trois hypothèses sont confirmées ou en passe de l'être."),
            "impact_recognised": (3, "Les communes cofinancent ; les lycées relaient."),
            "model_core": (3, "Inchangé : le socle du réseau."),
            "model_adaptable": (
                3,
                "Arrêts, publics, lieux d'inscription et portage : les choix sont expliqués.",
            ),
            "model_documented": (3, "Le kit rassemble les documents du Parc."),
            "economics_costs": (3, "Coût complet chiffré pour un territoire de 20 communes."),
            "economics_revenues": (
                2,
                "Les communes et l'intercommunalité financent désormais l'animation.",
            ),
            "economics_plan": (2, "Budget sur trois ans voté par le Parc."),
            "carriers_time": (
                1,
                "Une journée par mois pour les voisins, c'est peu.",
            ),
            "carriers_will": (3, "Le comité syndical du Parc soutient le partage."),
            "carriers_governance": (
                3,
                "Les territoires voisins siègent au comité technique.",
            ),
            "demand_requests": (3, "Cinq territoires en contact ou en étude."),
            "demand_fit": (3, "Inchangé."),
            "demand_relays": (3, "Réseau national, parcs voisins, département."),
            "resources_funding": (
                2,
                "Un appel à projets régional finance les visites d'échange.",
            ),
            "resources_people": (2, "Animateurs formés par le réseau dans deux territoires."),
            "resources_tools": (3, "Inchangé, plus le kit du Parc."),
            "risks_known": (
                2,
                "Registre des risques : arrêts vides, départ d'un animateur, baisse d'usage.",
            ),
            "risks_of_standing_still": (
                2,
                "Sans voisins, les trajets vers les gares restent impossibles.",
            ),
            "risks_reversible": (3, "Inchangé."),
            "returns_social": (
                2,
                "Enquête passagers reconduite dans les territoires voisins.",
            ),
            "returns_carriers": (3, "Des trajets d'une vallée à l'autre, vers Voiron et Chambéry."),
            "returns_measured": (
                3,
                "Inscrits, arrêts et temps d'attente partagés par tous les territoires.",
            ),
            "partners_committed": (
                3,
                "Intercommunalités voisines et réseau engagés par convention.",
            ),
            "partners_institutions": (
                2,
                "Le département finance une partie des frais d'entrée.",
            ),
            "partners_policy": (
                3,
                "Les intercommunalités devenues autorités organisatrices l'inscrivent dans "
                "leur plan.",
            ),
        },
    ),
)

SHARED_INDICATORS = (
    SharedIndicatorSpec("inscrits", "Inscrits", "personnes", Aggregation.SUM),
    SharedIndicatorSpec("arrets", "Arrêts sur le pouce", "arrêts", Aggregation.SUM),
    SharedIndicatorSpec("attente", "Temps d'attente moyen", "minutes", Aggregation.MEAN),
)

REPLICAS = (
    # The first territories of the network, around Moissac and Toulouse.
    ReplicaSpec(
        "Rezo Pouce du Grand Montauban",
        "82121",  # Montauban
        "Communauté d'agglomération du Grand Montauban",
        path(
            date(2011, 1, 18),
            None,
            date(2011, 4, 12),
            date(2011, 6, 7),
            date(2012, 3, 5),
            notes={"contact": "Parmi les premières collectivités associées à Moissac."},
        ),
        CONVENTION,
        adaptations="Des arrêts aux entrées de ville et près des zones d'activités.",
        figures=_figures(
            2019,
            [820, 910, 880, 960, 1010, 1060, 1090],
            [64, 68, 68, 71, 74, 76, 78],
            [7, 7, 8, 7, 6.5, 6.5, 6],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Frontonnais",
        "31202",  # Fronton
        "Communauté de communes du Frontonnais",
        path(
            date(2011, 10, 11),
            date(2012, 1, 17),
            date(2012, 3, 20),
            date(2012, 5, 15),
            date(2013, 1, 8),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [310, 340, 335, 360, 380, 395, 410],
            [38, 38, 38, 40, 40, 41, 41],
            [8, 8, 9, 8, 8, 7.5, 7.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce Axe Sud",
        "31547",  # Seysses
        "Communauté de communes Axe Sud",
        path(
            date(2016, 2, 9),
            date(2016, 5, 24),
            date(2016, 9, 13),
            date(2016, 12, 20),
            date(2017, 12, 5),
            notes={"lancee": "Inauguration des 43 premiers arrêts."},
        ),
        CONVENTION,
        adaptations="Un territoire périurbain au sud de Toulouse : arrêts vers les gares.",
        figures=_figures(
            2019,
            [540, 600, 590, 650, 700, 730, 760],
            [46, 48, 48, 50, 52, 52, 54],
            [6, 6, 7, 6, 5.5, 5.5, 5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grand Pic Saint-Loup",
        "34276",  # Saint-Mathieu-de-Tréviers
        "Communauté de communes du Grand Pic Saint-Loup",
        path(
            date(2015, 11, 3),
            date(2016, 2, 16),
            date(2016, 5, 10),
            date(2016, 9, 20),
            date(2017, 9, 5),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [480, 530, 520, 570, 600, 640, 660],
            [52, 54, 54, 56, 58, 58, 60],
            [7, 7, 8, 7, 7, 6.5, 6.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce de Sète agglopôle méditerranée",
        "34301",  # Sète
        "Sète agglopôle méditerranée",
        path(
            date(2017, 9, 12),
            date(2017, 12, 5),
            date(2018, 3, 13),
            date(2018, 6, 19),
            date(2019, 6, 4),
        ),
        CONVENTION,
        adaptations="Des arrêts saisonniers vers les plages l'été.",
        figures=_figures(
            2019,
            [390, 450, 430, 500, 540, 570, 590],
            [40, 44, 44, 46, 48, 48, 50],
            [6, 6, 7, 6, 6, 5.5, 5.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Pays de Mirepoix",
        "09194",  # Mirepoix
        "Communauté de communes du Pays de Mirepoix",
        path(
            date(2018, 6, 12),
            date(2018, 10, 2),
            date(2018, 12, 11),
            date(2019, 3, 19),
            date(2020, 3, 3),
            notes={"contact": "À l'initiative de deux habitantes qui ont interpellé les élus."},
        ),
        CONVENTION,
        adaptations="Un arrêt dans chacune des 33 communes ; un partenariat avec la cité scolaire.",
        lessons="Une demande venue d'habitants donne au dispositif ses premiers ambassadeurs.",
        figures=_figures(
            2019,
            [180, 260, 270, 320, 360, 390, 410],
            [33, 35, 35, 36, 37, 37, 38],
            [10, 9, 10, 9, 8.5, 8, 8],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Pays de Limours",
        "91338",  # Limours
        "Communauté de communes du Pays de Limours",
        path(
            date(2015, 3, 10),
            date(2015, 6, 23),
            date(2015, 10, 6),
            date(2016, 1, 19),
            date(2017, 1, 10),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [260, 280, 270, 290, 300, 305, 310],
            [28, 28, 28, 29, 29, 29, 30],
            [9, 9, 10, 9, 9, 9, 9],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grand Villefranchois",
        "12300",  # Villefranche-de-Rouergue
        "Communauté de communes du Grand Villefranchois",
        path(
            date(2017, 4, 4),
            date(2017, 9, 19),
            date(2018, 1, 23),
            date(2018, 5, 15),
            date(2019, 5, 7),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [210, 250, 245, 280, 300, 320, 330],
            [30, 32, 32, 33, 34, 34, 34],
            [11, 10, 11, 10, 9.5, 9, 9],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Thouarsais",
        "79329",  # Thouars
        "Communauté de communes du Thouarsais",
        path(
            date(2017, 10, 10),
            date(2018, 2, 13),
            date(2018, 6, 5),
            date(2018, 10, 2),
            date(2019, 10, 1),
            stopped=(
                date(2022, 6, 30),
                "Le poste d'animation n'est pas renouvelé ; les panneaux sont retirés.",
            ),
        ),
        CONVENTION,
        lessons="Sans animateur, les inscriptions s'arrêtent en quelques mois : le temps "
        "d'animation est un prérequis, pas une option.",
        figures=_figures(2019, [150, 170, 130, 110], [24, 24, 24, 20], [12, 13, 15, 16]),
    ),
    # The neighbours of the Chartreuse, accompanied with the Parc's experience.
    ReplicaSpec(
        "Rezo Pouce du Pays voironnais",
        "38563",  # Voiron
        "Communauté d'agglomération du Pays voironnais",
        path(
            date(2020, 10, 6),
            date(2021, 2, 2),
            date(2021, 6, 15),
            date(2021, 9, 21),
            date(2022, 9, 6),
        ),
        CONVENTION,
        adaptations="Arrêts en correspondance avec les lignes de car vers Grenoble.",
        lessons="Les arrêts communs avec la Chartreuse permettent des trajets entre vallées.",
        figures=_figures(2021, [210, 380, 470, 540, 590], [28, 36, 38, 40, 41], [9, 7, 6.5, 6, 6]),
    ),
    ReplicaSpec(
        "Rezo Pouce Cœur de Savoie",
        "73171",  # Montmélian
        "Communauté de communes Cœur de Savoie",
        path(
            date(2021, 1, 26),
            date(2021, 5, 11),
            date(2021, 10, 19),
            date(2022, 3, 15),
            date(2023, 3, 7),
        ),
        CONVENTION,
        figures=_figures(2022, [190, 300, 360, 400], [26, 31, 33, 34], [10, 8, 7.5, 7]),
    ),
    ReplicaSpec(
        "Rezo Pouce du Vercors",
        "38205",  # Lans-en-Vercors
        "Communauté de communes du Massif du Vercors",
        path(
            date(2021, 4, 13),
            date(2021, 9, 7),
            date(2022, 1, 18),
            date(2022, 5, 10),
            stopped=(
                date(2024, 9, 3),
                "Remplacé par une ligne de covoiturage vers Grenoble, jugée plus adaptée aux "
                "trajets domicile-travail.",
            ),
        ),
        CONVENTION,
        lessons="Sur un axe unique très fréquenté, une ligne de covoiturage organisée répond "
        "mieux aux trajets réguliers que l'autostop.",
        figures=_figures(2022, [160, 210, 190], [18, 20, 20], [12, 11, 12]),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grésivaudan",
        "38314",  # Pontcharra
        "Communauté de communes Le Grésivaudan",
        path(
            date(2023, 3, 14),
            date(2023, 9, 26),
            date(2024, 4, 9),
            date(2025, 4, 15),
        ),
        CONVENTION,
        adaptations="Démarrage sur le nord de la vallée seulement, là où le car manque.",
        figures=_figures(2025, [220], [24], [9]),
    ),
    ReplicaSpec(
        "Rezo Pouce des Montagnes du Giffre",
        "74183",  # Mieussy
        "Communauté de communes des Montagnes du Giffre",
        path(
            date(2021, 3, 23),
            date(2021, 11, 16),
            date(2022, 10, 11),
            date(2023, 9, 21),
            date(2024, 9, 17),
            notes={
                "contact": "Démarche lancée par une association d'habitants.",
                "lancee": "Lancement à Mieussy ; près de cinquante arrêts posés pendant l'été.",
            },
        ),
        CONVENTION,
        adaptations="Lancé sous le nom de Rezo Mobicoop, après la fusion du réseau.",
        figures=_figures(2023, [120, 260, 330], [48, 50, 52], [11, 9, 8.5]),
    ),
    ReplicaSpec(
        "Rezo Pouce de Saint-Marcellin Vercors Isère",
        "38416",  # Saint-Marcellin
        "Saint-Marcellin Vercors Isère Communauté",
        path(date(2024, 11, 19), date(2025, 5, 13), date(2026, 3, 10)),
        CONVENTION,
    ),
    ReplicaSpec(
        "Rezo Pouce du Diois",
        "26113",  # Die
        "Communauté des communes du Diois",
        (
            StatusSpec(ReplicationStatus.CONTACT, date(2023, 6, 6)),
            StatusSpec(ReplicationStatus.STUDY, date(2024, 1, 16)),
            StatusSpec(
                ReplicationStatus.CONTACT,
                date(2024, 10, 1),
                "Étude suspendue après les élections ; reprise des échanges à l'automne.",
            ),
            StatusSpec(ReplicationStatus.STUDY, date(2025, 11, 18)),
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce des Coëvrons",
        "53097",  # Évron
        "Communauté de communes des Coëvrons",
        path(
            date(2026, 10, 13),
            notes={"contact": "Demande reçue par le formulaire du kit d'essaimage."},
        ),
    ),
)

CASE = NetworkCaseSpec(
    experiment_title=EXPERIMENT.title,
    kit=KIT,
    strategy=STRATEGY,
    diagnoses=DIAGNOSES,
    shared_indicators=SHARED_INDICATORS,
    replicas=REPLICAS,
    sources=(
        "Public : Rezo Pouce est né à Moissac (Tarn-et-Garonne) en 2010 avec une dizaine de "
        "communes ; l'association de collectivités « Covoiturons sur le pouce » le porte à "
        "partir de 2012, une SCIC à partir de 2015 ; le réseau a fusionné avec Mobicoop en "
        "2021 (puis « Rezo Mobicoop »). Le fonctionnement : arrêts signalés, inscription "
        "gratuite avec pièce d'identité et charte, carte de membre et macaron, trajets courts "
        "sans transaction, application mobile. L'adhésion du Grand Montauban dès 2011, du "
        "Frontonnais (arrêts depuis 2012), d'Axe Sud (43 arrêts inaugurés le 20 décembre "
        "2016), du Grand Pic Saint-Loup (2016), de Sète agglopôle méditerranée (2018), du "
        "Pays de Mirepoix (2019, à l'initiative de deux habitantes, 33 communes, objectif de "
        "5 % d'inscrits) ; la convention de 2018 avec le département de l'Hérault ; le "
        "lancement de Rezo Mobicoop à Mieussy en septembre 2023 dans les Montagnes du Giffre.\n"
        "Illustratif : le rattachement du réseau à l'expérimentation de Chartreuse (la seule "
        "fiche Rezo Pouce de la démo ; en réalité le réseau est animé depuis Moissac), les "
        "autres répliques et leurs dates, les autres dates de statut, tous les chiffres "
        "partagés, les montants de l'adhésion, la stratégie, ses étapes et ses proportions, "
        "les diagnostics de maturité. Toutes les répliques sont donc marquées illustratives."
    ),
)
