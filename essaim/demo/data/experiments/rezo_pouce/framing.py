"""The framing of the Chartreuse case: need, type, hypotheses, budget, partners, stop/go
criteria and risks. Budget amounts are illustrative."""

from datetime import date

from essaim.demo.data.experiments.rezo_pouce.names import PARC
from essaim.demo.data.experiments.spec import (
    CriterionSpec,
    FundingSpec,
    HypothesisSpec,
    PartnerSpec,
    RiskSpec,
)
from essaim.experiments.models import (
    FundingKind,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    PartnerRole,
    PurposeType,
    RiskStatus,
)

FRAMING = {
    "need": (
        "Dans le massif, la plupart des trajets du quotidien se font seul en voiture. Les "
        "habitants sans voiture ou sans permis — lycéens, apprentis, personnes âgées, "
        "personnes en recherche d'emploi — dépendent de cars peu fréquents pour rejoindre les "
        "bourgs, les services, les gares et leur lieu de travail ou d'études."
    ),
    "need_origins": [NeedOrigin.ENERGY, NeedOrigin.SOCIAL, NeedOrigin.UNMET_NEED],
    "need_origin_detail": (
        "Démarche conduite au titre de la transition énergétique du Parc : réduire les "
        "trajets en voiture individuelle tout en répondant à un besoin de mobilité non "
        "satisfait dans les communes peu desservies."
    ),
    "purposes": (
        "Offrir aux habitants sans voiture une solution de déplacement simple, gratuite et "
        "sûre ; remplir les sièges vides des voitures qui circulent déjà ; créer du lien "
        "entre habitants du massif."
    ),
    "purpose_type": PurposeType.TEST_SOLUTION,
    "object_type": ObjectType.SERVICE,
    "nature": Nature.EXPERIMENTATION,
    "target_public": (
        "Passagers : habitants sans voiture ou sans permis (lycéens, apprentis, personnes "
        "âgées, personnes en insertion). Conducteurs : habitants qui font chaque jour les "
        "trajets vers les bourgs-centres et les vallées."
    ),
    "start_date": date(2019, 1, 15),
    "end_date": date(2020, 12, 31),
    "success_conditions": (
        "Des communes volontaires qui installent les arrêts et relaient les inscriptions en "
        "mairie ; assez de conducteurs inscrits pour que l'attente reste courte ; des arrêts "
        "placés là où les voitures passent déjà ; une animation régulière pendant les deux "
        "premières années."
    ),
    "evaluation_method": (
        "Décidée en comité de pilotage avant le lancement : suivi mensuel des inscriptions "
        "et des trajets déclarés (outil de suivi du réseau Rezo Pouce), relevé trimestriel "
        "des arrêts installés, enquête courte chaque trimestre auprès des passagers (temps "
        "d'attente, sentiment de sécurité), entretiens avec les communes à mi-parcours et à "
        "la fin. Un point d'étape avec décision d'arrêt ou de poursuite au bout d'un an."
    ),
    "possible_failures": (
        "Trop peu de conducteurs pour les passagers ; des arrêts placés là où personne ne "
        "passe ; une méfiance envers l'autostop, surtout chez les plus âgés ; un événement "
        "extérieur qui interrompt les trajets."
    ),
    "reversibility": (
        "Tout est réversible à faible coût : les arrêts sont des panneaux légers que les "
        "communes peuvent déplacer ou retirer ; l'inscription est gratuite et sans "
        "engagement ; le Parc peut cesser l'animation à chaque point d'étape."
    ),
    "failure_lessons": (
        "Un échec dirait où l'autostop organisé ne prend pas (quelles vallées, quels "
        "publics) et pourquoi ; ces enseignements serviraient au Parc pour d'autres solutions "
        "de mobilité partagée et aux autres territoires du réseau."
    ),
    "public_actors": (
        "Le Parc porte et anime ; les communes participantes installent les arrêts et "
        "accueillent les inscriptions en mairie ; l'autorité organisatrice des mobilités est "
        "informée pour articuler l'autostop avec les lignes de car ; les lycées relaient "
        "auprès des élèves. Le cas a été présenté aux acteurs du développement local lors "
        "des webconférences de Cap Rural en 2020."
    ),
    "legal_basis": LegalBasis.NONE,
    "legal_reference": "",
}

