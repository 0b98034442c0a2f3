"""The scaling of Terres de Sources: a local label of Eau du Bassin Rennais Collectivité that
protects drinking water through farm practices and public procurement, grown into a cooperative
and opened, wave after wave, to neighbouring catchments. Its kit is not published yet: the
decision on the extension is still to come.

See ``CASE.sources`` for what is public and what is illustrative.
"""

from datetime import date

from essaim.demo.data.experiments.terres_de_sources import CASE as EXPERIMENT
from essaim.demo.data.scaling.spec import (
    DiagnosisSpec,
    KitItemSpec,
    KitSpec,
    NetworkCaseSpec,
    ReplicaSpec,
    SharedIndicatorSpec,
    StatusSpec,
    StepSpec,
    StrategySpec,
    path,
    series_of,
)
from essaim.scaling.models import (
    Aggregation,
    AgreementKind,
    CharterKind,
    KitItemKind,
    ReplicationStatus,
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
)

LABEL = AgreementKind.LABEL


# Illustrative yearly figures of an extension, from ``first_year``.
_figures = series_of("producteurs", "surface", "acheteurs")


KIT = KitSpec(
    title="Terres de Sources : protéger l'eau potable par l'alimentation",
    summary=(
        "Les exploitations agricoles situées en amont des captages d'eau potable qui adoptent "
        "des pratiques favorables à l'eau sont rémunérées par la commande publique : les "
        "collectivités achètent une prestation de protection de la ressource, payée en partie "
        "par l'achat de leurs produits pour la restauration collective. Un label, Terres de "
        "Sources, fait reconnaître ces produits dans les cantines et les commerces. Le modèle "
        "intéresse d'autres collectivités de l'eau : ce kit prépare son transfert."
    ),
    origin=(
        "Dès les années 2000, la collectivité de l'eau du bassin rennais cherche à récompenser "
        "les agriculteurs qui protègent la ressource. En 2012, avec la Ville de Rennes et "
        "Rennes Métropole, elle imagine d'utiliser le code des marchés publics pour acheter "
        "les produits des seules exploitations situées en amont des captages, en contrepartie "
        "de pratiques respectueuses de l'eau : c'est « Eau en Saveurs ». Un cahier des charges "
        "est écrit avec des producteurs, des associations et des acheteurs en 2013 et 2014 ; "
        "le premier marché, pour la restauration scolaire de Rennes, est attribué en 2015 à "
        "trois producteurs. Le projet devient Terres de Sources, lauréat de l'appel « "
        "Territoires d'innovation » ; les produits arrivent dans les magasins à partir de "
        "2019 ; une société coopérative d'intérêt collectif prend le relais en 2022."
    ),
    charter_kind=CharterKind.LABEL,
    charter_name="Label Terres de Sources",
    charter_conditions=(
        "Une exploitation peut être labellisée si elle se trouve sur une aire d'alimentation "
        "de captage du territoire couvert, respecte le cahier des charges (pas d'antibiotiques "
        "en préventif, alimentation animale sans OGM, interdiction des matières actives les "
        "plus retrouvées dans l'eau) et s'engage dans une démarche de progrès mesurée et "
        "vérifiée. La coopérative accorde le label et le retire."
    ),
    training_offered=(
        "Pour une autre collectivité de l'eau : une journée sur le montage juridique du marché "
        "de prestation de service et deux jours sur le cahier des charges et le diagnostic des "
        "exploitations (contenu illustratif, à confirmer avec la coopérative)."
    ),
    support_offered=(
        "Le partage des pièces du marché et du groupement de commandes, du cahier des charges "
        "et de la grille de diagnostic ; la présentation aux élus de l'expérience rennaise ; "
        "une place au collège des collectivités de la coopérative (illustratif)."
    ),
    fee_amount=None,
    fee_terms=(
        "pas de cotisation ; une collectivité qui rejoint la coopérative souscrit des parts "
        "sociales selon son collège"
    ),
    contact_name="Daniel Helle",
    items=(
        KitItemSpec(
            KitItemKind.CORE,
            "Acheter la protection de l'eau, pas seulement des denrées",
            "Un marché public de prestation de service environnemental, ouvert aux seules "
            "exploitations situées en amont des captages, rémunérées pour leurs pratiques.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Un cahier des charges de pratiques favorables à l'eau",
            "Des interdits clairs et une démarche de progrès mesurée chaque année, vérifiée "
            "par un tiers.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Un lien aux aires d'alimentation des captages",
            "Seules les exploitations des territoires qui alimentent les captages peuvent "
            "entrer : c'est ce qui relie l'assiette et le verre d'eau.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Un label commun, de la cantine au commerce",
            "La même marque pour la restauration collective, les magasins et les habitants.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Une gouvernance partagée",
            "Producteurs, transformateurs, collectivités, consommateurs et associations "
            "décident ensemble, dans une société coopérative d'intérêt collectif.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les captages et le périmètre",
            "Un bassin versant, plusieurs captages, le territoire d'un syndicat d'eau.",
            "Commencer par les captages les plus menacés ; n'ouvrir une nouvelle zone qu'après "
            "y avoir trouvé des acheteurs, sinon les producteurs partent.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les filières",
            "Lait, viande porcine, légumes, blé panifiable, sarrasin…",
            "Partir des productions déjà présentes sur les aires de captage et des besoins des "
            "cantines ; soutenir une filière végétale nouvelle si elle réduit les pesticides.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les leviers de rémunération",
            "Un bonus annuel proportionnel aux progrès, l'achat de produits, des prestations "
            "d'éducation à l'alimentation.",
            "Le bonus est payé par les producteurs d'eau, les achats par les communes : "
            "répartir selon qui bénéficie de quoi.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les acheteurs",
            "Restauration scolaire, établissements pour personnes âgées, restaurants "
            "administratifs, commerces.",
            "Un groupement de commandes permet aux petites communes de participer sans "
            "monter leur propre marché.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Une collectivité de l'eau engagée dans la protection de ses captages",
            "Avec un programme d'actions agricoles et des relations de confiance avec les "
            "producteurs.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des acheteurs publics prêts à se grouper",
            "Au moins une grande commune ou intercommunalité pour amorcer les volumes.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Une expertise de la commande publique",
            "Le montage du marché de prestation de service demande un appui juridique solide.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des producteurs volontaires sur les aires de captage",
            "Une première dizaine d'exploitations prêtes à entrer dans la démarche de progrès.",
        ),
    ),
    published=False,
)

