"""The scaling of the Bricobus: the mobile self-renovation scheme of the Compagnons Bâtisseurs
Centre-Val de Loire, deployed as a network of local teams in the départements of the region.

See ``CASE.sources`` for what is public and what is illustrative.
"""

from datetime import date

from essaim.demo.data.experiments.bricobus import CASE as EXPERIMENT
from essaim.demo.data.scaling.spec import (
    DiagnosisSpec,
    KitItemSpec,
    KitSpec,
    NetworkCaseSpec,
    ReplicaSpec,
    SharedIndicatorSpec,
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
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
)

CONVENTION = AgreementKind.AGREEMENT
COMPAGNONS = "Compagnons Bâtisseurs Centre-Val de Loire"


# Illustrative yearly figures of a local team, from ``first_year``.
_figures = series_of("menages", "chantiers", "autonomie")


KIT = KitSpec(
    title="Bricobus : un atelier mobile pour l'auto-réhabilitation accompagnée",
    summary=(
        "Un fourgon équipé et une équipe qui viennent jusqu'au domicile de ménages modestes, "
        "souvent en milieu rural, pour qu'ils réhabilitent eux-mêmes leur logement, "
        "accompagnés par un animateur technique. Les ménages sont orientés par les travailleurs "
        "sociaux ; les chantiers sont courts et découpés en étapes ; à la fin, le logement est "
        "amélioré et ses habitants savent l'entretenir. Parti du Loiret en 2016, le dispositif "
        "se déploie par des équipes locales formées à la même méthode."
    ),
    origin=(
        "Les Compagnons Bâtisseurs, mouvement associatif né dans les années 1950, pratiquent "
        "l'auto-réhabilitation accompagnée : faire avec les habitants plutôt qu'à leur place. "
        "Leurs ateliers de quartier touchaient mal les ménages isolés des campagnes, qui ne "
        "viennent pas jusqu'à eux. En 2016, les Compagnons Bâtisseurs Centre-Val de Loire "
        "lancent dans le Loiret le Bricobus, un atelier nomade. Après une phase pilote, le "
        "comité de pilotage décide en 2019 de le déployer en réseau d'équipes locales : "
        "l'itinérance a une limite de distance."
    ),
    charter_kind=CharterKind.AGREEMENT,
    charter_name="Convention de déploiement du Bricobus",
    charter_conditions=(
        "La structure qui porte un Bricobus signe une convention avec les Compagnons "
        "Bâtisseurs Centre-Val de Loire : elle applique la méthode de l'auto-réhabilitation "
        "accompagnée, fait former son équipe, réunit une commission d'orientation avec les "
        "services sociaux et partage chaque année ses chiffres et ses enseignements avec le "
        "réseau."
    ),
    training_offered=(
        "Une formation de cinq jours pour les animateurs techniques (pédagogie du chantier, "
        "sécurité, diagnostic du logement) et une journée pour les travailleurs sociaux "
        "prescripteurs ; une rencontre annuelle des équipes (contenu illustratif)."
    ),
    support_offered=(
        "Le guide de déploiement, les fiches chantier et les modèles de contrat d'engagement "
        "des ménages ; l'accompagnement des premiers chantiers par un animateur expérimenté ; "
        "l'aide au montage des financements avec les départements et les fondations."
    ),
    fee_amount=None,
    fee_terms="pas de cotisation ; la formation des équipes est facturée au coût (illustratif)",
    contact_name="Vincent Renaud-Giard",
    items=(
        KitItemSpec(
            KitItemKind.CORE,
            "L'auto-réhabilitation accompagnée",
            "Le ménage réalise les travaux, l'animateur technique montre, conseille et "
            "sécurise : on fait avec, pas à la place.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "L'orientation par les acteurs sociaux",
            "Les ménages sont repérés et orientés par les travailleurs sociaux ; une "
            "commission avec les partenaires examine chaque situation.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Un véhicule équipé qui va jusqu'aux ménages",
            "Outillage de plusieurs corps de métier et petits matériaux, pour travailler au "
            "domicile sans que le ménage ait à se déplacer.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des chantiers courts, découpés en étapes",
            "Quelques jours à dix jours de chantier, avec un plafond de matériaux, pour que "
            "le ménage voie vite le résultat.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "L'engagement du ménage",
            "Un contrat d'engagement, une participation modeste aux frais et, si possible, un "
            "coup de main sur le chantier d'un autre ménage.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Le territoire de tournée",
            "Un canton, un pays, un département.",
            "Regrouper les chantiers proches pour limiter les trajets ; au-delà d'une heure de "
            "route, prévoir une autre équipe plutôt qu'une tournée plus longue.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les travaux proposés",
            "Second œuvre, petits travaux d'économie d'énergie, adaptation au vieillissement.",
            "Choisir selon les besoins repérés par les prescripteurs et les compétences de "
            "l'animateur ; orienter vers des artisans ce qui dépasse l'auto-réhabilitation.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "La structure porteuse",
            "Une équipe des Compagnons Bâtisseurs, ou une structure partenaire : centre social, "
            "régie de territoire, association d'insertion.",
            "Une structure partenaire connaît déjà les habitants ; elle doit pouvoir employer "
            "un animateur technique et assurer le véhicule.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les animations collectives",
            "Ateliers de bricolage, outilthèque, prêt d'outils entre les chantiers.",
            "Utiles pour se faire connaître et repérer des ménages ; à caler sur les lieux "
            "déjà fréquentés (marchés, centres sociaux).",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des prescripteurs sociaux partenaires",
            "Le département, les centres communaux d'action sociale ou la caisse d'allocations "
            "familiales prêts à orienter des ménages.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Un animateur technique pédagogue",
            "Un professionnel du bâtiment qui aime transmettre, avec si possible un volontaire "
            "en service civique.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Un véhicule et un lieu de stockage",
            "Un fourgon aménagé et un local pour les matériaux et l'outillage.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des cofinancements sur trois ans",
            "Collectivités, bailleurs, fondations : l'accompagnement ne se finance pas par les "
            "ménages.",
        ),
    ),
    published=True,
)