HYPOTHESES = (
    HypothesisSpec(
        "h1",
        "Si des arrêts signalés sont installés dans chaque commune participante, alors un "
        "passager trouve un conducteur en moins de dix minutes aux heures de déplacement "
        "habituelles.",
        "Retours d'expérience d'autres territoires du réseau Rezo Pouce.",
    ),
    HypothesisSpec(
        "h2",
        "Si l'inscription est simple et gratuite, en ligne ou en mairie, alors au moins "
        "500 habitants s'inscrivent en deux ans.",
        "Objectif fixé au cadrage d'après la population des communes participantes.",
    ),
    HypothesisSpec(
        "h3",
        "Si conducteurs et passagers sont inscrits et identifiables, alors les jeunes et les "
        "personnes âgées se sentent en sécurité pour monter à bord.",
        "La méfiance envers l'autostop est le premier frein cité lors de la concertation.",
    ),
)

FUNDINGS = (
    FundingSpec(
        "Financeur public — appel à projets mobilités rurales",
        FundingKind.PUBLIC,
        24000,
        note="Montant illustratif.",
    ),
    FundingSpec(
        PARC,
        FundingKind.OWN,
        18000,
        note="Temps d'animation et communication (montant illustratif).",
    ),
    FundingSpec(
        "Communes participantes",
        FundingKind.IN_KIND,
        9000,
        note="Pose des arrêts par les services techniques (valorisation illustrative).",
    ),
)

PARTNERS = (
    PartnerSpec(PARC, PartnerRole.CARRIER, "Porte le projet, l'anime et l'évalue."),
    PartnerSpec(
        "Rezo Pouce",
        PartnerRole.TECHNICAL,
        "Méthode, outils d'inscription et de suivi, signalétique des arrêts, expérience du "
        "réseau né à Moissac en 2010.",
    ),
    PartnerSpec(
        "Cap Rural",
        PartnerRole.OTHER,
        "Partage de l'expérience lors des webconférences sur l'innovation sociale et "
        "territoriale (juin et juillet 2020).",
    ),
)

CRITERIA = (
    CriterionSpec(
        "c1",
        "Trajets déclarés au bout d'un an",
        "au moins 100 trajets par mois en décembre 2019",
        date(2019, 12, 12),
    ),
    CriterionSpec(
        "c2", "Inscriptions la première année", "au moins 250 inscrits", date(2019, 12, 12)
    ),
    CriterionSpec(
        "c3",
        "Trajets déclarés en fin d'expérimentation",
        "au moins 150 trajets par mois",
        date(2021, 2, 25),
    ),
    CriterionSpec(
        "c4",
        "Engagement des communes pour la suite",
        "au moins deux communes sur trois prêtes à cofinancer",
        date(2021, 2, 25),
    ),
)

RISKS = (
    RiskSpec(
        "Trop peu de conducteurs inscrits pour répondre aux demandes",
        likelihood=2,
        impact=3,
        mitigation="Animation ciblée des conducteurs (marchés, entreprises) ; suivi mensuel.",
        owner="Chargée de mission Transition énergétique",
        status=RiskStatus.CLOSED,
    ),
    RiskSpec(
        "Incident lors d'un trajet, ou sentiment d'insécurité des passagers",
        likelihood=1,
        impact=3,
        mitigation=(
            "Inscription avec pièce d'identité, carte et autocollant, charte de bonne "
            "conduite, contact joignable."
        ),
        owner="Parc et Rezo Pouce",
    ),
    RiskSpec(
        "Arrêts installés mais peu utilisés dans les petites vallées",
        likelihood=3,
        impact=1,
        mitigation="Emplacements revus avec les communes au point d'étape.",
        owner="Comité technique",
        right_to_error=True,
        status=RiskStatus.MATERIALISED,
    ),
    RiskSpec(
        "Interruption des trajets par un événement extérieur",
        likelihood=1,
        impact=2,
        mitigation="Message aux inscrits, relance planifiée dès la reprise.",
        owner="Chargée de mission Transition énergétique",
        right_to_error=True,
        status=RiskStatus.MATERIALISED,
    ),
)
