"""The method of the Chartreuse case: steps and milestones, and the theory of change."""

from datetime import date

from essaim.demo.data.experiments.spec import LinkSpec, OutcomeSpec, StepSpec
from essaim.experiments.models import OutcomeLevel, StepKind, StepStatus

STEPS = (
    StepSpec(
        "cadrage",
        "Cadrage et concertation avec les communes",
        date(2018, 9, 3),
        date(2019, 1, 14),
        kind=StepKind.PHASE,
        description="Réunions dans les communes volontaires, choix des emplacements.",
        deliverables="Note de cadrage ; carte des premiers arrêts.",
    ),
    StepSpec("lancement", "Lancement public", date(2019, 1, 15), kind=StepKind.MILESTONE),
    StepSpec(
        "deploiement",
        "Déploiement des arrêts et des inscriptions",
        date(2019, 1, 15),
        date(2019, 12, 11),
        kind=StepKind.PHASE,
        deliverables="Arrêts posés ; kits d'inscription dans les mairies relais.",
    ),
    StepSpec(
        "point-etape",
        "Point d'étape : arrêt ou poursuite",
        date(2019, 12, 12),
        kind=StepKind.MILESTONE,
    ),
    StepSpec(
        "consolidation",
        "Consolidation et animation",
        date(2020, 1, 6),
        date(2020, 12, 31),
        kind=StepKind.PHASE,
        description="Arrêts déplacés, relance avec les lycées ; pause pendant la crise.",
    ),
    StepSpec(
        "enquete",
        "Enquête auprès des passagers et des conducteurs",
        date(2020, 10, 1),
        date(2020, 11, 30),
        deliverables="Synthèse de l'enquête.",
    ),
    StepSpec(
        "evaluation",
        "Évaluation finale",
        date(2021, 1, 4),
        date(2021, 2, 24),
        deliverables="Rapport d'évaluation pour le comité de pilotage.",
    ),
    StepSpec(
        "decision",
        "Décision sur la suite",
        date(2021, 2, 25),
        kind=StepKind.MILESTONE,
    ),
    StepSpec(
        "convention",
        "Convention de pérennisation avec les communes",
        date(2021, 3, 1),
        date(2021, 12, 17),
        status=StepStatus.DONE,
        deliverables="Convention signée ; plan d'animation allégé.",
    ),
)

OUTCOMES = (
    OutcomeSpec("a-arrets", OutcomeLevel.ACTIVITY, "Installer des arrêts sur le pouce"),
    OutcomeSpec(
        "a-inscriptions",
        OutcomeLevel.ACTIVITY,
        "Inscrire conducteurs et passagers",
        "En ligne ou en mairie, avec carte et autocollant.",
    ),
    OutcomeSpec(
        "a-animation",
        OutcomeLevel.ACTIVITY,
        "Animer le dispositif",
        "Permanences en mairie, stands sur les marchés, interventions dans les lycées.",
    ),
    OutcomeSpec(
        "r-reseau",
        OutcomeLevel.OUTPUT,
        "Un réseau d'arrêts signalés couvre les axes du massif",
    ),
    OutcomeSpec("r-inscrits", OutcomeLevel.OUTPUT, "Des conducteurs et des passagers inscrits"),
    OutcomeSpec(
        "e-attente",
        OutcomeLevel.SHORT_TERM,
        "Les passagers trouvent vite un conducteur",
    ),
    OutcomeSpec(
        "e-securite",
        OutcomeLevel.SHORT_TERM,
        "Les passagers se sentent en sécurité",
    ),
    OutcomeSpec(
        "e-trajets", OutcomeLevel.SHORT_TERM, "Les trajets en autostop organisé augmentent"
    ),
    OutcomeSpec(
        "m-acces",
        OutcomeLevel.MEDIUM_TERM,
        "Les habitants sans voiture accèdent aux services, à l'emploi et aux études",
    ),
    OutcomeSpec(
        "m-autosolisme",
        OutcomeLevel.MEDIUM_TERM,
        "Moins de voitures occupées par leur seul conducteur",
    ),
    OutcomeSpec(
        "impact",
        OutcomeLevel.IMPACT,
        "Une mobilité plus sobre et plus solidaire dans le massif",
    ),
)

LINKS = (
    LinkSpec(
        "a-arrets",
        "r-reseau",
        "Les arrêts rendent l'autostop visible et donnent un lieu de rendez-vous.",
        "Les communes acceptent de les poser à des endroits sûrs et visibles.",
    ),
    LinkSpec(
        "a-inscriptions",
        "r-inscrits",
        "L'inscription gratuite lève la barrière d'entrée.",
        "Les mairies relais ont le temps d'accueillir les inscriptions.",
    ),
    LinkSpec(
        "a-animation",
        "r-inscrits",
        "Les permanences et les stands font connaître le dispositif.",
        "Une présence humaine régulière pendant les deux premières années.",
    ),
    LinkSpec(
        "r-reseau",
        "e-attente",
        "Des arrêts sur les axes passants concentrent passagers et conducteurs.",
        "Les arrêts sont placés là où les voitures passent déjà.",
    ),
    LinkSpec(
        "r-inscrits",
        "e-attente",
        "Plus de conducteurs inscrits, moins d'attente.",
        "Les conducteurs inscrits s'arrêtent effectivement.",
    ),
    LinkSpec(
        "r-inscrits",
        "e-securite",
        "Conducteurs et passagers sont identifiables.",
        "La carte et l'autocollant sont connus et reconnus.",
    ),
    LinkSpec("e-attente", "e-trajets", "Une attente courte rend l'autostop fiable."),
    LinkSpec(
        "e-securite",
        "e-trajets",
        "La confiance fait monter les plus hésitants.",
        "Aucun incident ne vient casser la confiance.",
    ),
    LinkSpec(
        "e-trajets",
        "m-acces",
        "Les trajets mènent aux bourgs, aux gares et aux lycées.",
        "Les horaires des conducteurs croisent ceux des passagers.",
    ),
    LinkSpec("e-trajets", "m-autosolisme", "Chaque trajet remplit un siège vide."),
    LinkSpec("m-acces", "impact"),
    LinkSpec("m-autosolisme", "impact"),
)