STRATEGY = StrategySpec(
    situation=Situation.EXTEND_TERRITORY,
    scale_types=(ScaleType.UP, ScaleType.OUT),
    strategy=StrategyKind.COOPERATION,
    route=Route.PARTNERSHIPS,
    rationale=(
        "Un label local ne se franchise pas : sa force est le lien entre des captages précis "
        "et les exploitations qui les entourent. Il s'étend donc par coopération — les "
        "syndicats de bassin et les collectivités voisines rejoignent le groupement de "
        "commandes et la coopérative, par vagues, débouchés d'abord — et il change d'échelle "
        "en faisant reconnaître son montage dans les politiques de l'eau et de l'alimentation."
    ),
    target_places=(
        "Les aires d'alimentation des captages qui alimentent le bassin rennais et les "
        "bassins versants partenaires ; à terme, d'autres collectivités de l'eau de Bretagne "
        "qui voudraient s'en inspirer."
    ),
    target_publics=(
        "Syndicats de production d'eau et de bassin versant, communes et intercommunalités "
        "acheteuses, producteurs et transformateurs des aires de captage."
    ),
    resources=(
        "L'équipe du pôle protection des ressources et celle de la coopérative ; un appui "
        "juridique pour chaque nouvel acheteur ; des techniciens agricoles pour les "
        "diagnostics des exploitations."
    ),
    economic_model=(
        "Les producteurs d'eau financent le bonus environnemental sur le prix de l'eau ; les "
        "communes paient les produits au prix du marché public ; la coopérative vit d'une "
        "redevance sur les ventes sous label et des parts de ses associés."
    ),
    funding_transition=(
        "Les études et l'animation ont été financées par l'appel « Territoires d'innovation » "
        "et la collectivité de l'eau ; la coopérative doit couvrir son animation par la "
        "redevance de marque à mesure que les ventes en magasin augmentent (proportions "
        "illustratives)."
    ),
    grant_share_now=50,
    grant_share_target=25,
    target_year=2030,
    institutional_anchoring=(
        "La protection des aires d'alimentation de captage, les projets alimentaires "
        "territoriaux et l'objectif de la loi EGalim de produits durables et de qualité en "
        "restauration collective donnent au montage une place dans les politiques publiques ; "
        "reste à le faire reconnaître comme une méthode transposable par l'État et les "
        "agences de l'eau."
    ),
    steps=(
        StepSpec(
            Track.PERENNISATION,
            "Création de la société coopérative Terres de Sources",
            date(2021, 3, 1),
            date(2022, 2, 24),
            "Études juridiques ; mobilisation des futurs associés.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Groupement de commandes élargi aux communes et intercommunalités",
            date(2022, 6, 1),
            date(2023, 4, 4),
            "Nouveau marché pour 2023-2025 ; adhésion de dizaines d'acheteurs publics.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Ouverture du label aux captages voisins, par vagues",
            date(2024, 9, 10),
            date(2026, 6, 30),
            "Une vague par an, après avoir trouvé les acheteurs de la zone.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Redevance de marque pour financer l'animation de la coopérative",
            date(2025, 1, 6),
            date(2026, 12, 31),
            "Étude de prix avec les magasins partenaires ; vote en assemblée générale.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.SCALING,
            "Étude de transfert vers d'autres collectivités de l'eau",
            date(2026, 3, 2),
            date(2027, 6, 30),
            "Rencontres avec deux syndicats d'eau bretons ; kit à publier après la décision.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.SCALING,
            "Décision sur l'extension du périmètre",
            date(2026, 12, 8),
            date(2026, 12, 8),
            "Comité de décision de l'expérimentation.",
            StepState.PLANNED,
        ),
    ),
)

