"""The governance of the Chartreuse case: bodies, members, meetings and the decision log —
all illustrative; members are the demo contacts or role names."""

from datetime import date, datetime

from essaim.demo.data.experiments.rezo_pouce.names import CHARGEE_DE_MISSION, PARC
from essaim.demo.data.experiments.spec import BodySpec, LoggedDecisionSpec, MeetingSpec, MemberSpec
from essaim.governance.models import BodyKind

BODIES = (
    BodySpec(
        "copil",
        BodyKind.STEERING,
        "Comité de pilotage",
        "Fixe le cadre, examine les indicateurs et prend les décisions d'arrêt ou de poursuite.",
        members=(
            MemberSpec(
                "president",
                "président",
                name="Élu référent mobilité du Parc",
                organisation=PARC,
            ),
            MemberSpec("cheffe", "cheffe de projet", person=CHARGEE_DE_MISSION, organisation=PARC),
            MemberSpec("communes", "membre", name="Représentant des communes participantes"),
            MemberSpec("reseau", "appui méthodologique", organisation="Rezo Pouce"),
            MemberSpec(
                "usagers",
                "membre",
                name="Représentante des usagers",
                start=date(2019, 6, 1),
            ),
        ),
        meetings=(
            MeetingSpec(
                "copil-cadrage",
                datetime(2018, 11, 20, 14, 0),
                "1. Besoin et publics visés\n2. Communes de départ\n3. Hypothèses, "
                "indicateurs et critères d'arrêt ou de poursuite\n4. Calendrier et budget",
                "Le comité valide le cadrage. Départ avec les communes volontaires du cœur "
                "du massif ; méthode d'évaluation et critères du point d'étape arrêtés avant "
                "le lancement.",
                place="Maison du Parc",
            ),
            MeetingSpec(
                "copil-juin",
                datetime(2019, 6, 18, 14, 0),
                "1. Premiers chiffres\n2. Retour des mairies relais\n3. Arrivée d'une "
                "représentante des usagers",
                "Les inscriptions suivent la trajectoire prévue ; les trajets déclarés "
                "restent en dessous. Les mairies demandent plus de kits d'inscription.",
                place="Maison du Parc",
                excused=("reseau",),
            ),
            MeetingSpec(
                "copil-etape",
                datetime(2019, 12, 12, 14, 0),
                "1. Bilan de la première année\n2. Examen des critères d'arrêt ou de "
                "poursuite\n3. Décision",
                "92 trajets déclarés en décembre pour un seuil de 100, 251 inscrits pour un "
                "seuil de 250. Les arrêts des petites vallées restent vides. Décision : "
                "ajuster (déplacer huit arrêts, relance avec les lycées) et poursuivre.",
                place="Maison du Parc",
            ),
            MeetingSpec(
                "copil-reprise",
                datetime(2020, 7, 2, 14, 0),
                "1. Effets de la crise sanitaire\n2. Plan de relance de la rentrée",
                "Les trajets sont tombés à presque rien au printemps. Relance prévue à la "
                "rentrée avec les lycées et sur les marchés ; enquête maintenue à l'automne.",
                place="Visioconférence",
                absent=("communes",),
            ),
            MeetingSpec(
                "copil-bilan",
                datetime(2021, 2, 25, 14, 0),
                "1. Rapport d'évaluation\n2. Verdicts sur les hypothèses\n3. Examen des "
                "critères\n4. Décision sur la suite",
                "Le comité constate des résultats contrastés, lisibles seulement hors "
                "périodes de confinement. Décision : pérenniser avec les communes, "
                "animation allégée.",
                place="Maison du Parc",
            ),
        ),
    ),
    BodySpec(
        "cotech",
        BodyKind.TECHNICAL,
        "Comité technique",
        "Prépare les comités de pilotage, suit les indicateurs chaque mois et organise "
        "l'animation.",
        members=(
            MemberSpec("animatrice", "animatrice", person=CHARGEE_DE_MISSION),
            MemberSpec("referent", "référent du réseau", organisation="Rezo Pouce"),
            MemberSpec("accueil", "membre", name="Secrétaire de mairie d'une commune relais"),
            MemberSpec("communication", "membre", name="Chargé de communication du Parc"),
        ),
        meetings=(
            MeetingSpec(
                "cotech-inscriptions",
                datetime(2019, 3, 5, 10, 0),
                "1. Modes d'inscription\n2. Stock de kits dans les mairies",
                "Inscriptions en ligne et en mairie maintenues toutes les deux.",
                place="Maison du Parc",
            ),
            MeetingSpec(
                "cotech-vallees",
                datetime(2019, 10, 8, 10, 0),
                "1. Arrêts sans trajets\n2. Préparation du point d'étape",
                "Huit arrêts des petites vallées n'ont aucun trajet depuis le printemps ; "
                "proposition de les déplacer à soumettre au comité de pilotage.",
                place="Maison du Parc",
                excused=("accueil",),
            ),
            MeetingSpec(
                "cotech-crise",
                datetime(2020, 3, 24, 10, 0),
                "1. Confinement : que faire du dispositif ?",
                "Animation suspendue, message de prudence envoyé aux inscrits.",
                hours=1,
                place="Visioconférence",
            ),
            MeetingSpec(
                "cotech-enquete",
                datetime(2020, 10, 6, 10, 0),
                "1. Questionnaire de l'enquête\n2. Relance dans les lycées",
                "Questionnaire validé ; passation en octobre et novembre.",
                place="Maison du Parc",
            ),
        ),
    ),
)

