"""The evaluation of the Chartreuse case: questions, indicators with their measurements,
the learning journal and the hypothesis verdicts — all figures are illustrative."""

from datetime import date

from essaim.demo.data.experiments.rezo_pouce.names import SURVEY_DATES
from essaim.demo.data.experiments.spec import (
    EvidenceSpec,
    IndicatorSpec,
    JournalSpec,
    MeasurementSpec,
    QuestionSpec,
    VerdictSpec,
    series,
)
from essaim.evaluation.models import (
    Direction,
    EntryKind,
    EvaluationCriterion,
    Frequency,
    IndicatorKind,
    Verdict,
)

# Monthly figures, January to December.
TRIPS_2019 = [6, 11, 19, 28, 37, 45, 41, 33, 58, 71, 84, 92]
TRIPS_2020 = [88, 97, 54, 3, 12, 61, 78, 69, 104, 118, 52, 74]
REGISTRATIONS_2019 = [38, 27, 22, 19, 21, 16, 12, 9, 31, 24, 18, 14]
REGISTRATIONS_2020 = [15, 17, 8, 0, 2, 9, 11, 7, 26, 19, 5, 6]

QUESTIONS = (
    QuestionSpec(
        "pertinence",
        "Le dispositif répond-il au besoin de mobilité des habitants sans voiture ?",
        EvaluationCriterion.RELEVANCE,
    ),
    QuestionSpec(
        "efficacite",
        "Les trajets en autostop organisé se développent-ils au rythme attendu ?",
        EvaluationCriterion.EFFECTIVENESS,
    ),
    QuestionSpec(
        "durabilite",
        "Le dispositif peut-il durer avec les moyens du Parc et des communes ?",
        EvaluationCriterion.SUSTAINABILITY,
    ),
    QuestionSpec(
        "transfert",
        "À quelles conditions l'étendre aux communes voisines ?",
        EvaluationCriterion.TRANSFERABILITY,
    ),
)