DIAGNOSES = (
    DiagnosisSpec(
        date(2025, 9, 16),
        "Diagnostic fait à la fin de la période d'extension : le label tient en grandissant "
        "sur le bassin, mais son transfert à d'autres collectivités n'est pas préparé.",
        {
            "impact_indicators": (
                2,
                "Producteurs et débouchés progressent, encore sous la cible de soixante.",
            ),
            "impact_hypotheses": (
                2,
                "Les débouchés tirent l'engagement ; la notoriété hors du bassin reste moyenne.",
            ),
            "impact_recognised": (
                3,
                "Producteurs, cantines et magasins partenaires défendent le label.",
            ),
            "model_core": (
                2,
                "Le cahier des charges est écrit ; le montage du marché est connu de peu de gens.",
            ),
            "model_adaptable": (1, "Ce qu'une autre collectivité pourrait changer n'est pas dit."),
            "model_documented": (
                2,
                "Pièces de marché et cahier des charges existent, sans guide pour les lire.",
            ),
            "economics_costs": (
                None,
                "Le coût complet d'une extension n'a pas encore été calculé.",
            ),
            "economics_revenues": (
                2,
                "Le bonus est payé sur le prix de l'eau ; la coopérative dépend encore des aides.",
            ),
            "economics_plan": (1, "Budget de la coopérative voté à un an."),
            "carriers_time": (
                1,
                "L'équipe suffit à peine à l'extension sur le bassin.",
            ),
            "carriers_will": (
                2,
                "Les élus veulent partager l'expérience, sans porter d'autres territoires.",
            ),
            "carriers_governance": (
                3,
                "La coopérative a un collège des collectivités ouvert aux nouveaux venus.",
            ),
            "demand_requests": (
                1,
                "Des visites de curiosité, pas encore de demande formelle.",
            ),
            "demand_fit": (
                3,
                "Toutes les collectivités de l'eau cherchent à protéger leurs captages.",
            ),
            "demand_relays": (
                2,
                "Réseaux de l'eau et de l'alimentation intéressés ; pas de relais organisé.",
            ),
            "resources_funding": (1, "Aucun financement pour le transfert."),
            "resources_people": (
                1,
                "L'expertise juridique du marché repose sur deux personnes.",
            ),
            "resources_tools": (1, "Pas de supports pour présenter le montage à l'extérieur."),
            "risks_known": (
                2,
                "Le risque de producteurs sans débouchés est connu et traité par les vagues.",
            ),
            "risks_of_standing_still": (
                1,
                "L'intérêt d'essaimer pour consolider le label n'a pas été évalué.",
            ),
            "risks_reversible": (
                2,
                "Une extension peut revenir au périmètre d'origine, au prix de déceptions.",
            ),
            "returns_social": (
                2,
                "Effets sur l'eau attendus à long terme ; effets économiques suivis.",
            ),
            "returns_carriers": (
                1,
                "Ce que le bassin rennais gagnerait à l'essaimage reste à dire.",
            ),
            "returns_measured": (
                2,
                "Producteurs, surfaces et acheteurs suivis dans chaque extension.",
            ),
            "partners_committed": (
                2,
                "Les syndicats de bassin voisins sont partants ; les agences de l'eau observent.",
            ),
            "partners_institutions": (
                2,
                "Reconnaissance nationale de l'innovation ; pas de cadre pour la reproduire.",
            ),
            "partners_policy": (
                3,
                "Le montage répond à la loi EGalim et à la protection des captages.",
            ),
        },
    ),
    DiagnosisSpec(
        date(2026, 10, 13),
        "Un an plus tard, avant le comité de décision : le modèle est mieux écrit et deux "
        "collectivités de l'eau se sont manifestées. Le transfert n'a toujours pas de "
        "financement ; le kit reste à publier après la décision.",
        {
            "impact_indicators": (
                3,
                "Cinquante-sept producteurs et près de cinquante débouchés fin 2025.",
            ),
            "impact_hypotheses": (
                2,
                "Première hypothèse confirmée, seconde à affiner selon l'évaluation.",
            ),
            "impact_recognised": (3, "Inchangé, et l'évaluation finale le confirme."),
            "model_core": (3, "Le socle est écrit dans le projet de kit."),
            "model_adaptable": (
                2,
                "Périmètre, filières, rémunération et acheteurs : premiers choix décrits.",
            ),
            "model_documented": (3, "Guide du marché de prestation de service rédigé."),
            "economics_costs": (2, "Coût d'une extension estimé à partir des trois vagues."),
            "economics_revenues": (
                2,
                "La redevance de marque couvre une première part de l'animation.",
            ),
            "economics_plan": (2, "Budget triennal de la coopérative en préparation."),
            "carriers_time": (1, "Inchangé : le transfert se ferait en plus du reste."),
            "carriers_will": (3, "Les instances sont prêtes à partager la méthode."),
            "carriers_governance": (3, "Inchangé."),
            "demand_requests": (
                2,
                "Un syndicat d'eau du Morbihan étudie un label inspiré du modèle.",
            ),
            "demand_fit": (3, "Inchangé."),
            "demand_relays": (
                3,
                "Le réseau des collectivités de l'eau propose une journée d'échanges.",
            ),
            "resources_funding": (1, "Toujours rien pour le transfert."),
            "resources_people": (
                2,
                "Un second juriste formé au montage du marché.",
            ),
            "resources_tools": (2, "Guide et présentation prêts, site à faire."),
            "risks_known": (
                3,
                "Registre des risques : débouchés, dilution du label, charge de l'équipe.",
            ),
            "risks_of_standing_still": (
                2,
                "Sans essaimage, le montage reste une exception fragile juridiquement.",
            ),
            "risks_reversible": (2, "Inchangé."),
            "returns_social": (
                2,
                "Premiers résultats sur les ventes de produits phytosanitaires.",
            ),
            "returns_carriers": (
                2,
                "Un cadre juridique partagé sécuriserait le montage rennais.",
            ),
            "returns_measured": (3, "Trois indicateurs partagés, relevés chaque année."),
            "partners_committed": (
                3,
                "Syndicats de bassin et intercommunalités engagés par convention.",
            ),
            "partners_institutions": (
                2,
                "L'agence de l'eau étudie un soutien au transfert.",
            ),
            "partners_policy": (3, "Inchangé."),
        },
    ),
)

