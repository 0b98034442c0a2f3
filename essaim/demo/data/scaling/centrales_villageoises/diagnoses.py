"""The two readiness diagnoses of the case, a year or so apart."""

from datetime import date

from essaim.demo.data.scaling.spec import (
    DiagnosisSpec,
)

DIAGNOSES = (
    DiagnosisSpec(
        date(2018, 10, 16),
        "Premier diagnostic, quelques mois après la création de l'association : le modèle a "
        "fait ses preuves sur les sites pilotes, mais l'accompagnement des nouveaux groupes "
        "repose encore sur quelques bénévoles.",
        {
            "impact_indicators": (
                3,
                "Plus de dix sociétés créées et une puissance installée proche de l'objectif.",
            ),
            "impact_hypotheses": (
                2,
                "Les groupes reprennent le modèle ; l'ancrage local à distance reste à vérifier.",
            ),
            "impact_recognised": (
                3,
                "Les communes et les parcs citent les centrales villageoises en exemple.",
            ),
            "model_core": (2, "La charte de 2015 fixe le socle, mais sans guide d'application."),
            "model_adaptable": (
                1,
                "Ce qui peut varier d'un territoire à l'autre n'est écrit nulle part.",
            ),
            "model_documented": (
                2,
                "Des statuts et contrats types existent, éparpillés entre les sociétés.",
            ),
            "economics_costs": (
                1,
                "Le coût d'accompagnement d'un nouveau groupe n'a jamais été calculé.",
            ),
            "economics_revenues": (1, "L'association ne vit presque que de subventions."),
            "economics_plan": (0, "Pas encore de budget au-delà de l'année en cours."),
            "carriers_time": (
                1,
                "Deux administrateurs bénévoles répondent seuls aux demandes.",
            ),
            "carriers_will": (3, "L'assemblée constitutive a voté l'essaimage à l'unanimité."),
            "carriers_governance": (
                2,
                "Les statuts prévoient l'adhésion des nouvelles sociétés ; le conseil reste "
                "à élargir.",
            ),
            "demand_requests": (
                3,
                "Des groupes d'autres régions écrivent sans avoir été démarchés.",
            ),
            "demand_fit": (3, "Les mêmes envies d'énergie citoyenne existent partout en rural."),
            "demand_relays": (
                2,
                "Les parcs relaient le modèle ; les réseaux nationaux le connaissent mal.",
            ),
            "resources_funding": (1, "Un soutien régional d'un an, rien au-delà."),
            "resources_people": (
                1,
                "Les compétences juridiques sont chez quelques bénévoles très sollicités.",
            ),
            "resources_tools": (1, "Pas de site commun ni de formation structurée."),
            "risks_known": (
                1,
                "On craint l'épuisement des bénévoles sans l'avoir analysé.",
            ),
            "risks_of_standing_still": (
                2,
                "Sans réseau, des projets copient le nom sans la charte.",
            ),
            "risks_reversible": (
                3,
                "Chaque société est autonome : un arrêt ne met pas le réseau en danger.",
            ),
            "returns_social": (
                2,
                "Retombées économiques locales connues, effets sur le lien social non mesurés.",
            ),
            "returns_carriers": (
                2,
                "Les sociétés pilotes attendent du réseau des outils et des prix négociés.",
            ),
            "returns_measured": (0, "Aucun indicateur commun aux sociétés."),
            "partners_committed": (
                2,
                "L'agence régionale et les parcs restent engagés, sans moyens dédiés.",
            ),
            "partners_institutions": (2, "La Région soutient, l'État ne connaît pas le modèle."),
            "partners_policy": (
                2,
                "Les plans climat des intercommunalités ouvrent une place à l'énergie citoyenne.",
            ),
        },
    ),
    DiagnosisSpec(
        date(2019, 11, 19),
        "Un an plus tard : le modèle est écrit, les premiers outils sont en ligne et les "
        "sociétés partagent leurs chiffres. Le financement de l'association reste le point "
        "faible.",
        {
            "impact_indicators": (
                3,
                "Dix-huit sociétés en activité et deux mégawatts installés.",
            ),
            "impact_hypotheses": (
                3,
                "Les groupes éloignés aboutissent aussi quand ils sont parrainés.",
            ),
            "impact_recognised": (3, "Prix et articles de presse ; les élus en redemandent."),
            "model_core": (3, "Le socle est décrit élément par élément dans le kit."),
            "model_adaptable": (
                3,
                "Forme juridique, périmètre, projets et financement : les choix sont expliqués.",
            ),
            "model_documented": (2, "Le centre de ressources est ouvert, encore incomplet."),
            "economics_costs": (
                2,
                "Environ quinze jours d'accompagnement par nouveau groupe (estimation).",
            ),
            "economics_revenues": (
                1,
                "Les cotisations couvrent moins d'un quart du budget.",
            ),
            "economics_plan": (2, "Budget sur trois ans voté, à consolider."),
            "carriers_time": (2, "Un salarié à mi-temps et des parrains formés."),
            "carriers_will": (3, "L'ambition nationale est confirmée en assemblée générale."),
            "carriers_governance": (
                3,
                "Un collège par région au conseil d'administration.",
            ),
            "demand_requests": (3, "Une quinzaine de groupes en contact ou en étude."),
            "demand_fit": (3, "Des demandes de cinq régions."),
            "demand_relays": (
                3,
                "Le mouvement des énergies citoyennes relaie le kit.",
            ),
            "resources_funding": (
                2,
                "Soutien régional sur trois ans ; fondations sollicitées.",
            ),
            "resources_people": (2, "Un juriste bénévole et un technicien salarié."),
            "resources_tools": (3, "Site, kit, formations en quatre modules."),
            "risks_known": (
                2,
                "Registre des risques tenu par le conseil, avec un responsable pour chacun.",
            ),
            "risks_of_standing_still": (3, "Évalué : le nom serait dilué sans réseau."),
            "risks_reversible": (3, "Inchangé : les sociétés restent autonomes."),
            "returns_social": (2, "Une étude des retombées locales est en cours."),
            "returns_carriers": (3, "Services mutualisés et entraide sont décrits."),
            "returns_measured": (
                2,
                "Puissance, sociétaires et production déclarés chaque année par les sociétés.",
            ),
            "partners_committed": (3, "Agence régionale, parcs et banques partenaires."),
            "partners_institutions": (
                2,
                "Reconnaissance régionale ; contacts avec l'Ademe.",
            ),
            "partners_policy": (
                3,
                "Le modèle entre dans les plans climat de plusieurs intercommunalités.",
            ),
        },
    ),
)
