"""L'habitat partagé ECORAVIE à Dieulefit : construire le vivre ensemble — an experiment still
being framed, whose framing gauge shows the questions left open.

Public facts: the case was presented by two inhabitants of ECORAVIE at Cap Rural's
webconferences of 2020. The framing, meeting and journal are illustrative.
"""

from datetime import date, datetime

from essaim.demo.data.experiments.spec import (
    BodySpec,
    CaseSpec,
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
)
from essaim.evaluation.models import EntryKind, EvaluationCriterion, Frequency, IndicatorKind
from essaim.experiments.models import (
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

ECORAVIE = "ECORAVIE"

CASE = CaseSpec(
    title="ECORAVIE : construire le vivre ensemble dans l'habitat partagé",
    theme="habitat",
    carrier=ECORAVIE,
    territories=("Dieulefit",),
    summary=(
        "L'habitat partagé ECORAVIE à Dieulefit : comment construire le vivre ensemble entre "
        "habitants qui partagent des espaces et des décisions. Cas présenté par deux habitants "
        "lors des webconférences de Cap Rural en 2020. Les habitants se demandent ici s'ils "
        "veulent cadrer leur démarche comme une expérimentation évaluée.\n\n"
        "Le cadrage, la réunion et le journal sont des exemples illustratifs."
    ),
    framing={
        "need": (
            "Partager des espaces, des tâches et des décisions demande des règles que personne "
            "n'a écrites d'avance ; les tensions naissent souvent de l'implicite."
        ),
        "need_origins": [NeedOrigin.SOCIAL, NeedOrigin.ECOLOGICAL],
        "purposes": (
            "Se donner des façons de décider et de vivre ensemble explicites, essayées puis "
            "revues ; garder une trace de ce qui marche pour d'autres projets d'habitat partagé."
        ),
        "purpose_type": PurposeType.LEARN_TOGETHER,
        "object_type": ObjectType.GOVERNANCE,
        "nature": Nature.EXPERIENCE,
        "target_public": "Les habitants d'ECORAVIE, adultes et enfants.",
        "start_date": date(2027, 1, 4),
        "success_conditions": (
            "La participation de tous les foyers aux temps de décision ; un tour de rôle pour "
            "l'animation."
        ),
        "evaluation_method": (
            "Un bilan partagé tous les six mois, à partir d'un court questionnaire et d'un "
            "temps d'échange."
        ),
        "possible_failures": "Des règles écrites mais pas appliquées ; l'essoufflement.",
        "reversibility": "Toute règle essayée peut être abandonnée au bilan suivant.",
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si les décisions communes sont prises par consentement lors d'un temps mensuel, "
            "alors chaque foyer se sent entendu sans que les décisions traînent.",
        ),
        HypothesisSpec(
            "h2",
            "Si les tâches partagées tournent entre les foyers, alors elles ne reposent plus "
            "sur les mêmes personnes.",
        ),
    ),
    partners=(PartnerSpec(ECORAVIE, PartnerRole.CARRIER, "Les habitants eux-mêmes."),),
    risks=(
        RiskSpec(
            "Essoufflement des temps collectifs",
            likelihood=2,
            impact=2,
            mitigation="Des temps courts, à date fixe, avec un tour de rôle pour l'animation.",
            owner="Groupe des habitants",
            right_to_error=True,
        ),
    ),
    steps=(
        StepSpec(
            "cadrage",
            "Cadrage entre habitants",
            date(2026, 10, 7),
            date(2026, 12, 16),
            kind=StepKind.PHASE,
            status=StepStatus.IN_PROGRESS,
            deliverables="Règles à essayer, écrites et datées.",
        ),
        StepSpec(
            "essai",
            "Premier semestre d'essai",
            date(2027, 1, 4),
            date(2027, 6, 30),
            kind=StepKind.PHASE,
            status=StepStatus.PLANNED,
        ),
        StepSpec(
            "bilan",
            "Premier bilan partagé",
            date(2027, 7, 3),
            kind=StepKind.MILESTONE,
            status=StepStatus.PLANNED,
        ),
    ),
    bodies=(
        BodySpec(
            "habitants",
            BodyKind.OTHER,
            "Réunion des habitants",
            "Décide des règles à essayer et fait les bilans.",
            members=(
                MemberSpec("joel", "habitant", person="Joël Soler", organisation=ECORAVIE),
                MemberSpec("claire", "habitante", person="Claire Galland", organisation=ECORAVIE),
                MemberSpec("foyers", "membres", name="Les autres foyers d'ECORAVIE"),
            ),
            meetings=(
                MeetingSpec(
                    "cadrage",
                    datetime(2026, 10, 7, 20, 0),
                    "1. Faut-il cadrer notre démarche comme une expérimentation ?\n2. Quelles "
                    "règles essayer d'abord ?",
                    "Accord pour essayer deux règles pendant six mois et en faire le bilan ; "
                    "le reste du cadrage est à finir d'ici décembre.",
                    place="Salle commune",
                ),
                MeetingSpec(
                    "validation",
                    datetime(2026, 12, 16, 20, 0),
                    "1. Validation du cadrage\n2. Calendrier du premier semestre",
                    place="Salle commune",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "habitants",
            date(2026, 10, 7),
            "Essayer avant de graver dans le marbre",
            "Essayer deux règles pendant six mois, puis faire un bilan.",
            options="Écrire un règlement complet ; essayer quelques règles et les revoir.",
            rationale="Une règle essayée se discute mieux qu'une règle imaginée.",
            meeting="cadrage",
        ),
    ),
    questions=(
        QuestionSpec(
            "participation",
            "Les nouvelles façons de décider associent-elles tous les foyers ?",
            EvaluationCriterion.RELEVANCE,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "participation",
            "Participation des foyers aux temps de décision",
            kind=IndicatorKind.QUALITATIVE,
            scale=("quelques foyers", "la moitié des foyers", "presque tous", "tous"),
            frequency=Frequency.HALF_YEARLY,
            question="participation",
            verification="Feuille de présence des réunions mensuelles.",
        ),
    ),
    journal=(
        JournalSpec(
            "implicite",
            date(2026, 10, 8),
            EntryKind.OBSERVATION,
            "Ce qui fâche vient souvent de l'implicite",
            "En préparant le cadrage, les tensions citées portent surtout sur des habitudes "
            "jamais discutées (ménage des espaces communs, bruit).",
            "Écrire les règles, même provisoires, est déjà un progrès.",
            hypothesis="h2",
        ),
    ),
    path=(Move(Stage.FRAMING, "accord de la réunion des habitants"),),
)