SHARED_INDICATORS = (
    SharedIndicatorSpec("producteurs", "Producteurs labellisés", "producteurs", Aggregation.SUM),
    SharedIndicatorSpec("surface", "Surface agricole engagée", "ha", Aggregation.SUM),
    SharedIndicatorSpec("acheteurs", "Acheteurs publics", "acheteurs", Aggregation.SUM),
)

REPLICAS = (
    ReplicaSpec(
        "Terres de Sources — bassin versant du Meu",
        "35188",  # Montfort-sur-Meu
        "Syndicat mixte du bassin versant du Meu",
        path(
            date(2021, 9, 14),
            date(2022, 2, 8),
            date(2022, 9, 13),
            date(2023, 1, 10),
            date(2024, 1, 9),
        ),
        LABEL,
        adaptations="Des exploitations laitières surtout : la filière lait en premier.",
        lessons="Les comités agricoles locaux existants ont fait venir les premiers producteurs.",
        figures=_figures(2023, [6, 10, 13], [480, 790, 1020], [5, 8, 11]),
    ),
    ReplicaSpec(
        "Terres de Sources — captages du Coglais",
        "35257",  # Maen Roch
        "Couesnon Marches de Bretagne",
        path(
            date(2022, 3, 22),
            date(2022, 10, 4),
            date(2023, 6, 20),
            date(2024, 1, 16),
            date(2025, 1, 14),
        ),
        LABEL,
        adaptations="Intercommunalité acheteuse et relais auprès des producteurs.",
        figures=_figures(2024, [4, 8], [310, 640], [3, 6]),
    ),
    ReplicaSpec(
        "Terres de Sources — bassin de la Haute-Rance",
        "22032",  # Caulnes
        "Syndicat du bassin versant de la Haute-Rance",
        path(
            date(2023, 6, 13),
            date(2024, 1, 23),
            date(2024, 11, 19),
            date(2025, 9, 9),
            notes={"lancee": "Première vague ouverte après avoir trouvé quatre acheteurs."},
        ),
        LABEL,
        adaptations="Premier territoire hors d'Ille-et-Vilaine ; cantines des Côtes-d'Armor.",
        figures=_figures(2025, [3], [260], [4]),
    ),
    ReplicaSpec(
        "Terres de Sources — pays de Vitré",
        "35360",  # Vitré
        "Vitré Communauté",
        (
            StatusSpec(ReplicationStatus.CONTACT, date(2024, 3, 12)),
            StatusSpec(ReplicationStatus.STUDY, date(2024, 9, 24)),
            StatusSpec(
                ReplicationStatus.STOPPED,
                date(2025, 6, 17),
                "Les acheteurs publics du territoire ne peuvent pas s'engager avant le "
                "renouvellement de leurs marchés.",
            ),
            StatusSpec(
                ReplicationStatus.CONTACT,
                date(2026, 9, 22),
                "Reprise des échanges avec les nouveaux marchés en vue.",
            ),
        ),
        lessons="Débouchés d'abord : sans acheteurs engagés, on n'ouvre pas la zone.",
    ),
    ReplicaSpec(
        "Label inspiré de Terres de Sources — Eau du Morbihan",
        "56260",  # Vannes
        "Eau du Morbihan",
        path(date(2025, 11, 4), date(2026, 5, 12)),
        adaptations="Un label propre au Morbihan, sur le modèle rennais, plutôt qu'une "
        "extension du label.",
    ),
)

