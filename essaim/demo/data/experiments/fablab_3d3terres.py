"""3D.3TERRES: local development around a ceramic 3D printer, carried by the 8 Fablab in Crest —
an experiment under evaluation.

Public facts: the case was presented by the director of the 8 Fablab (Crest) at Cap Rural's
webconferences of 2020. The calendar, figures, meetings, journal and decisions are
illustrative.
"""

from datetime import date, datetime

from essaim.demo.data.experiments.spec import (
    BodySpec,
    CaseSpec,
    CriterionSpec,
    Decide,
    FundingSpec,
    HypothesisSpec,
    IndicatorSpec,
    JournalSpec,
    LoggedDecisionSpec,
    MeetingSpec,
    MemberSpec,
    Move,
    PartnerSpec,
    QuestionSpec,
    RiskSpec,
    StepSpec,
    VerdictSpec,
    levels,
    series,
)
from essaim.evaluation.models import (
    EntryKind,
    EvaluationCriterion,
    Frequency,
    IndicatorKind,
    Verdict,
)
from essaim.experiments.models import (
    Assessment,
    DecisionKind,
    FundingKind,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    PartnerRole,
    PurposeType,
    RiskStatus,
    Stage,
    StepKind,
    StepStatus,
)
from essaim.governance.models import BodyKind

FABLAB = "8 Fablab"
CC_CREST = "CC du Crestois et de Pays de Saillans Cœur de Drôme"

# Monthly hours of use, October to September.
HOURS_FIRST_YEAR = [4, 9, 6, 12, 15, 21, 18, 24, 27, 14, 19, 46]
HOURS_SECOND_YEAR = [38, 41, 29, 44, 47, 52, 49, 55, 51, 33, 40, 58]

