"""Terres de Sources: experimenting the scaling of a local label that protects water, carried by
Eau du Bassin Rennais — an experiment awaiting its decision.

Public facts: « Terres de sources, un label local qui protège l'eau » and « expérimenter le
changement d'échelle d'un label local pour protéger l'eau » were presented by Eau du Bassin
Rennais Collectivité at Cap Rural's webconferences of 2020 and 2021. The calendar, figures,
meetings, journal and decisions are illustrative.
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
    Stage,
    StepKind,
    StepStatus,
)
from essaim.governance.models import BodyKind

EAU = "Eau du Bassin Rennais Collectivité"

CASE = CaseSpec(
    title="Terres de Sources : le changement d'échelle d'un label local qui protège l'eau",
    theme="eau",
    carrier=EAU,
    territories=("Bassin rennais",),
    summary=(
        "Terres de Sources est un label local qui protège l'eau, porté par Eau du Bassin "
        "Rennais Collectivité. Cette expérimentation teste son changement d'échelle : plus de "
        "producteurs engagés, plus de débouchés, un territoire plus étendu. Cas présenté lors "
        "des webconférences de Cap Rural de 2020 et 2021.\n\n"
        "Le calendrier, les chiffres, les réunions et les décisions sont des exemples "
        "illustratifs."
    ),
    framing={
        "need": (
            "Protéger durablement la ressource en eau potable suppose que les pratiques "
            "agricoles favorables à l'eau soient économiquement tenables pour les producteurs "
            "des bassins d'alimentation."
        ),
        "need_origins": [NeedOrigin.ECOLOGICAL, NeedOrigin.ECONOMIC],
        "purposes": (
            "Étendre le label à davantage de producteurs et de débouchés ; vérifier que le "
            "modèle tient à une échelle plus large sans perdre son exigence."
        ),
        "purpose_type": PurposeType.TEST_SOLUTION,
        "object_type": ObjectType.TOOL,
        "nature": Nature.EXPERIMENTATION,
        "target_public": (
            "Producteurs des bassins d'alimentation en eau ; restauration collective, commerces "
            "et habitants du bassin rennais."
        ),
        "start_date": date(2021, 1, 4),
        "end_date": date(2025, 12, 31),
        "success_conditions": (
            "Un cahier des charges lisible ; des débouchés réguliers pour les producteurs "
            "labellisés ; un suivi des pratiques crédible."
        ),
        "evaluation_method": (
            "Relevé trimestriel des producteurs engagés et des débouchés ; bilan annuel des "
            "surfaces engagées ; enquête de notoriété annuelle ; évaluation finale en 2026."
        ),
        "possible_failures": (
            "Des débouchés insuffisants pour les nouveaux producteurs ; un label qui se dilue "
            "en grandissant."
        ),
        "reversibility": (
            "L'extension se fait par étapes ; le périmètre peut revenir au bassin d'origine."
        ),
        "failure_lessons": "Les limites de taille d'un label local.",
        "public_actors": (
            "La collectivité de l'eau porte le label ; les collectivités du bassin sont "
            "associées comme acheteurs pour la restauration collective."
        ),
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si les débouchés en restauration collective s'ouvrent, alors de nouveaux "
            "producteurs s'engagent dans le label.",
        ),
        HypothesisSpec(
            "h2",
            "Si le label s'étend à un territoire plus large, alors il garde sa notoriété "
            "auprès des habitants.",
        ),
    ),
    fundings=(
        FundingSpec(EAU, FundingKind.OWN, 120000, note="Sur cinq ans (montant illustratif)."),
    ),
    partners=(PartnerSpec(EAU, PartnerRole.CARRIER, "Porte le label et son animation."),),
    criteria=(
        CriterionSpec(
            "c1", "Producteurs engagés", "au moins 40 producteurs fin 2023", date(2023, 6, 30)
        ),
        CriterionSpec(
            "c2", "Débouchés", "au moins 60 points de vente ou restaurants", date(2026, 12, 8)
        ),
    ),
    risks=(
        RiskSpec(
            "Débouchés insuffisants pour les nouveaux producteurs",
            likelihood=2,
            impact=3,
            mitigation="Prospection de la restauration collective avant chaque extension.",
            owner="Pôle Protection des Ressources",
        ),
    ),
    steps=(
        StepSpec(
            "extension",
            "Extension à de nouveaux producteurs",
            date(2021, 1, 4),
            date(2025, 12, 31),
            kind=StepKind.PHASE,
        ),
        StepSpec("mi-parcours", "Point d'étape", date(2023, 6, 30), kind=StepKind.MILESTONE),
        StepSpec(
            "evaluation",
            "Évaluation finale",
            date(2026, 1, 5),
            date(2026, 9, 30),
            deliverables="Rapport d'évaluation.",
        ),
        StepSpec(
            "decision",
            "Comité de décision",
            date(2026, 12, 8),
            kind=StepKind.MILESTONE,
            status=StepStatus.PLANNED,
        ),
    ),
    bodies=(
        BodySpec(
            "copil",
            BodyKind.STEERING,
            "Comité de pilotage du label",
            members=(
                MemberSpec("president", "président", name="Élu référent de la collectivité"),
                MemberSpec(
                    "chef",
                    "chargé de projets, Pôle Protection des Ressources",
                    person="Daniel Helle",
                    organisation=EAU,
                ),
                MemberSpec("producteurs", "membre", name="Représentants des producteurs"),
                MemberSpec(
                    "acheteurs", "membre", name="Représentant de la restauration collective"
                ),
            ),
            meetings=(
                MeetingSpec(
                    "mi-parcours",
                    datetime(2023, 6, 30, 14, 0),
                    "1. Producteurs et débouchés\n2. Critère du point d'étape",
                    "Seuil de producteurs atteint ; poursuite.",
                    place="Rennes",
                ),
                MeetingSpec(
                    "decision",
                    datetime(2026, 12, 8, 14, 0),
                    "1. Rapport d'évaluation\n2. Examen des critères\n3. Décision sur "
                    "l'extension du périmètre",
                    place="Rennes",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "copil",
            date(2023, 6, 30),
            "Rythme d'extension",
            "Étendre le label par vagues, après avoir trouvé des débouchés.",
            options="Ouvrir d'un coup à tout le territoire ; étendre par vagues.",
            rationale="Un producteur sans débouché quitte le label.",
            meeting="mi-parcours",
        ),
    ),
    questions=(
        QuestionSpec(
            "tenue",
            "Le label garde-t-il son exigence et sa notoriété en grandissant ?",
            EvaluationCriterion.SUSTAINABILITY,
        ),
        QuestionSpec(
            "transfert",
            "À quelles conditions d'autres collectivités de l'eau pourraient-elles s'en inspirer ?",
            EvaluationCriterion.TRANSFERABILITY,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "producteurs",
            "Producteurs engagés dans le label",
            unit="producteurs",
            baseline=12,
            baseline_date=date(2021, 1, 4),
            target=60,
            target_date=date(2025, 12, 31),
            frequency=Frequency.QUARTERLY,
            verification="Liste des producteurs labellisés.",
            owner="Pôle Protection des Ressources",
            targets=((date(2023, 6, 30), 40), (date(2025, 12, 31), 60)),
            measurements=series(
                date(2021, 3, 28),
                [14, 17, 19, 22, 26, 29, 33, 35, 38, 41, 43, 44, 46, 49, 50, 51, 53, 55, 56, 57],
                every=3,
            ),
        ),
        IndicatorSpec(
            "debouches",
            "Points de vente et restaurants collectifs proposant des produits labellisés",
            unit="débouchés",
            baseline=8,
            baseline_date=date(2021, 1, 4),
            target=60,
            target_date=date(2025, 12, 31),
            frequency=Frequency.QUARTERLY,
            question="tenue",
            measurements=series(
                date(2021, 3, 28),
                [9, 11, 14, 16, 19, 22, 24, 27, 29, 31, 34, 36, 37, 39, 40, 42, 43, 44, 46, 47],
                every=3,
            ),
        ),
        IndicatorSpec(
            "notoriete",
            "Notoriété du label auprès des habitants",
            kind=IndicatorKind.QUALITATIVE,
            scale=("inconnu", "peu connu", "connu", "bien connu"),
            frequency=Frequency.YEARLY,
            question="tenue",
            verification="Enquête annuelle auprès des habitants.",
            measurements=levels(date(2021, 11, 28), [1, 1, 2, 2, 2], every=12),
        ),
    ),
    journal=(
        JournalSpec(
            "cantines",
            date(2021, 10, 12),
            EntryKind.OBSERVATION,
            "La restauration collective tire l'engagement des producteurs",
            "Les producteurs qui rejoignent le label citent d'abord les débouchés en "
            "restauration collective.",
            "Le débouché précède l'engagement.",
            hypothesis="h1",
            indicator="producteurs",
        ),
        JournalSpec(
            "volumes",
            date(2022, 9, 6),
            EntryKind.SURPRISE,
            "Des acheteurs demandent plus que ce qui est produit",
            "Certains restaurants collectifs voudraient des volumes que les producteurs "
            "labellisés ne peuvent pas fournir.",
            "La demande peut devancer l'offre : il faut planifier ensemble.",
            indicator="debouches",
        ),
        JournalSpec(
            "nouveaux",
            date(2024, 5, 14),
            EntryKind.FAILURE,
            "Des producteurs quittent le label faute de débouchés proches",
            "Trois producteurs éloignés quittent le label après un an.",
            "L'extension du périmètre doit suivre celle des débouchés.",
            hypothesis="h2",
            highlight=True,
        ),
        JournalSpec(
            "vagues",
            date(2024, 9, 10),
            EntryKind.ADAPTATION,
            "Extension par vagues, débouchés d'abord",
            "Chaque nouvelle zone n'est ouverte qu'après avoir trouvé des acheteurs.",
            "Les départs cessent.",
            step="extension",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.CONFIRMED,
            date(2026, 9, 30),
            "Le nombre de producteurs suit celui des débouchés en restauration collective.",
            measurements=(("producteurs", date(2025, 12, 28)),),
            journal=("cantines",),
        ),
        VerdictSpec(
            "h2",
            Verdict.TO_REFINE,
            date(2026, 9, 30),
            "La notoriété progresse mais reste moyenne hors du bassin d'origine.",
            measurements=(("notoriete", date(2025, 11, 28)),),
            journal=("nouveaux",),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING),
        Decide(
            DecisionKind.CONTINUE,
            date(2023, 6, 30),
            "Le seuil de producteurs est atteint ; on poursuit en étendant par vagues.",
            meeting="mi-parcours",
            assessments={"c1": (Assessment.MET, "41 producteurs en juin 2023.")},
        ),
        Move(Stage.EVALUATION, "fin de la période d'expérimentation"),
        Move(Stage.DECISION, "rapport d'évaluation remis"),
    ),
)
