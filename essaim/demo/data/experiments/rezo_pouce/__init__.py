"""Rezo Pouce, l'autostop organisé en Chartreuse — the complete case of the demo.

Public facts: the case was presented by the Parc's chargée de mission Transition énergétique at
Cap Rural's webconferences of 2020; Rezo Pouce was founded in Moissac in 2010. Everything else
(calendar, figures, meetings, journal, decisions, budget) is an illustrative example.
"""

from datetime import date

from essaim.demo.data.experiments.rezo_pouce import evaluation, framing, governance, method
from essaim.demo.data.experiments.rezo_pouce.names import PARC
from essaim.demo.data.experiments.spec import CaseSpec, Decide, Move
from essaim.experiments.models import Assessment, DecisionKind, Stage

CASE = CaseSpec(
    title="Rezo Pouce, l'autostop organisé en Chartreuse",
    theme="mobilite",
    carrier=PARC,
    territories=(PARC,),
    summary=(
        "Autostop organisé sur le territoire du Parc naturel régional de Chartreuse avec le "
        "dispositif Rezo Pouce, né à Moissac en 2010 : des arrêts signalés dans les communes, "
        "des conducteurs et des passagers inscrits et identifiables. Cas présenté par la chargée "
        "de mission Transition énergétique du Parc lors des webconférences de Cap Rural sur "
        "l'innovation sociale et territoriale (2020).\n\n"
        "Le calendrier, les chiffres, les réunions, le journal et les décisions de cette fiche "
        "sont des exemples illustratifs."
    ),
    framing=framing.FRAMING,
    hypotheses=framing.HYPOTHESES,
    fundings=framing.FUNDINGS,
    partners=framing.PARTNERS,
    criteria=framing.CRITERIA,
    risks=framing.RISKS,
    steps=method.STEPS,
    outcomes=method.OUTCOMES,
    links=method.LINKS,
    bodies=governance.BODIES,
    logged_decisions=governance.LOGGED_DECISIONS,
    questions=evaluation.QUESTIONS,
    indicators=evaluation.INDICATORS,
    journal=evaluation.JOURNAL,
    verdicts=evaluation.VERDICTS,
    path=(
        Move(Stage.FRAMING, "idée retenue par le bureau du Parc"),
        Move(Stage.RUNNING, "lancement public"),
        Decide(
            DecisionKind.ADJUST,
            date(2019, 12, 12),
            "Les seuils sont presque atteints (92 trajets en décembre pour 100, 251 inscrits "
            "pour 250). Les arrêts des petites vallées restent vides : on les déplace, on "
            "relance avec les lycées, et l'expérimentation se poursuit.",
            meeting="copil-etape",
            assessments={
                "c1": (Assessment.PARTLY_MET, "92 trajets déclarés en décembre 2019."),
                "c2": (Assessment.MET, "251 inscriptions la première année."),
            },
        ),
        Move(Stage.EVALUATION, "fin de la période d'expérimentation"),
        Move(Stage.DECISION, "rapport d'évaluation remis au comité de pilotage"),
        Decide(
            DecisionKind.PERENNISE,
            date(2021, 2, 25),
            "Attente courte et sentiment de sécurité au rendez-vous ; trajets au-dessus de 100 "
            "par mois hors confinement ; les communes sont prêtes à cofinancer. Le dispositif "
            "est pérennisé avec une animation allégée et un objectif de conducteurs inscrits.",
            at_gate=False,
            meeting="copil-bilan",
            assessments={
                "c3": (
                    Assessment.PARTLY_MET,
                    "74 trajets en décembre 2020 (confinement), 104 et 118 en septembre et "
                    "octobre.",
                ),
                "c4": (Assessment.MET, "75 % des communes participantes s'engagent."),
            },
        ),
    ),
)
