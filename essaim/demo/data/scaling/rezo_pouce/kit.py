"""The kit and the strategy of the case, with its plan."""

from datetime import date
from decimal import Decimal

from essaim.demo.data.experiments.rezo_pouce.names import CHARGEE_DE_MISSION
from essaim.demo.data.scaling.spec import (
    KitItemSpec,
    KitSpec,
    StepSpec,
    StrategySpec,
)
from essaim.scaling.models import (
    CharterKind,
    KitItemKind,
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
)

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