STRATEGY = StrategySpec(
    situation=Situation.EXTEND_TERRITORY,
    scale_types=(ScaleType.OUT, ScaleType.DEEP),
    strategy=StrategyKind.KNOW_HOW,
    route=Route.NETWORK,
    rationale=(
        "Un seul Bricobus ne peut pas élargir sa tournée indéfiniment : au-delà d'une heure "
        "de route, le temps passé sur la route mange celui du chantier. La méthode se "
        "transmet donc à des équipes locales, antennes des Compagnons ou structures "
        "partenaires, qui la mettent en œuvre près des ménages."
    ),
    target_places=(
        "Les départements de la région Centre-Val de Loire d'abord (Cher, Indre, "
        "Indre-et-Loire, Loir-et-Cher, Eure-et-Loir), puis les territoires voisins qui le "
        "demandent."
    ),
    target_publics=(
        "Des structures capables de porter une équipe (centres sociaux, régies de territoire, "
        "associations d'insertion) et les départements qui financent l'action sociale ; à "
        "travers elles, les ménages modestes des campagnes."
    ),
    resources=(
        "Un animateur expérimenté à mi-temps pour former et accompagner les nouvelles équipes ; "
        "un véhicule par équipe ; le guide de déploiement."
    ),
    economic_model=(
        "Un service gratuit ou presque pour les ménages, financé par les départements, les "
        "caisses d'allocations familiales, les bailleurs, les fondations et des mécènes ; les "
        "Compagnons facturent la formation et l'appui aux structures partenaires."
    ),
    funding_transition=(
        "Passer d'appels à projets annuels à des conventions pluriannuelles avec les "
        "départements, et faire financer les véhicules par le mécénat (proportions "
        "illustratives)."
    ),
    grant_share_now=85,
    grant_share_target=65,
    target_year=2028,
    institutional_anchoring=(
        "Inscrire le Bricobus dans les plans départementaux d'action pour le logement et "
        "l'hébergement des personnes défavorisées et dans les programmes de lutte contre la "
        "précarité énergétique."
    ),
    steps=(
        StepSpec(
            Track.SCALING,
            "Guide de déploiement et formation des premières équipes",
            date(2019, 3, 1),
            date(2019, 12, 20),
            "Un animateur expérimenté à mi-temps.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Premières équipes dans le Gâtinais, le Cher et l'Indre",
            date(2019, 9, 2),
            date(2021, 6, 30),
            "Deux véhicules de plus ; conventions avec les structures porteuses.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Mécénat pour le renouvellement des véhicules",
            date(2021, 1, 4),
            date(2021, 12, 17),
            "Dossiers auprès des fondations d'entreprise.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Extension à l'Indre-et-Loire, au Loir-et-Cher et à l'Eure-et-Loir",
            date(2022, 1, 3),
            date(2024, 12, 20),
            "Trois nouvelles équipes ; rencontre annuelle du réseau.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Conventions pluriannuelles avec les départements",
            date(2024, 6, 3),
            date(2026, 12, 18),
            "Bilans chiffrés par département ; négociation avec les services sociaux.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.SCALING,
            "Partage de la méthode avec les territoires voisins de la région",
            date(2026, 1, 5),
            date(2027, 12, 17),
            "Journées d'échanges ; accueil en immersion sur des chantiers.",
            StepState.UNDERWAY,
        ),
    ),
)