INDICATORS = (
    IndicatorSpec(
        "trajets",
        "Trajets déclarés par mois",
        unit="trajets",
        baseline=0,
        baseline_date=date(2019, 1, 15),
        baseline_source="Aucun trajet organisé avant le lancement.",
        target=150,
        target_date=date(2020, 12, 31),
        verification="Export mensuel de l'outil de suivi du réseau.",
        collection="Trajets déclarés par les passagers et les conducteurs inscrits.",
        owner="Chargée de mission Transition énergétique",
        question="efficacite",
        outcome="e-trajets",
        targets=(
            (date(2019, 6, 30), 50),
            (date(2019, 12, 31), 100),
            (date(2020, 6, 30), 130),
            (date(2020, 12, 31), 150),
        ),
        measurements=series(
            date(2019, 1, 28),
            [*TRIPS_2019, *TRIPS_2020],
            comments={
                6: "Vacances d'été : moins de trajets vers les lycées.",
                8: "Rentrée scolaire.",
                14: "Confinement à partir de la mi-mars.",
                15: "Confinement.",
                22: "Nouveau confinement.",
            },
        ),
    ),
    IndicatorSpec(
        "inscriptions",
        "Nouvelles inscriptions",
        unit="personnes",
        baseline=0,
        baseline_date=date(2019, 1, 15),
        target=500,
        target_date=date(2020, 12, 31),
        cumulative=True,
        verification="Registre des inscriptions (en ligne et en mairie).",
        collection="Relevé mensuel, inscriptions en mairie comprises.",
        owner="Chargée de mission Transition énergétique",
        question="efficacite",
        outcome="r-inscrits",
        targets=((date(2019, 12, 31), 250), (date(2020, 12, 31), 500)),
        measurements=series(
            date(2019, 1, 28),
            [*REGISTRATIONS_2019, *REGISTRATIONS_2020],
            comments={8: "Stand au forum des associations.", 20: "Relance dans les lycées."},
        ),
    ),
    IndicatorSpec(
        "arrets",
        "Arrêts sur le pouce installés",
        unit="arrêts",
        baseline=0,
        baseline_date=date(2019, 1, 15),
        target=60,
        target_date=date(2020, 12, 31),
        verification="Carte des arrêts tenue par le comité technique.",
        collection="Relevé trimestriel auprès des communes.",
        frequency=Frequency.QUARTERLY,
        owner="Comité technique",
        question="pertinence",
        outcome="r-reseau",
        targets=((date(2019, 6, 30), 30), (date(2019, 12, 31), 45), (date(2020, 12, 31), 60)),
        measurements=series(
            date(2019, 3, 28),
            [18, 31, 38, 41, 52, 54, 56, 56],
            every=3,
            comments={4: "Huit arrêts déplacés, deux vallées équipées."},
        ),
    ),
    IndicatorSpec(
        "attente",
        "Temps d'attente médian déclaré",
        unit="minutes",
        baseline=20,
        baseline_date=date(2019, 1, 15),
        baseline_source="Estimation au cadrage, d'après d'autres territoires du réseau.",
        target=10,
        target_date=date(2020, 12, 31),
        direction=Direction.DECREASE,
        verification="Réponses à l'enquête trimestrielle.",
        collection="Questionnaire court remis aux passagers (papier et en ligne).",
        frequency=Frequency.QUARTERLY,
        owner="Chargée de mission Transition énergétique",
        question="pertinence",
        outcome="e-attente",
        targets=((date(2019, 12, 31), 12), (date(2020, 12, 31), 10)),
        measurements=tuple(
            MeasurementSpec(day, value=value, comment=comment)
            for day, value, comment in zip(
                SURVEY_DATES,
                [18, 14, 13, 11, 10, 9, 9],
                [
                    "",
                    "",
                    "",
                    "",
                    "Enquête avancée avant le confinement.",
                    "Pas d'enquête au printemps : crise sanitaire.",
                    "",
                ],
                strict=True,
            )
        ),
    ),
    IndicatorSpec(
        "securite",
        "Sentiment de sécurité des passagers",
        kind=IndicatorKind.QUALITATIVE,
        scale=("très faible", "faible", "moyen", "bon", "très bon"),
        verification="Réponses à l'enquête trimestrielle ; entretiens.",
        collection="Question sur une échelle en cinq niveaux ; niveau le plus cité.",
        frequency=Frequency.QUARTERLY,
        owner="Chargée de mission Transition énergétique",
        question="pertinence",
        outcome="e-securite",
        measurements=tuple(
            MeasurementSpec(day, level=level)
            for day, level in zip(SURVEY_DATES, [2, 2, 3, 3, 3, 3, 3], strict=True)
        ),
    ),
    IndicatorSpec(
        "communes",
        "Communes participantes prêtes à cofinancer la suite",
        unit="%",
        baseline=0,
        baseline_date=date(2019, 1, 15),
        target=67,
        target_date=date(2021, 2, 25),
        verification="Courriers d'engagement des communes.",
        collection="Entretiens avec les maires à mi-parcours et en fin d'expérimentation.",
        frequency=Frequency.ONCE,
        owner="Élu référent mobilité du Parc",
        question="durabilite",
        measurements=(
            MeasurementSpec(date(2019, 12, 10), value=40, comment="Entretiens de mi-parcours."),
            MeasurementSpec(date(2021, 2, 15), value=75, comment="Entretiens de fin."),
        ),
    ),
)

