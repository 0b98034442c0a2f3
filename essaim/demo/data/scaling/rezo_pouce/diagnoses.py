"""The two readiness diagnoses of the case, a year or so apart."""

from datetime import date

from essaim.demo.data.scaling.spec import (
    DiagnosisSpec,
)

DIAGNOSES = (
    DiagnosisSpec(
        date(2021, 1, 19),
        "Diagnostic établi par le Parc à la fin de l'expérimentation, avant le comité de "
        "pilotage qui a décidé de la pérennisation : le dispositif marche en Chartreuse, "
        "mais le Parc n'a ni le temps ni le mandat pour accompagner ses voisins.",
        {
            "impact_indicators": (
                2,
                "Trajets au-dessus de cent par mois hors confinement, sous la cible de cent "
                "cinquante.",
            ),
            "impact_hypotheses": (
                2,
                "Attente courte et sentiment de sécurité confirmés ; inscriptions en retard.",
            ),
            "impact_recognised": (
                3,
                "Trois communes sur quatre prêtes à cofinancer la suite.",
            ),
            "model_core": (3, "Le socle est celui du réseau : arrêts, inscription, charte."),
            "model_adaptable": (
                1,
                "Ce que la Chartreuse a adapté (arrêts de vallée, lycées) n'est pas écrit.",
            ),
            "model_documented": (
                2,
                "Les outils du réseau existent ; les documents du Parc sont épars.",
            ),
            "economics_costs": (
                2,
                "Coût connu : animation, panneaux et cotisation, à consolider.",
            ),
            "economics_revenues": (
                1,
                "L'animation repose encore sur un financement d'appel à projets.",
            ),
            "economics_plan": (1, "Pas de budget au-delà de 2021."),
            "carriers_time": (
                0,
                "La chargée de mission n'a pas de temps prévu pour d'autres territoires.",
            ),
            "carriers_will": (
                2,
                "Les élus du Parc veulent partager l'expérience, sans la porter seuls.",
            ),
            "carriers_governance": (
                2,
                "Le comité technique peut accueillir des représentants voisins.",
            ),
            "demand_requests": (
                2,
                "Deux intercommunalités voisines ont demandé des renseignements.",
            ),
            "demand_fit": (
                3,
                "Les vallées voisines ont les mêmes habitants sans voiture.",
            ),
            "demand_relays": (
                3,
                "Le réseau national et les parcs voisins relaient le dispositif.",
            ),
            "resources_funding": (1, "Rien d'identifié pour accompagner les voisins."),
            "resources_people": (
                2,
                "Le réseau forme les animateurs ; le Parc peut témoigner.",
            ),
            "resources_tools": (3, "Signalétique, application et supports existent."),
            "risks_known": (
                1,
                "Le risque d'arrêts vides dans les petites vallées est connu, pas les autres.",
            ),
            "risks_of_standing_still": (
                1,
                "L'effet d'un dispositif isolé, sans voisins, n'a pas été évalué.",
            ),
            "risks_reversible": (
                3,
                "Un territoire qui s'arrête retire ses panneaux, sans toucher les autres.",
            ),
            "returns_social": (
                2,
                "Trajets et inscrits suivis ; lien social décrit sans être mesuré.",
            ),
            "returns_carriers": (
                2,
                "Des arrêts chez les voisins allongeraient les trajets possibles.",
            ),
            "returns_measured": (
                2,
                "Inscrits et trajets suivis par l'outil du réseau.",
            ),
            "partners_committed": (
                2,
                "Communes et réseau engagés ; autorité organisatrice encore réservée.",
            ),
            "partners_institutions": (
                1,
                "La Région et le département ne se sont pas prononcés.",
            ),
            "partners_policy": (
                2,
                "La loi d'orientation des mobilités ouvre une place, encore à prendre.",
            ),
        },
    ),
    DiagnosisSpec(
        date(2022, 2, 8),
        "Un an après la pérennisation : les adaptations de la Chartreuse sont écrites dans "
        "le kit, deux territoires voisins sont lancés et les intercommunalités ont pris la "
        "compétence mobilité. Le temps d'animation reste le point faible.",
        {
            "impact_indicators": (
                3,
                "Plus de cent cinquante trajets par mois depuis le printemps.",
            ),
            "impact_hypotheses": (3, "Les trois hypothèses sont confirmées ou en passe de l'être."),
            "impact_recognised": (3, "Les communes cofinancent ; les lycées relaient."),
            "model_core": (3, "Inchangé : le socle du réseau."),
            "model_adaptable": (
                3,
                "Arrêts, publics, lieux d'inscription et portage : les choix sont expliqués.",
            ),
            "model_documented": (3, "Le kit rassemble les documents du Parc."),
            "economics_costs": (3, "Coût complet chiffré pour un territoire de 20 communes."),
            "economics_revenues": (
                2,
                "Les communes et l'intercommunalité financent désormais l'animation.",
            ),
            "economics_plan": (2, "Budget sur trois ans voté par le Parc."),
            "carriers_time": (
                1,
                "Une journée par mois pour les voisins, c'est peu.",
            ),
            "carriers_will": (3, "Le comité syndical du Parc soutient le partage."),
            "carriers_governance": (
                3,
                "Les territoires voisins siègent au comité technique.",
            ),
            "demand_requests": (3, "Cinq territoires en contact ou en étude."),
            "demand_fit": (3, "Inchangé."),
            "demand_relays": (3, "Réseau national, parcs voisins, département."),
            "resources_funding": (
                2,
                "Un appel à projets régional finance les visites d'échange.",
            ),
            "resources_people": (2, "Animateurs formés par le réseau dans deux territoires."),
            "resources_tools": (3, "Inchangé, plus le kit du Parc."),
            "risks_known": (
                2,
                "Registre des risques : arrêts vides, départ d'un animateur, baisse d'usage.",
            ),
            "risks_of_standing_still": (
                2,
                "Sans voisins, les trajets vers les gares restent impossibles.",
            ),
            "risks_reversible": (3, "Inchangé."),
            "returns_social": (
                2,
                "Enquête passagers reconduite dans les territoires voisins.",
            ),
            "returns_carriers": (3, "Des trajets d'une vallée à l'autre, vers Voiron et Chambéry."),
            "returns_measured": (
                3,
                "Inscrits, arrêts et temps d'attente partagés par tous les territoires.",
            ),
            "partners_committed": (
                3,
                "Intercommunalités voisines et réseau engagés par convention.",
            ),
            "partners_institutions": (
                2,
                "Le département finance une partie des frais d'entrée.",
            ),
            "partners_policy": (
                3,
                "Les intercommunalités devenues autorités organisatrices l'inscrivent dans "
                "leur plan.",
            ),
        },
    ),
)