DIAGNOSES = (
    DiagnosisSpec(
        date(2018, 11, 20),
        "Diagnostic préparé pour le comité de pilotage de bilan : la preuve est faite dans le "
        "Loiret, mais la méthode tient dans la tête de l'équipe d'origine.",
        {
            "impact_indicators": (3, "Plus de soixante ménages accompagnés depuis 2016."),
            "impact_hypotheses": (
                2,
                "Les ménages engagent des travaux ; l'autonomie progresse, à confirmer.",
            ),
            "impact_recognised": (
                3,
                "Les travailleurs sociaux orientent de plus en plus de ménages.",
            ),
            "model_core": (
                2,
                "Les principes de l'auto-réhabilitation accompagnée sont écrits ; le "
                "fonctionnement du Bricobus ne l'est pas.",
            ),
            "model_adaptable": (1, "On ne sait pas encore ce qui peut changer ailleurs."),
            "model_documented": (1, "Fiches chantier faites à la main, non rassemblées."),
            "economics_costs": (
                2,
                "Coût d'un chantier connu ; coût d'une nouvelle équipe estimé grossièrement.",
            ),
            "economics_revenues": (0, "Tout repose sur des subventions annuelles."),
            "economics_plan": (1, "Budget de l'année suivante seulement."),
            "carriers_time": (
                1,
                "L'équipe du Loiret est déjà pleine avec ses propres chantiers.",
            ),
            "carriers_will": (3, "La direction et le conseil d'administration le veulent."),
            "carriers_governance": (
                2,
                "Le comité de pilotage peut accueillir les financeurs des autres départements.",
            ),
            "demand_requests": (
                2,
                "Des travailleurs sociaux du Cher et de l'Indre ont demandé le Bricobus.",
            ),
            "demand_fit": (3, "Le mal-logement rural est le même dans toute la région."),
            "demand_relays": (
                2,
                "Le mouvement des Compagnons Bâtisseurs relaie ; peu de relais institutionnels.",
            ),
            "resources_funding": (1, "Aucun financement de déploiement identifié."),
            "resources_people": (
                1,
                "Les animateurs techniques pédagogues sont rares.",
            ),
            "resources_tools": (1, "Pas de guide ni de formation écrite."),
            "risks_known": (
                1,
                "Le coût des trajets est suivi ; les autres risques ne sont pas analysés.",
            ),
            "risks_of_standing_still": (
                2,
                "Sans essaimage, la liste d'attente s'allonge loin d'Orléans.",
            ),
            "risks_reversible": (
                2,
                "Une équipe peut s'arrêter ; le véhicule se réaffecte.",
            ),
            "returns_social": (
                2,
                "Logements améliorés et entraide observée, non chiffrées partout.",
            ),
            "returns_carriers": (
                1,
                "Ce que l'association gagne à essaimer reste flou.",
            ),
            "returns_measured": (1, "Seul le nombre de ménages est suivi."),
            "partners_committed": (
                2,
                "Le département du Loiret et deux fondations suivent le projet.",
            ),
            "partners_institutions": (
                1,
                "Les autres départements ne connaissent pas encore le dispositif.",
            ),
            "partners_policy": (
                2,
                "Le plan départemental pour le logement des personnes défavorisées s'y prête.",
            ),
        },
    ),
    DiagnosisSpec(
        date(2019, 12, 3),
        "Un an plus tard : guide écrit, premières équipes formées, chiffres communs définis. "
        "Le financement durable reste à construire.",
        {
            "impact_indicators": (3, "Les premiers chantiers des nouvelles équipes aboutissent."),
            "impact_hypotheses": (3, "Les deux hypothèses sont confirmées au bilan."),
            "impact_recognised": (3, "Les ménages témoignent ; les prescripteurs redemandent."),
            "model_core": (3, "Le socle est décrit dans le guide de déploiement."),
            "model_adaptable": (
                2,
                "Territoire, travaux et structure porteuse : les choix sont expliqués.",
            ),
            "model_documented": (3, "Guide, fiches chantier et contrats types rassemblés."),
            "economics_costs": (3, "Coût d'une équipe chiffré sur trois ans."),
            "economics_revenues": (
                1,
                "La formation facturée rapporte peu ; tout le reste est subventionné.",
            ),
            "economics_plan": (2, "Budget triennal présenté aux financeurs."),
            "carriers_time": (2, "Un animateur à mi-temps pour les nouvelles équipes."),
            "carriers_will": (3, "Inchangé."),
            "carriers_governance": (
                3,
                "Un comité du réseau réunit les structures porteuses.",
            ),
            "demand_requests": (3, "Quatre départements demandent une équipe."),
            "demand_fit": (3, "Inchangé."),
            "demand_relays": (3, "Départements, caisses d'allocations familiales, bailleurs."),
            "resources_funding": (
                2,
                "Fondations et départements financent les deux premières équipes.",
            ),
            "resources_people": (2, "Deux animateurs recrutés et formés."),
            "resources_tools": (3, "Guide, formation de cinq jours, rencontre annuelle."),
            "risks_known": (
                2,
                "Risques listés : recrutement, fin d'un financement, chantiers trop longs.",
            ),
            "risks_of_standing_still": (3, "La liste d'attente rurale est chiffrée."),
            "risks_reversible": (3, "Une convention prévoit l'arrêt et le sort du véhicule."),
            "returns_social": (3, "Ménages, chantiers et autonomie suivis ensemble."),
            "returns_carriers": (
                2,
                "Une meilleure visibilité régionale et des financements mutualisés.",
            ),
            "returns_measured": (3, "Trois indicateurs partagés par toutes les équipes."),
            "partners_committed": (3, "Deux départements signent une convention."),
            "partners_institutions": (2, "La Région s'intéresse au dispositif."),
            "partners_policy": (
                2,
                "Inscription dans deux plans départementaux en préparation.",
            ),
        },
    ),
)