LOGGED_DECISIONS = (
    LoggedDecisionSpec(
        "copil",
        date(2018, 11, 20),
        "Périmètre de départ",
        "Démarrer avec les communes volontaires du cœur du massif, sur les axes vers les "
        "bourgs-centres.",
        options="Tout le massif d'emblée ; un premier groupe de communes volontaires.",
        rationale="Concentrer les arrêts pour que l'attente reste courte ; élargir ensuite.",
        meeting="copil-cadrage",
    ),
    LoggedDecisionSpec(
        "cotech",
        date(2019, 3, 5),
        "Modes d'inscription",
        "Garder l'inscription en ligne et en mairie, avec remise du kit en mairie.",
        options="En ligne seulement ; en ligne et en mairie.",
        rationale="Une partie des personnes âgées n'utilise pas internet.",
        meeting="cotech-inscriptions",
    ),
    LoggedDecisionSpec(
        "copil",
        date(2019, 12, 12),
        "Arrêts des petites vallées",
        "Déplacer huit arrêts près des commerces et des arrêts de car ; en ajouter dans "
        "deux vallées à la demande des communes.",
        options="Les retirer ; les déplacer ; les laisser en place un an de plus.",
        rationale="Un arrêt ne crée pas le passage : il doit être là où les voitures passent.",
        meeting="copil-etape",
    ),
    LoggedDecisionSpec(
        "cotech",
        date(2020, 3, 24),
        "Dispositif pendant le confinement",
        "Suspendre l'animation et la promotion ; message de prudence aux inscrits.",
        options="Continuer comme avant ; suspendre l'animation ; tout arrêter.",
        rationale="Ne pas encourager les déplacements ; garder le lien avec les inscrits.",
        meeting="cotech-crise",
    ),
    LoggedDecisionSpec(
        "copil",
        date(2020, 7, 2),
        "Relance de la rentrée",
        "Relancer avec les lycées et sur les marchés ; maintenir l'enquête d'automne.",
        meeting="copil-reprise",
    ),
    LoggedDecisionSpec(
        "copil",
        date(2021, 2, 25),
        "Suite du dispositif",
        "Pérenniser le dispositif avec les communes, animation allégée.",
        options=("Arrêter ; prolonger l'expérimentation d'un an ; pérenniser avec les communes."),
        rationale=(
            "Attente courte et sentiment de sécurité atteints ; trajets en hausse hors "
            "confinement ; communes prêtes à cofinancer."
        ),
        meeting="copil-bilan",
    ),
)