CASE = NetworkCaseSpec(
    experiment_title=EXPERIMENT.title,
    kit=KIT,
    strategy=STRATEGY,
    diagnoses=DIAGNOSES,
    shared_indicators=SHARED_INDICATORS,
    replicas=REPLICAS,
    sources=(
        "Public : la démarche de la Collectivité Eau du Bassin Rennais avec la Ville de Rennes "
        "et Rennes Métropole (« Eau en Saveurs » de 2012 à 2017, cahier des charges écrit en "
        "2013-2014, premier marché public en 2015 avec trois producteurs pour la restauration "
        "scolaire de Rennes) ; le principe d'acheter une prestation de service de protection "
        "de l'eau réservée aux exploitations en amont des captages ; le cahier des charges "
        "(pas d'antibiotiques en préventif, alimentation sans OGM, matières actives "
        "interdites) ; la distinction « Territoires d'innovation » ; les produits en magasin "
        "depuis 2019 ; la SCIC Terres de Sources créée le 24 février 2022 ; le marché "
        "2023-2025 signé le 4 avril 2023 avec ses trois leviers (bonus, prestations "
        "éducatives, achats de produits) ; les contrats avec des syndicats de bassin versant "
        "voisins.\n"
        "Illustratif : les extensions et leurs dates, les structures porteuses qui leur sont "
        "associées, leurs chiffres, le contenu de la formation et de l'appui, la stratégie, "
        "ses étapes et ses proportions, les diagnostics de maturité ; le kit n'est pas publié "
        "dans la démo."
    ),
)
