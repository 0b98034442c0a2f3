"""Cultiver la proximité d'Ardèche en Hermitage: itinerant services for seniors and young
people, carried by ARCHE Agglo — a running experiment with a gate decision behind it.

Public facts: the case was presented by ARCHE Agglo's deputy director for solidarity and public
service at Cap Rural's webconferences of 2020. The calendar of this phase, the figures,
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

ARCHE = "Arche Agglo"

CASE = CaseSpec(
    title="Cultiver la proximité : services itinérants pour les seniors et les jeunes",
    theme="services",
    carrier=ARCHE,
    territories=(ARCHE,),
    summary=(
        "Une offre de services itinérants d'ARCHE Agglo (Ardèche Rhône Coiron Hermitage) à "
        "destination des seniors et des jeunes : les services viennent à jour fixe dans les "
        "villages plutôt que d'attendre qu'on vienne à eux. Cas présenté lors des webconférences "
        "de Cap Rural en 2020 (« Cultiver la proximité d'Ardèche en Hermitage »).\n\n"
        "Le calendrier de cette phase, les chiffres, les réunions et les décisions sont des "
        "exemples illustratifs."
    ),
    framing={
        "need": (
            "Dans les communes rurales de l'agglomération, les seniors et les jeunes sont loin "
            "des services : accès aux droits, démarches en ligne, information jeunesse. Beaucoup "
            "ne se déplacent pas jusqu'aux services centraux et renoncent."
        ),
        "need_origins": [NeedOrigin.SOCIAL, NeedOrigin.UNMET_NEED],
        "need_origin_detail": "Constat partagé par les maires et les services de solidarité.",
        "purposes": (
            "Rapprocher les services des habitants éloignés ; prévenir le non-recours aux "
            "droits ; rompre l'isolement des seniors ; donner aux jeunes un lieu d'information "
            "près de chez eux."
        ),
        "purpose_type": PurposeType.TEST_SOLUTION,
        "object_type": ObjectType.SERVICE,
        "nature": Nature.EXPERIMENTATION,
        "target_public": (
            "Seniors vivant dans les villages, en particulier sans moyen de transport ; jeunes "
            "de 15 à 25 ans ; aidants familiaux."
        ),
        "start_date": date(2025, 9, 1),
        "end_date": date(2027, 6, 30),
        "success_conditions": (
            "Un calendrier de passage fixe et connu ; des salles mises à disposition par les "
            "communes ; une équipe stable ; des relais dans les villages (mairies, associations)."
        ),
        "evaluation_method": (
            "Fiche de passage à chaque permanence (personnes accueillies, âge, motif) ; "
            "questionnaire de satisfaction chaque trimestre ; bilan à mi-parcours avec les "
            "maires ; évaluation finale au printemps 2027."
        ),
        "possible_failures": (
            "Une fréquentation trop faible dans les plus petits villages ; des jeunes qui ne "
            "viennent pas aux horaires proposés ; l'épuisement d'une petite équipe sur la route."
        ),
        "reversibility": (
            "Le calendrier de tournée se modifie d'une saison à l'autre ; aucune structure n'est "
            "fermée pour ouvrir les permanences."
        ),
        "failure_lessons": (
            "Savoir quels services gagnent à être itinérants et lesquels non, et pour quels "
            "publics."
        ),
        "public_actors": (
            "L'agglomération porte ; les communes prêtent les salles et relaient le calendrier ; "
            "les partenaires de l'accès aux droits tiennent certaines permanences."
        ),
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si les services viennent dans les villages à jour fixe, alors des seniors qui ne se "
            "déplaçaient pas jusqu'aux services centraux y ont recours.",
        ),
        HypothesisSpec(
            "h2",
            "Si les permanences associent information jeunesse et animations, alors les jeunes "
            "de 15 à 25 ans viennent aussi.",
        ),
    ),
    fundings=(
        FundingSpec(ARCHE, FundingKind.OWN, 60000, note="Montant illustratif."),
        FundingSpec(
            "Financeur public de l'inclusion numérique",
            FundingKind.PUBLIC,
            25000,
            secured=False,
            note="Demande en cours (exemple illustratif).",
        ),
        FundingSpec(
            "Communes desservies",
            FundingKind.IN_KIND,
            8000,
            note="Salles mises à disposition (valorisation illustrative).",
        ),
    ),
    partners=(
        PartnerSpec(ARCHE, PartnerRole.CARRIER, "Équipe itinérante, coordination."),
        PartnerSpec(
            "Cap Rural",
            PartnerRole.OTHER,
            "Partage de l'expérience lors des webconférences de 2020.",
        ),
    ),
    criteria=(
        CriterionSpec(
            "c1",
            "Fréquentation des permanences",
            "au moins 6 personnes par permanence en moyenne",
            date(2026, 6, 16),
        ),
        CriterionSpec("c2", "Jeunes accueillis", "au moins 20 jeunes par mois", date(2026, 6, 16)),
        CriterionSpec(
            "c3",
            "Recours aux droits",
            "au moins 150 démarches abouties sur la durée",
            date(2027, 6, 30),
        ),
    ),
    risks=(
        RiskSpec(
            "Fréquentation trop faible dans les plus petits villages",
            likelihood=2,
            impact=2,
            mitigation="Regrouper deux villages proches sur une même permanence.",
            owner="Coordinatrice de l'équipe itinérante",
            right_to_error=True,
        ),
        RiskSpec(
            "Usure de l'équipe sur la route",
            likelihood=2,
            impact=3,
            mitigation="Tournées limitées à quatre jours ; un jour de bureau par semaine.",
            owner="Direction des Solidarités",
        ),
    ),
    steps=(
        StepSpec(
            "cadrage",
            "Cadrage avec les maires",
            date(2025, 3, 3),
            date(2025, 8, 29),
            kind=StepKind.PHASE,
            deliverables="Calendrier de tournée ; conventions de mise à disposition des salles.",
        ),
        StepSpec("lancement", "Première tournée", date(2025, 9, 1), kind=StepKind.MILESTONE),
        StepSpec(
            "saison1",
            "Première saison de tournée",
            date(2025, 9, 1),
            date(2026, 6, 30),
            kind=StepKind.PHASE,
        ),
        StepSpec(
            "mi-parcours",
            "Bilan à mi-parcours",
            date(2026, 6, 16),
            kind=StepKind.MILESTONE,
        ),
        StepSpec(
            "saison2",
            "Deuxième saison, horaires adaptés aux jeunes",
            date(2026, 7, 1),
            date(2027, 3, 31),
            kind=StepKind.PHASE,
            status=StepStatus.IN_PROGRESS,
        ),
        StepSpec(
            "evaluation",
            "Évaluation finale",
            date(2027, 4, 1),
            date(2027, 6, 15),
            status=StepStatus.PLANNED,
            deliverables="Rapport d'évaluation.",
        ),
        StepSpec(
            "decision",
            "Décision sur la suite",
            date(2027, 6, 30),
            kind=StepKind.MILESTONE,
            status=StepStatus.PLANNED,
        ),
    ),
    bodies=(
        BodySpec(
            "copil",
            BodyKind.STEERING,
            "Comité de pilotage",
            "Suit la fréquentation et décide des ajustements de la tournée.",
            members=(
                MemberSpec("vp", "présidente", name="Vice-présidente chargée des solidarités"),
                MemberSpec(
                    "direction",
                    "directrice adjointe des Solidarités et du Service au public",
                    person="Véronique Sybelin",
                    organisation=ARCHE,
                ),
                MemberSpec("maires", "membre", name="Représentant des maires des villages"),
                MemberSpec("equipe", "membre", name="Coordinatrice de l'équipe itinérante"),
            ),
            meetings=(
                MeetingSpec(
                    "copil-cadrage",
                    datetime(2025, 6, 24, 9, 30),
                    "1. Calendrier de tournée\n2. Indicateurs et critères du bilan à mi-parcours",
                    "Calendrier validé : une demi-journée tous les quinze jours par village.",
                    place="Siège de l'agglomération",
                ),
                MeetingSpec(
                    "copil-janvier",
                    datetime(2026, 1, 20, 9, 30),
                    "1. Premiers mois de tournée\n2. Fréquentation des jeunes",
                    "Les seniors viennent ; les jeunes presque pas le matin.",
                    place="Siège de l'agglomération",
                    excused=("maires",),
                ),
                MeetingSpec(
                    "copil-mi-parcours",
                    datetime(2026, 6, 16, 9, 30),
                    "1. Bilan à mi-parcours\n2. Examen des critères\n3. Décision",
                    "Fréquentation au-dessus du seuil ; jeunes en dessous. Décision : "
                    "poursuivre, avec des permanences jeunesse le mercredi après-midi.",
                    place="Siège de l'agglomération",
                ),
                MeetingSpec(
                    "copil-decembre",
                    datetime(2026, 12, 8, 9, 30),
                    "1. Effets des nouveaux horaires jeunesse\n2. Préparation de l'évaluation "
                    "finale",
                    place="Siège de l'agglomération",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "copil",
            date(2025, 6, 24),
            "Rythme de passage",
            "Une demi-journée tous les quinze jours dans chaque village.",
            options="Chaque semaine dans moins de villages ; tous les quinze jours partout.",
            rationale="Un rythme régulier et connu compte plus que la fréquence.",
            meeting="copil-cadrage",
        ),
        LoggedDecisionSpec(
            "copil",
            date(2026, 6, 16),
            "Horaires jeunesse",
            "Permanences jeunesse le mercredi après-midi et pendant les vacances scolaires.",
            options="Garder les matinées ; passer au mercredi après-midi ; arrêter le volet "
            "jeunesse.",
            rationale="Les jeunes ne sont pas disponibles le matin en période scolaire.",
            meeting="copil-mi-parcours",
        ),
    ),
    questions=(
        QuestionSpec(
            "recours",
            "Les permanences touchent-elles des personnes qui n'avaient pas recours aux services ?",
            EvaluationCriterion.EFFECTIVENESS,
        ),
        QuestionSpec(
            "cout",
            "Le coût par personne accueillie est-il soutenable pour l'agglomération ?",
            EvaluationCriterion.EFFICIENCY,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "seniors",
            "Seniors accueillis par mois",
            unit="personnes",
            baseline=0,
            baseline_date=date(2025, 9, 1),
            target=90,
            target_date=date(2027, 6, 30),
            verification="Fiches de passage.",
            collection="Fiche remplie à chaque permanence.",
            owner="Coordinatrice de l'équipe itinérante",
            question="recours",
            targets=((date(2026, 6, 30), 70), (date(2027, 6, 30), 90)),
            measurements=series(
                date(2025, 9, 28),
                [34, 48, 57, 41, 62, 66, 71, 69, 74, 78, 52, 55, 76, 81],
                comments={3: "Fêtes de fin d'année.", 10: "Été : tournée réduite."},
            ),
        ),
        IndicatorSpec(
            "jeunes",
            "Jeunes accueillis par mois",
            unit="personnes",
            baseline=0,
            baseline_date=date(2025, 9, 1),
            target=20,
            target_date=date(2027, 6, 30),
            verification="Fiches de passage.",
            collection="Fiche remplie à chaque permanence.",
            owner="Coordinatrice de l'équipe itinérante",
            question="recours",
            targets=((date(2026, 6, 30), 20),),
            measurements=series(
                date(2025, 9, 28),
                [3, 5, 4, 2, 6, 7, 9, 8, 11, 14, 19, 12, 17, 21],
                comments={10: "Premières permanences du mercredi après-midi."},
            ),
        ),
        IndicatorSpec(
            "satisfaction",
            "Satisfaction des personnes accueillies",
            kind=IndicatorKind.QUALITATIVE,
            scale=("pas satisfaites", "peu satisfaites", "satisfaites", "très satisfaites"),
            verification="Questionnaire trimestriel.",
            collection="Questionnaire court, niveau le plus cité.",
            frequency=Frequency.QUARTERLY,
            owner="Coordinatrice de l'équipe itinérante",
            measurements=levels(date(2025, 10, 28), [2, 2, 3, 3, 3]),
        ),
    ),
    journal=(
        JournalSpec(
            "demarches",
            date(2025, 10, 14),
            EntryKind.OBSERVATION,
            "Les seniors viennent d'abord pour des démarches en ligne",
            "La moitié des passages concerne une démarche en ligne bloquée.",
            "L'accompagnement numérique est la porte d'entrée vers les autres services.",
            "Un poste informatique est ajouté au matériel de tournée.",
            hypothesis="h1",
            indicator="seniors",
        ),
        JournalSpec(
            "aidants",
            date(2025, 12, 2),
            EntryKind.SURPRISE,
            "Des aidants familiaux viennent pour leurs proches",
            "Des enfants de personnes âgées viennent à la permanence en leur nom.",
            "Les aidants sont un public à part entière, non prévu au cadrage.",
            "Ils sont comptés à part sur la fiche de passage.",
        ),
        JournalSpec(
            "matinees",
            date(2026, 2, 10),
            EntryKind.FAILURE,
            "Les permanences jeunesse du matin restent désertes",
            "Moins de cinq jeunes par mois sur l'ensemble des villages.",
            "Le créneau ne correspond pas à la vie des jeunes en période scolaire.",
            "Question portée au bilan à mi-parcours.",
            hypothesis="h2",
            indicator="jeunes",
            highlight=True,
        ),
        JournalSpec(
            "mercredi",
            date(2026, 9, 22),
            EntryKind.ADAPTATION,
            "Permanences jeunesse le mercredi après-midi",
            "Depuis juillet, les permanences jeunesse ont lieu le mercredi après-midi et "
            "pendant les vacances.",
            "La fréquentation des jeunes double en trois mois.",
            step="saison2",
            indicator="jeunes",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.CONFIRMED,
            date(2026, 6, 16),
            "Plus de 70 seniors accueillis par mois au printemps 2026, dont une majorité qui "
            "déclare ne pas s'être rendue aux services centraux dans l'année.",
            measurements=(("seniors", date(2026, 5, 28)),),
            journal=("demarches",),
        ),
        VerdictSpec(
            "h2",
            Verdict.TO_REFINE,
            date(2026, 6, 16),
            "Les jeunes ne viennent pas aux horaires du matin ; l'hypothèse est à reformuler "
            "avec des horaires adaptés.",
            measurements=(("jeunes", date(2026, 5, 28)),),
            journal=("matinees",),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING, "première tournée"),
        Decide(
            DecisionKind.CONTINUE,
            date(2026, 6, 16),
            "La fréquentation des seniors dépasse le seuil ; celle des jeunes reste en dessous. "
            "On poursuit en déplaçant les permanences jeunesse au mercredi après-midi.",
            meeting="copil-mi-parcours",
            assessments={
                "c1": (Assessment.MET, "7 personnes par permanence en moyenne."),
                "c2": (Assessment.NOT_MET, "11 jeunes en mai 2026."),
            },
        ),
    ),
)