SHARED_INDICATORS = (
    SharedIndicatorSpec("menages", "Ménages accompagnés", "ménages", Aggregation.SUM),
    SharedIndicatorSpec("chantiers", "Chantiers terminés", "chantiers", Aggregation.SUM),
    SharedIndicatorSpec(
        "autonomie",
        "Ménages se disant plus autonomes en fin de chantier",
        "%",
        Aggregation.MEAN,
    ),
)

REPLICAS = (
    ReplicaSpec(
        "Bricobus du Gâtinais",
        "45208",  # Montargis
        f"{COMPAGNONS} — équipe du Montargois",
        path(
            date(2019, 3, 12),
            None,
            date(2019, 6, 18),
            date(2019, 10, 7),
            date(2020, 10, 5),
            notes={"contact": "Second véhicule dans le Loiret, pour l'est du département."},
        ),
        CONVENTION,
        adaptations="Une équipe des Compagnons eux-mêmes, à une heure d'Orléans.",
        figures=_figures(
            2020, [14, 22, 25, 27, 28, 29], [11, 19, 22, 24, 25, 26], [62, 68, 71, 72, 74, 75]
        ),
    ),
    ReplicaSpec(
        "Bricobus du Cher",
        "18197",  # Saint-Amand-Montrond
        "Centre social du Pays de Saint-Amand",
        path(
            date(2019, 4, 9),
            date(2019, 7, 2),
            date(2019, 12, 10),
            date(2020, 9, 14),
            date(2021, 9, 6),
            notes={"lancee": "Lancement retardé de six mois par la crise sanitaire."},
        ),
        CONVENTION,
        adaptations="Porté par un centre social qui connaissait déjà les ménages.",
        lessons="Une structure partenaire repère plus vite les ménages que les Compagnons seuls.",
        figures=_figures(
            2020, [6, 18, 21, 24, 26, 25], [4, 15, 19, 21, 23, 23], [55, 64, 69, 70, 73, 72]
        ),
    ),
    ReplicaSpec(
        "Bricobus de l'Indre",
        "36046",  # La Châtre
        f"{COMPAGNONS} — équipe de l'Indre",
        path(
            date(2019, 6, 4),
            date(2019, 11, 5),
            date(2020, 6, 16),
            date(2021, 3, 1),
            date(2022, 3, 7),
        ),
        CONVENTION,
        adaptations="Tournée sur le Boischaut sud, habitat très dispersé.",
        figures=_figures(2021, [12, 17, 20, 22, 23], [9, 15, 18, 19, 21], [60, 66, 70, 71, 73]),
    ),
    ReplicaSpec(
        "Bricobus du Sud Touraine",
        "37132",  # Loches
        "Régie de territoire du Lochois",
        path(
            date(2021, 5, 18),
            date(2021, 10, 12),
            date(2022, 2, 8),
            date(2022, 9, 5),
            date(2023, 9, 4),
        ),
        CONVENTION,
        adaptations="Les salariés en insertion de la régie participent aux chantiers.",
        figures=_figures(2022, [8, 19, 22, 24], [6, 16, 20, 22], [58, 67, 71, 74]),
    ),
    ReplicaSpec(
        "Bricobus de Sologne",
        "41194",  # Romorantin-Lanthenay
        f"{COMPAGNONS} — équipe du Loir-et-Cher",
        path(
            date(2022, 3, 15),
            date(2022, 9, 20),
            date(2023, 3, 14),
            date(2023, 9, 11),
            date(2024, 9, 9),
        ),
        CONVENTION,
        figures=_figures(2023, [7, 18, 21], [5, 15, 19], [61, 68, 70]),
    ),
    ReplicaSpec(
        "Bricobus du Perche",
        "28280",  # Nogent-le-Rotrou
        "Association Perche Habitat Solidaire",
        path(
            date(2021, 11, 16),
            date(2022, 4, 12),
            date(2022, 12, 6),
            date(2023, 4, 3),
            stopped=(
                date(2025, 1, 31),
                "Le cofinancement départemental n'est pas reconduit ; le véhicule rejoint "
                "l'équipe de Sologne.",
            ),
        ),
        CONVENTION,
        lessons="Un seul financeur principal rend une équipe fragile : la convention "
        "pluriannuelle doit précéder le lancement.",
        figures=_figures(2023, [9, 14], [6, 11], [57, 63]),
    ),
    ReplicaSpec(
        "Bricobus du Vendômois",
        "41269",  # Vendôme
        "Centre communal d'action sociale de Vendôme",
        path(date(2025, 4, 8), date(2025, 10, 14)),
    ),
    ReplicaSpec(
        "Bricobus du Val de Loire nivernais",
        "58086",  # Cosne-Cours-sur-Loire
        "Centre social intercommunal du Cosnois",
        path(
            date(2026, 5, 19),
            notes={"contact": "Premier territoire hors de la région à demander le kit."},
        ),
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
        "Public : le Bricobus des Compagnons Bâtisseurs Centre-Val de Loire, lancé dans le "
        "Loiret en 2016 et présenté aux webconférences de Cap Rural en 2021 ; la méthode de "
        "l'auto-réhabilitation accompagnée du mouvement des Compagnons Bâtisseurs (faire avec "
        "les habitants, orientation par les travailleurs sociaux, examen des dossiers en "
        "commission avec les partenaires, fourgon équipé, chantiers de quelques jours avec un "
        "plafond de matériaux, participation et entraide des ménages) ; des Bricobus existent "
        "aussi dans d'autres associations régionales du mouvement.\n"
        "Illustratif : toutes les répliques (noms, structures porteuses, communes, dates), "
        "leurs chiffres, la convention de déploiement, la formation et son contenu, l'absence "
        "de cotisation, la stratégie, ses étapes et ses proportions, les diagnostics de "
        "maturité."
    ),
)