CASE = CaseSpec(
    title="3D.3TERRES : une imprimante 3D céramique pour le développement local",
    theme="numerique",
    carrier=FABLAB,
    territories=(CC_CREST,),
    summary=(
        "Impulser une dynamique de développement local à partir de l'introduction d'une "
        "imprimante 3D céramique au 8 Fablab de Crest : faire se rencontrer autour d'une "
        "machine des artisans, des habitants, des étudiants et des entreprises. Cas présenté par "
        "la directrice du 8 Fablab lors des webconférences de Cap Rural en 2020.\n\n"
        "Le calendrier, les chiffres, les réunions et les décisions sont des exemples "
        "illustratifs."
    ),
    framing={
        "need": (
            "Les savoir-faire céramiques et la fabrication numérique se côtoient sur le "
            "territoire sans se rencontrer ; les artisans n'ont pas accès à des outils de "
            "prototypage qu'ils ne peuvent pas acheter seuls."
        ),
        "need_origins": [NeedOrigin.ECONOMIC],
        "purposes": (
            "Créer des coopérations nouvelles entre artisans, habitants et entreprises autour "
            "d'un outil partagé ; faire naître des projets économiques locaux."
        ),
        "purpose_type": PurposeType.LEARN_TOGETHER,
        "object_type": ObjectType.TOOL,
        "nature": Nature.EXPERIMENTATION,
        "target_public": (
            "Artisans céramistes et potiers, designers, habitants curieux, étudiants, petites "
            "entreprises du territoire."
        ),
        "start_date": date(2024, 10, 1),
        "end_date": date(2026, 9, 30),
        "success_conditions": (
            "Une personne formée pour accompagner les usagers ; des créneaux réservés aux "
            "artisans ; des rencontres régulières entre usagers."
        ),
        "evaluation_method": (
            "Cahier de réservation de la machine, recensement des projets communs chaque "
            "trimestre, entretiens avec les usagers au bout d'un an et en fin d'expérimentation."
        ),
        "possible_failures": (
            "La machine reste un objet de curiosité sans usage professionnel ; les pannes "
            "découragent les usagers."
        ),
        "reversibility": (
            "La machine peut être revendue ou prêtée à un autre lieu ; les créneaux se "
            "réorganisent librement."
        ),
        "failure_lessons": (
            "Comprendre ce qui fait qu'un outil partagé crée ou non des coopérations."
        ),
        "public_actors": (
            "La communauté de communes suit le projet au titre du développement économique."
        ),
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si l'imprimante céramique est accessible avec un accompagnement, alors des "
            "artisans et des habitants qui ne fréquentaient pas le fablab viennent y travailler.",
        ),
        HypothesisSpec(
            "h2",
            "Si les usagers se rencontrent autour de la machine, alors des projets communs "
            "naissent entre acteurs qui ne coopéraient pas.",
        ),
    ),
    fundings=(
        FundingSpec(FABLAB, FundingKind.OWN, 12000, note="Montant illustratif."),
        FundingSpec(CC_CREST, FundingKind.PUBLIC, 15000, note="Montant illustratif."),
        FundingSpec(
            "Mécénat d'entreprises locales",
            FundingKind.PRIVATE,
            6000,
            secured=False,
            note="Exemple illustratif.",
        ),
    ),
    partners=(
        PartnerSpec(FABLAB, PartnerRole.CARRIER, "Accueil, accompagnement, machine."),
        PartnerSpec(CC_CREST, PartnerRole.INSTITUTION, "Suivi au titre du développement local."),
    ),
    criteria=(
        CriterionSpec(
            "c1",
            "Usage de la machine",
            "au moins 40 heures par mois au bout d'un an",
            date(2025, 10, 16),
        ),
        CriterionSpec(
            "c2",
            "Projets communs",
            "au moins 5 projets associant deux structures ou plus",
            date(2026, 11, 30),
        ),
    ),
    risks=(
        RiskSpec(
            "Pannes répétées de la machine",
            likelihood=2,
            impact=2,
            mitigation="Contrat de maintenance ; deux bénévoles formés au dépannage.",
            owner="Fabmanager",
            status=RiskStatus.MATERIALISED,
        ),
        RiskSpec(
            "Usage de curiosité sans suite professionnelle",
            likelihood=2,
            impact=2,
            mitigation="Créneaux réservés aux artisans ; accompagnement de projets.",
            owner="Directrice du fablab",
            right_to_error=True,
        ),
    ),
    steps=(
        StepSpec(
            "installation",
            "Installation et prise en main de la machine",
            date(2024, 10, 1),
            date(2024, 12, 20),
            kind=StepKind.PHASE,
        ),
        StepSpec(
            "ouverture",
            "Ouverture aux artisans et aux habitants",
            date(2025, 1, 6),
            date(2026, 9, 30),
            kind=StepKind.PHASE,
        ),
        StepSpec("point", "Point d'étape à un an", date(2025, 10, 16), kind=StepKind.MILESTONE),
        StepSpec(
            "evaluation",
            "Entretiens d'évaluation avec les usagers",
            date(2026, 10, 1),
            date(2026, 11, 20),
            status=StepStatus.IN_PROGRESS,
            deliverables="Synthèse des entretiens ; rapport d'évaluation.",
        ),
        StepSpec(
            "decision",
            "Comité de décision",
            date(2026, 11, 30),
            kind=StepKind.MILESTONE,
            status=StepStatus.PLANNED,
        ),
    ),
    bodies=(
        BodySpec(
            "copil",
            BodyKind.STEERING,
            "Comité de pilotage",
            members=(
                MemberSpec(
                    "directrice", "directrice", person="Maryline Chasles", organisation=FABLAB
                ),
                MemberSpec(
                    "cc", "membre", name="Chargé de développement économique", organisation=CC_CREST
                ),
                MemberSpec("artisans", "membre", name="Représentante des artisans céramistes"),
            ),
            meetings=(
                MeetingSpec(
                    "copil-point",
                    datetime(2025, 10, 16, 18, 0),
                    "1. Une année d'usage\n2. Critère d'arrêt ou de poursuite",
                    "46 heures d'usage en septembre ; poursuite décidée.",
                    place="8 Fablab, Crest",
                ),
                MeetingSpec(
                    "copil-decision",
                    datetime(2026, 11, 30, 18, 0),
                    "1. Rapport d'évaluation\n2. Décision sur la suite",
                    place="8 Fablab, Crest",
                ),
            ),
        ),
        BodySpec(
            "usagers",
            BodyKind.OTHER,
            "Rencontres des usagers",
            "Partager les projets, repérer les coopérations possibles.",
            members=(
                MemberSpec("animation", "animation", name="Fabmanager du 8 Fablab"),
                MemberSpec("artisans", "membre", name="Artisans usagers de la machine"),
            ),
            meetings=(
                MeetingSpec(
                    "rencontre-1",
                    datetime(2025, 3, 20, 18, 30),
                    "Présentation des premiers projets",
                    "Une potière et un designer décident de travailler ensemble.",
                    place="8 Fablab, Crest",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "copil",
            date(2025, 10, 16),
            "Créneaux réservés aux artisans",
            "Deux demi-journées par semaine réservées aux usages professionnels.",
            options="Accès libre pour tous ; créneaux réservés.",
            rationale="Les artisans renonçaient faute de créneaux prévisibles.",
            meeting="copil-point",
        ),
    ),
    questions=(
        QuestionSpec(
            "cooperation",
            "L'outil partagé a-t-il fait naître des coopérations durables ?",
            EvaluationCriterion.IMPACT,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "heures",
            "Heures d'utilisation de la machine",
            unit="heures",
            baseline=0,
            baseline_date=date(2024, 10, 1),
            target=40,
            target_date=date(2025, 10, 1),
            verification="Cahier de réservation.",
            owner="Fabmanager",
            targets=((date(2025, 4, 1), 20), (date(2025, 10, 1), 40)),
            measurements=series(
                date(2024, 10, 28),
                [*HOURS_FIRST_YEAR, *HOURS_SECOND_YEAR],
                comments={9: "Machine en panne trois semaines."},
            ),
        ),
        IndicatorSpec(
            "projets",
            "Projets communs engagés",
            unit="projets",
            baseline=0,
            baseline_date=date(2024, 10, 1),
            target=5,
            target_date=date(2026, 9, 30),
            cumulative=True,
            frequency=Frequency.QUARTERLY,
            question="cooperation",
            owner="Directrice du fablab",
            measurements=series(date(2024, 12, 28), [0, 1, 0, 1, 1, 0, 2, 1], every=3),
        ),
        IndicatorSpec(
            "cooperations",
            "Intensité des coopérations entre acteurs",
            kind=IndicatorKind.QUALITATIVE,
            scale=("aucune", "ponctuelle", "régulière", "structurée"),
            frequency=Frequency.HALF_YEARLY,
            question="cooperation",
            verification="Entretiens avec les usagers.",
            measurements=levels(date(2025, 3, 28), [0, 1, 1, 2], every=6),
        ),
    ),
    journal=(
        JournalSpec(
            "curieux",
            date(2024, 11, 28),
            EntryKind.OBSERVATION,
            "Beaucoup de curieux, peu d'artisans",
            "Les premières séances attirent surtout des habitants curieux de voir la machine.",
            "La curiosité est une porte d'entrée, pas un usage.",
            hypothesis="h1",
        ),
        JournalSpec(
            "designer",
            date(2025, 3, 21),
            EntryKind.SURPRISE,
            "Une potière et un designer s'associent",
            "À la première rencontre des usagers, deux personnes qui ne se connaissaient pas "
            "décident de prototyper ensemble une petite série.",
            "Les rencontres font plus pour la coopération que la machine elle-même.",
            "Les rencontres deviennent trimestrielles.",
            hypothesis="h2",
            highlight=True,
        ),
        JournalSpec(
            "panne",
            date(2025, 7, 30),
            EntryKind.FAILURE,
            "Trois semaines de panne en juillet",
            "Une pièce a manqué ; les usagers ont reporté leurs projets.",
            "Une machine unique est un point de fragilité.",
            indicator="heures",
        ),
        JournalSpec(
            "creneaux",
            date(2025, 10, 20),
            EntryKind.ADAPTATION,
            "Créneaux réservés aux artisans",
            "Deux demi-journées par semaine sont désormais réservées aux usages professionnels.",
            "Les artisans ont besoin de créneaux prévisibles.",
            step="ouverture",
            indicator="heures",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.CONFIRMED,
            date(2026, 10, 20),
            "Plus de 40 heures d'usage par mois depuis l'automne 2025, dont une part croissante "
            "d'artisans qui ne venaient pas au fablab.",
            measurements=(("heures", date(2026, 9, 28)),),
            journal=("creneaux",),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING, "machine installée"),
        Decide(
            DecisionKind.CONTINUE,
            date(2025, 10, 16),
            "Le seuil d'usage est atteint ; on poursuit avec des créneaux réservés aux artisans.",
            meeting="copil-point",
            assessments={"c1": (Assessment.MET, "46 heures en septembre 2025.")},
        ),
        Move(Stage.EVALUATION, "fin de la période d'expérimentation"),
    ),
)
