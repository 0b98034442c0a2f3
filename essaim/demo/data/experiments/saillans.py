"""Saillans, laboratoire de démocratie participative — an experiment closed at the end of the
period it covered.

Public facts: a collegial list was elected in Saillans in 2014; the case was presented at Cap
Rural's webconferences of 2020 by a former municipal councillor who is a geographer at INRAE.
Figures, meetings, journal and decisions are illustrative.
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
)
from essaim.governance.models import BodyKind

COMMUNE = "Commune de Saillans"

CASE = CaseSpec(
    title="Saillans, laboratoire de démocratie participative",
    theme="democratie",
    carrier=COMMUNE,
    territories=("Saillans",),
    summary=(
        "Élue en 2014, une liste collégiale gouverne la commune de Saillans en associant les "
        "habitants à la préparation des décisions. Cas présenté lors des webconférences de Cap "
        "Rural en 2020 par une ancienne conseillère municipale, chercheure géographe.\n\n"
        "Les chiffres, les réunions, le journal et les décisions de cette fiche sont des "
        "exemples illustratifs."
    ),
    framing={
        "need": (
            "Une partie des habitants se sentait tenue à l'écart des décisions municipales, "
            "prises par un petit nombre d'élus."
        ),
        "need_origins": [NeedOrigin.SOCIAL],
        "need_origin_detail": "Une mobilisation d'habitants à l'origine de la liste collégiale.",
        "purposes": (
            "Partager le pouvoir entre les élus ; associer les habitants à la préparation des "
            "décisions ; rendre l'action municipale transparente."
        ),
        "purpose_type": PurposeType.LEARN_TOGETHER,
        "object_type": ObjectType.GOVERNANCE,
        "nature": Nature.EXPERIMENTATION,
        "target_public": "Les habitants de Saillans et leurs élus.",
        "start_date": date(2014, 4, 1),
        "end_date": date(2020, 3, 31),
        "success_conditions": (
            "Des élus disponibles pour un travail collectif ; des habitants qui participent "
            "au-delà des plus engagés ; une information publique régulière."
        ),
        "evaluation_method": (
            "Comptage annuel des participants aux commissions et réunions publiques, "
            "questionnaire annuel aux habitants, bilan à mi-mandat et en fin de mandat."
        ),
        "possible_failures": (
            "Une participation limitée aux habitués ; des décisions plus lentes ; "
            "l'épuisement des élus et des habitants les plus impliqués."
        ),
        "reversibility": (
            "L'organisation collégiale et les commissions ouvertes relèvent du fonctionnement "
            "interne de la municipalité et peuvent être revues à tout moment."
        ),
        "failure_lessons": (
            "Ce qu'une commune rurale peut tenir dans la durée en matière de participation, et "
            "à quel coût humain."
        ),
        "public_actors": (
            "La démarche est portée par la municipalité elle-même ; elle a intéressé des "
            "chercheurs et de nombreuses autres collectivités."
        ),
        "legal_basis": LegalBasis.NONE,
        "legal_reference": "",
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si la gouvernance municipale est collégiale et les commissions ouvertes aux "
            "habitants, alors des habitants participent à la décision au-delà des élections.",
        ),
        HypothesisSpec(
            "h2",
            "Si les habitants participent à la préparation des décisions, alors les décisions "
            "sont mieux comprises.",
        ),
    ),
    fundings=(
        FundingSpec(
            COMMUNE,
            FundingKind.OWN,
            5000,
            note="Frais d'animation et d'information par an (montant illustratif).",
        ),
    ),
    partners=(
        PartnerSpec(COMMUNE, PartnerRole.CARRIER),
        PartnerSpec(
            "Institut national de recherche pour l'agriculture, l'alimentation et l'environnement",
            PartnerRole.OTHER,
            "Regard de recherche : une chercheure géographe du laboratoire LESSEM, ancienne "
            "conseillère municipale, a témoigné de l'expérience en 2020.",
        ),
    ),
    criteria=(
        CriterionSpec(
            "c1",
            "Participation des habitants",
            "au moins 100 habitants différents par an dans les commissions",
            date(2017, 3, 21),
        ),
    ),
    risks=(
        RiskSpec(
            "Épuisement des élus et des habitants les plus impliqués",
            likelihood=2,
            impact=3,
            mitigation="Répartir les responsabilités ; limiter le nombre de réunions.",
            owner="Collège des élus",
            right_to_error=True,
            status=RiskStatus.MATERIALISED,
        ),
        RiskSpec(
            "Décisions ralenties par la concertation",
            likelihood=2,
            impact=1,
            mitigation="Calendrier de décision annoncé dès l'ouverture d'un sujet.",
            owner="Collège des élus",
            right_to_error=True,
            status=RiskStatus.CLOSED,
        ),
    ),
    steps=(
        StepSpec(
            "installation",
            "Installation de la gouvernance collégiale",
            date(2014, 4, 1),
            date(2014, 9, 30),
            kind=StepKind.PHASE,
        ),
        StepSpec(
            "mandat", "Mise en œuvre", date(2014, 10, 1), date(2020, 3, 31), kind=StepKind.PHASE
        ),
        StepSpec("mi-mandat", "Bilan à mi-mandat", date(2017, 3, 21), kind=StepKind.MILESTONE),
        StepSpec(
            "bilan",
            "Bilan de fin de mandat",
            date(2019, 10, 1),
            date(2020, 2, 18),
            deliverables="Bilan public.",
        ),
    ),
    bodies=(
        BodySpec(
            "suivi",
            BodyKind.SUPPORT,
            "Groupe de suivi de la démarche participative",
            "Observe la démarche et prépare les bilans.",
            members=(
                MemberSpec(
                    "conseillere",
                    "conseillère municipale",
                    person="Sabine Girard",
                    start=date(2014, 4, 1),
                    end=date(2020, 3, 31),
                ),
                MemberSpec("elus", "membres", name="Élus référents de la participation"),
                MemberSpec("habitants", "membres", name="Habitants volontaires"),
            ),
            meetings=(
                MeetingSpec(
                    "mi-mandat",
                    datetime(2017, 3, 21, 20, 0),
                    "1. Participation depuis 2014\n2. Critère de poursuite\n3. Ajustements",
                    "La participation est réelle mais se concentre sur les habitués ; "
                    "poursuite décidée avec des formats plus courts.",
                    place="Mairie de Saillans",
                ),
                MeetingSpec(
                    "fin",
                    datetime(2020, 2, 18, 20, 0),
                    "1. Bilan du mandat\n2. Que transmettre ?",
                    "Bilan partagé ; les enseignements seront rendus publics.",
                    place="Mairie de Saillans",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "suivi",
            date(2017, 3, 21),
            "Formats de participation",
            "Ajouter des formats courts et ponctuels aux commissions permanentes.",
            options="Garder les seules commissions ; ajouter des formats courts.",
            rationale="Beaucoup d'habitants ne peuvent pas s'engager dans la durée.",
            meeting="mi-mandat",
        ),
    ),
    questions=(
        QuestionSpec(
            "elargissement",
            "La participation s'est-elle élargie au-delà des habitants déjà engagés ?",
            EvaluationCriterion.EFFECTIVENESS,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "participants",
            "Habitants différents ayant participé dans l'année",
            unit="personnes",
            target=150,
            target_date=date(2019, 12, 31),
            frequency=Frequency.YEARLY,
            question="elargissement",
            verification="Feuilles de présence des commissions.",
            measurements=series(date(2014, 12, 15), [160, 138, 121, 109, 116, 102], every=12),
        ),
        IndicatorSpec(
            "comprehension",
            "Compréhension des décisions par les habitants",
            kind=IndicatorKind.QUALITATIVE,
            scale=("faible", "moyenne", "bonne", "très bonne"),
            frequency=Frequency.YEARLY,
            verification="Questionnaire annuel.",
            measurements=levels(date(2015, 12, 15), [1, 2, 2, 2, 2], every=12),
        ),
    ),
    journal=(
        JournalSpec(
            "afflux",
            date(2014, 11, 4),
            EntryKind.SURPRISE,
            "Les premières commissions débordent",
            "Les premières commissions ouvertes accueillent bien plus d'habitants que prévu.",
            "L'attente était forte ; il faudra des formats pour la tenir dans la durée.",
            hypothesis="h1",
        ),
        JournalSpec(
            "habitues",
            date(2016, 6, 14),
            EntryKind.OBSERVATION,
            "Toujours les mêmes visages",
            "Les commissions réunissent de plus en plus les mêmes habitants.",
            "La participation ouverte ne suffit pas à toucher tout le monde.",
            indicator="participants",
        ),
        JournalSpec(
            "essoufflement",
            date(2016, 11, 8),
            EntryKind.FAILURE,
            "Essoufflement à mi-parcours",
            "Plusieurs groupes de travail ne se réunissent plus faute de participants.",
            "Le nombre de réunions demandé aux habitants était trop élevé.",
            highlight=True,
        ),
        JournalSpec(
            "formats",
            date(2017, 4, 4),
            EntryKind.ADAPTATION,
            "Des formats courts et ponctuels",
            "Ateliers d'une soirée sur un sujet précis, en plus des commissions.",
            "Des habitants qui ne viennent jamais aux commissions viennent aux ateliers.",
            step="mandat",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.TO_REFINE,
            date(2020, 2, 18),
            "Une participation large la première année, qui se resserre ensuite sur les "
            "habitués ; les formats courts ont en partie élargi le cercle.",
            measurements=(("participants", date(2019, 12, 15)),),
            journal=("habitues", "formats"),
        ),
        VerdictSpec(
            "h2",
            Verdict.CONFIRMED,
            date(2020, 2, 18),
            "Les habitants interrogés jugent les décisions mieux comprises depuis 2015.",
            measurements=(("comprehension", date(2019, 12, 15)),),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING, "installation du conseil municipal"),
        Decide(
            DecisionKind.ADJUST,
            date(2017, 3, 21),
            "La participation se maintient au-dessus du seuil mais se resserre : on poursuit "
            "en ajoutant des formats courts.",
            meeting="mi-mandat",
            assessments={"c1": (Assessment.MET, "121 habitants différents en 2016.")},
        ),
        Move(Stage.EVALUATION, "bilan de fin de mandat"),
        Decide(
            DecisionKind.STOP,
            date(2020, 3, 31),
            "La période couverte par l'expérimentation — le mandat municipal 2014-2020 — "
            "s'achève. Les enseignements seront capitalisés et partagés avec d'autres "
            "collectivités.",
            at_gate=False,
        ),
    ),
)
