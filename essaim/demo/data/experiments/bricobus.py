"""Bricobus: deploying as a network a solidarity scheme that accompanies self-renovation, carried
by the Compagnons Bâtisseurs Centre-Val de Loire — an experiment extended to other territories.

Public facts: the Bricobus started in 2016 in the Loiret; the case was presented by the deputy
director of the Compagnons Bâtisseurs Centre-Val de Loire at Cap Rural's webconferences of 2021. The
calendar, figures, meeting, journal and decision are illustrative.
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

COMPAGNONS = "Compagnons Bâtisseurs Centre-Val de Loire"

CASE = CaseSpec(
    title="Bricobus : un dispositif solidaire d'accompagnement à l'auto-réhabilitation",
    theme="habitat",
    carrier=COMPAGNONS,
    territories=("Loiret", "Centre-Val de Loire"),
    summary=(
        "Le Bricobus accompagne des habitants aux revenus modestes pour qu'ils réhabilitent "
        "eux-mêmes leur logement, avec un véhicule équipé et une équipe qui vient jusqu'à eux. "
        "Parti du Loiret en 2016, il se déploie en réseau. Cas présenté par le directeur "
        "adjoint des Compagnons Bâtisseurs Centre-Val de Loire lors des webconférences de "
        "Cap Rural de 2021.\n\n"
        "Le calendrier, les chiffres, la réunion et la décision sont des exemples illustratifs."
    ),
    framing={
        "need": (
            "Des ménages modestes, souvent en milieu rural, vivent dans des logements dégradés "
            "sans pouvoir payer des artisans ni savoir par où commencer les travaux."
        ),
        "need_origins": [NeedOrigin.SOCIAL, NeedOrigin.UNMET_NEED],
        "purposes": (
            "Améliorer les conditions de logement ; rendre les habitants capables d'entretenir "
            "leur logement ; rompre l'isolement par l'entraide autour des chantiers."
        ),
        "purpose_type": PurposeType.TEST_SOLUTION,
        "object_type": ObjectType.SERVICE,
        "nature": Nature.EXPERIMENTATION,
        "target_public": "Ménages modestes propriétaires ou locataires, en milieu rural.",
        "start_date": date(2016, 9, 5),
        "end_date": date(2018, 12, 31),
        "success_conditions": (
            "Un repérage des ménages par les acteurs sociaux ; une équipe technique et "
            "pédagogue ; des chantiers courts et visibles."
        ),
        "evaluation_method": (
            "Suivi trimestriel des ménages accompagnés et des chantiers terminés ; "
            "entretien avec chaque ménage en fin de chantier."
        ),
        "possible_failures": (
            "Des ménages difficiles à repérer ; des chantiers qui s'éternisent ; des coûts de "
            "déplacement trop élevés en zone rurale."
        ),
        "reversibility": "Le véhicule peut être réaffecté ; les tournées se réorganisent.",
        "failure_lessons": "Les limites de l'itinérance pour l'accompagnement technique.",
        "public_actors": (
            "Les services sociaux repèrent et orientent les ménages ; les collectivités "
            "financent une partie de l'accompagnement."
        ),
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si l'équipe vient jusqu'aux ménages avec l'outillage, alors des ménages qui "
            "n'auraient pas engagé de travaux les réalisent.",
        ),
        HypothesisSpec(
            "h2",
            "Si les ménages réalisent eux-mêmes les travaux, alors ils gagnent en autonomie "
            "pour entretenir leur logement.",
        ),
    ),
    fundings=(
        FundingSpec(COMPAGNONS, FundingKind.OWN, 20000, note="Montant illustratif."),
        FundingSpec(
            "Collectivités du Loiret", FundingKind.PUBLIC, 50000, note="Exemple illustratif."
        ),
    ),
    partners=(
        PartnerSpec(COMPAGNONS, PartnerRole.CARRIER, "Équipe technique, véhicule, méthode."),
        PartnerSpec(
            "Cap Rural", PartnerRole.OTHER, "Étude de cas lors des webconférences de 2021."
        ),
    ),
    criteria=(
        CriterionSpec(
            "c1",
            "Ménages accompagnés",
            "au moins 60 ménages sur la durée",
            date(2019, 2, 12),
        ),
    ),
    risks=(
        RiskSpec(
            "Coûts de déplacement trop élevés en zone rurale",
            likelihood=2,
            impact=2,
            mitigation="Tournées regroupant plusieurs chantiers proches.",
            owner="Coordinateur technique",
        ),
    ),
    steps=(
        StepSpec(
            "lancement",
            "Premières tournées dans le Loiret",
            date(2016, 9, 5),
            kind=StepKind.MILESTONE,
        ),
        StepSpec(
            "pilote",
            "Phase pilote dans le Loiret",
            date(2016, 9, 5),
            date(2018, 12, 31),
            kind=StepKind.PHASE,
        ),
        StepSpec(
            "reseau",
            "Déploiement en réseau",
            date(2019, 3, 1),
            date(2027, 12, 31),
            kind=StepKind.PHASE,
            status=StepStatus.IN_PROGRESS,
            deliverables="Guide de déploiement ; formation des équipes.",
        ),
    ),
    bodies=(
        BodySpec(
            "copil",
            BodyKind.STEERING,
            "Comité de pilotage",
            members=(
                MemberSpec(
                    "direction",
                    "directeur adjoint",
                    person="Vincent Renaud-Giard",
                    organisation=COMPAGNONS,
                ),
                MemberSpec("financeurs", "membres", name="Représentants des financeurs"),
                MemberSpec("social", "membre", name="Représentante des services sociaux"),
            ),
            meetings=(
                MeetingSpec(
                    "bilan",
                    datetime(2019, 2, 12, 14, 0),
                    "1. Bilan de la phase pilote\n2. Décision sur le déploiement",
                    "Le dispositif a fait ses preuves dans le Loiret ; il sera étendu à "
                    "d'autres territoires.",
                    place="Orléans",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "copil",
            date(2019, 2, 12),
            "Modalité du déploiement",
            "Déployer en réseau : des équipes locales formées, une méthode et des outils communs.",
            options="Un seul Bricobus qui élargit sa tournée ; un réseau d'équipes locales.",
            rationale="L'itinérance a une limite de distance.",
            meeting="bilan",
        ),
    ),
    questions=(
        QuestionSpec(
            "autonomie",
            "Les ménages accompagnés sont-ils plus autonomes pour entretenir leur logement ?",
            EvaluationCriterion.IMPACT,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "menages",
            "Ménages accompagnés",
            unit="ménages",
            baseline=0,
            baseline_date=date(2016, 9, 5),
            target=60,
            target_date=date(2018, 12, 31),
            cumulative=True,
            frequency=Frequency.QUARTERLY,
            verification="Dossiers d'accompagnement.",
            measurements=series(date(2016, 12, 15), [4, 6, 7, 8, 9, 8, 7, 9, 8], every=3),
        ),
        IndicatorSpec(
            "autonomie",
            "Autonomie des ménages pour l'entretien du logement",
            kind=IndicatorKind.QUALITATIVE,
            scale=("aucune", "faible", "réelle", "complète"),
            frequency=Frequency.HALF_YEARLY,
            question="autonomie",
            verification="Entretien de fin de chantier.",
            measurements=levels(date(2017, 6, 15), [1, 1, 2, 2], every=6),
        ),
    ),
    journal=(
        JournalSpec(
            "reperage",
            date(2016, 11, 8),
            EntryKind.OBSERVATION,
            "Le repérage passe par les services sociaux",
            "La plupart des ménages sont orientés par des travailleurs sociaux.",
            "Sans eux, les ménages ne se signalent pas.",
            hypothesis="h1",
        ),
        JournalSpec(
            "voisins",
            date(2017, 5, 16),
            EntryKind.SURPRISE,
            "Les voisins viennent aider",
            "Sur plusieurs chantiers, des voisins se joignent aux travaux.",
            "Le chantier crée de l'entraide au-delà du ménage.",
            highlight=True,
        ),
        JournalSpec(
            "chantiers-longs",
            date(2017, 11, 21),
            EntryKind.FAILURE,
            "Des chantiers trop ambitieux s'éternisent",
            "Deux chantiers dépassent six mois.",
            "Mieux vaut des chantiers courts et découpés.",
            "Chaque chantier est découpé en étapes de quelques semaines.",
            indicator="menages",
        ),
        JournalSpec(
            "etapes",
            date(2018, 2, 6),
            EntryKind.ADAPTATION,
            "Des chantiers découpés en étapes",
            "Les chantiers sont désormais planifiés par étapes courtes.",
            "Les ménages voient les résultats plus vite et restent mobilisés.",
            step="pilote",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.CONFIRMED,
            date(2019, 2, 12),
            "66 ménages accompagnés, dont la plupart n'avaient engagé aucun travaux avant.",
            measurements=(("menages", date(2018, 12, 15)),),
            journal=("reperage",),
        ),
        VerdictSpec(
            "h2",
            Verdict.CONFIRMED,
            date(2019, 2, 12),
            "L'autonomie déclarée progresse en fin de chantier.",
            measurements=(("autonomie", date(2018, 12, 15)),),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING, "premières tournées"),
        Move(Stage.EVALUATION),
        Move(Stage.DECISION),
        Decide(
            DecisionKind.EXTEND,
            date(2019, 2, 12),
            "Le dispositif a fait ses preuves dans le Loiret ; il est étendu à d'autres "
            "territoires par un réseau d'équipes locales.",
            at_gate=False,
            meeting="bilan",
            assessments={"c1": (Assessment.MET, "66 ménages accompagnés.")},
        ),
    ),
)