JOURNAL = (
    JournalSpec(
        "premiers-inscrits",
        date(2019, 3, 29),
        EntryKind.OBSERVATION,
        "Les premiers inscrits : des lycéens et des retraités",
        "Sur les trois premiers mois, les inscriptions en mairie viennent surtout de "
        "lycéens et de retraités ; les actifs s'inscrivent plutôt en ligne.",
        "Les deux modes d'inscription touchent des publics différents.",
        "Les mairies relais gardent des kits d'inscription en stock.",
        hypothesis="h2",
        indicator="inscriptions",
    ),
    JournalSpec(
        "non-inscrits",
        date(2019, 5, 21),
        EntryKind.SURPRISE,
        "Des conducteurs s'arrêtent sans être inscrits",
        "Plusieurs passagers racontent avoir été pris par des conducteurs non inscrits qui "
        "avaient reconnu l'arrêt.",
        "L'arrêt signalé agit aussi sur les conducteurs hors du dispositif : les trajets "
        "déclarés sous-estiment l'usage réel.",
        "L'enquête demande désormais si le conducteur était inscrit.",
        hypothesis="h1",
        indicator="trajets",
    ),
    JournalSpec(
        "vallees",
        date(2019, 9, 30),
        EntryKind.FAILURE,
        "Les arrêts des petites vallées restent vides",
        "Sur douze arrêts des petites vallées, huit n'ont aucun trajet déclaré depuis le "
        "printemps.",
        "Un arrêt ne crée pas le passage : il faut le placer là où des voitures passent "
        "déjà, près d'un commerce ou d'un arrêt de car.",
        "Proposition au comité de pilotage de déplacer ces arrêts.",
        hypothesis="h1",
        step="deploiement",
        indicator="arrets",
        highlight=True,
    ),
    JournalSpec(
        "deplacement",
        date(2019, 12, 16),
        EntryKind.ADAPTATION,
        "Huit arrêts déplacés, deux vallées équipées à leur demande",
        "Après le point d'étape, huit arrêts sont déplacés avec les communes ; deux vallées "
        "demandent à être équipées.",
        "Les communes connaissent les passages : leur avis sur les emplacements est décisif.",
        "Chaque nouvel emplacement est validé sur place avec la commune.",
        step="point-etape",
        indicator="arrets",
    ),
    JournalSpec(
        "crise",
        date(2020, 4, 6),
        EntryKind.SURPRISE,
        "La crise sanitaire met l'autostop à l'arrêt",
        "Avec le confinement, les trajets déclarés tombent à quelques unités par mois ; "
        "l'animation est suspendue.",
        "Le dispositif repose sur la confiance entre inconnus : elle se reconstruit "
        "lentement après une crise.",
        "Message de prudence aux inscrits ; relance reportée à la rentrée.",
        indicator="trajets",
        highlight=True,
    ),
    JournalSpec(
        "lycees",
        date(2020, 9, 15),
        EntryKind.ADAPTATION,
        "Relance avec les lycées à la rentrée",
        "Interventions dans les lycées et stand sur deux marchés ; les inscriptions repartent.",
        "Les lycéens sont le public le plus réceptif ; ils entraînent parfois leurs parents "
        "comme conducteurs.",
        "Les interventions dans les lycées deviennent un rendez-vous de chaque rentrée.",
        step="consolidation",
        indicator="inscriptions",
    ),
    JournalSpec(
        "objectif-inscriptions",
        date(2020, 12, 15),
        EntryKind.FAILURE,
        "L'objectif d'inscriptions ne sera pas atteint",
        "Fin 2020, 376 inscriptions pour 500 visées ; les mois de confinement n'expliquent "
        "qu'une partie de l'écart.",
        "L'objectif avait été fixé sans distinguer passagers et conducteurs ; ce sont les "
        "conducteurs qui manquent le plus.",
        "Pour la suite : un objectif de conducteurs inscrits, suivi à part.",
        hypothesis="h2",
        indicator="inscriptions",
        highlight=True,
    ),
    JournalSpec(
        "enquete",
        date(2020, 12, 10),
        EntryKind.OBSERVATION,
        "Enquête auprès des passagers : attente et sécurité",
        "Les passagers interrogés citent une attente médiane de neuf minutes et jugent "
        "majoritairement leur sécurité « bonne ».",
        "La carte et l'autocollant rassurent, surtout les plus âgés ; l'attente est plus "
        "longue le week-end.",
        "Les résultats sont repris dans le rapport d'évaluation.",
        hypothesis="h3",
        step="enquete",
        indicator="securite",
        highlight=True,
        evidence=EvidenceSpec(
            "synthese-enquete-passagers.csv",
            "Synthèse de l'enquête (exemple illustratif)",
            "question;réponse la plus citée\n"
            "Temps d'attente;9 minutes\n"
            "Sentiment de sécurité;bon\n"
            "Exemple illustratif : données inventées pour la démonstration.\n",
        ),
    ),
)

VERDICTS = (
    VerdictSpec(
        "h1",
        Verdict.TO_REFINE,
        date(2021, 2, 10),
        "Attente médiane de neuf minutes en fin d'expérimentation sur les axes principaux ; "
        "les arrêts des petites vallées restent peu utilisés. L'hypothèse tient là où des "
        "voitures passent déjà.",
        measurements=(("attente", date(2020, 12, 28)), ("trajets", date(2020, 10, 28))),
        journal=("vallees", "deplacement"),
    ),
    VerdictSpec(
        "h2",
        Verdict.REFUTED,
        date(2021, 2, 10),
        "376 inscriptions à fin 2020 pour 500 visées. La simplicité de l'inscription ne "
        "suffit pas : il faut aller chercher les conducteurs.",
        measurements=(("inscriptions", date(2020, 12, 28)),),
        journal=("objectif-inscriptions", "premiers-inscrits"),
    ),
    VerdictSpec(
        "h3",
        Verdict.CONFIRMED,
        date(2021, 2, 10),
        "Le sentiment de sécurité atteint « bon » dès la fin de 2019 et s'y maintient ; "
        "aucun incident signalé.",
        measurements=(("securite", date(2020, 12, 28)),),
        journal=("enquete",),
    ),
)
