"""The kit and the strategy of the case, with its plan."""

from datetime import date
from decimal import Decimal

from essaim.demo.data.scaling.spec import (
    KitItemSpec,
    KitSpec,
    StepSpec,
    StrategySpec,
)
from essaim.scaling.models import (
    CharterKind,
    KitItemKind,
    Route,
    ScaleType,
    Situation,
    StepState,
    StrategyKind,
    Track,
)

KIT = KitSpec(
    title="Centrales villageoises : créer une société locale d'énergie citoyenne",
    summary=(
        "Des habitants, leurs collectivités et des entreprises du territoire créent ensemble une "
        "société locale qui installe des centrales photovoltaïques sur les toits, puis d'autres "
        "projets d'énergie renouvelable et de maîtrise de l'énergie. Chaque société reste "
        "autonome et citoyenne ; toutes partagent une charte, des outils et un réseau. Le "
        "modèle, expérimenté dans cinq parcs naturels régionaux de Rhône-Alpes, a montré qu'un "
        "groupe qui ne l'a pas conçu peut le reprendre sans repartir de zéro."
    ),
    origin=(
        "En 2010, l'agence régionale de l'énergie (Rhônalpénergie-Environnement, aujourd'hui "
        "Auvergne-Rhône-Alpes Énergie Environnement) et des parcs naturels régionaux de "
        "Rhône-Alpes lancent une expérimentation sur huit territoires pilotes : produire une "
        "énergie renouvelable qui profite au territoire, avec ses habitants, plutôt que de "
        "laisser des opérateurs extérieurs couvrir les toits et les champs. Les premières "
        "sociétés locales naissent sous forme de SAS ou de SCIC ; la première centrale "
        "villageoise est mise en service le 12 août 2014 aux Haies, dans la communauté de "
        "communes de la région de Condrieu. Une charte commune est écrite en 2015 ; en 2018, "
        "l'Association des Centrales Villageoises est créée pour animer le réseau et organiser "
        "l'essaimage au-delà de la région."
    ),
    charter_kind=CharterKind.CHARTER,
    charter_name="Charte des Centrales Villageoises",
    charter_conditions=(
        "Une société locale qui rejoint le réseau s'engage sur la charte : une gouvernance "
        "d'abord citoyenne ; un lien direct avec les collectivités et des projets cohérents avec "
        "leurs politiques ; des retombées pour le territoire ; des outils communs et le partage "
        "de ses retours d'expérience ; l'entraide avec les autres sociétés du réseau. Elle "
        "adhère à l'association et utilise la marque « Centrales Villageoises » dans son nom."
    ),
    training_offered=(
        "Un parcours pour les groupes locaux en quatre modules : monter la société (statuts, "
        "pacte, gouvernance) ; étudier les toitures et chiffrer un premier projet ; lever le "
        "capital citoyen ; faire vivre la société après la mise en service. Des journées "
        "d'échanges entre sociétés chaque année et des webinaires thématiques (contenu "
        "illustratif)."
    ),
    support_offered=(
        "Le centre de ressources techniques et juridiques du réseau (statuts types, contrats "
        "types, modèles de calcul, cahiers des charges pour les installateurs) ; le parrainage "
        "de chaque nouveau groupe par une société plus avancée ; des services mutualisés "
        "(suivi de la production, assurance, comptabilité) proposés aux sociétés en activité."
    ),
    fee_amount=Decimal("200.00"),
    fee_terms=(
        "par an et par société locale, plus une part selon la puissance installée "
        "(montant illustratif)"
    ),
    contact_name="Claude Dubreuil",
    items=(
        KitItemSpec(
            KitItemKind.CORE,
            "Une société locale à gouvernance citoyenne",
            "Une SAS ou une SCIC dont les habitants détiennent la majorité des voix ; les "
            "collectivités et les entreprises locales en sont actionnaires à leurs côtés.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "La charte des Centrales Villageoises",
            "Signée par chaque société : ancrage local, lien aux collectivités, retombées pour "
            "le territoire, outils communs, entraide.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des installations intégrées au paysage et au bâti",
            "Des centrales de taille modeste, d'abord sur les toits, étudiées avec une approche "
            "paysagère et architecturale héritée des parcs.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des retombées qui restent sur le territoire",
            "Travaux et maintenance confiés à des entreprises locales ; bénéfices réinvestis "
            "dans de nouveaux projets ou redistribués aux actionnaires du territoire.",
        ),
        KitItemSpec(
            KitItemKind.CORE,
            "Des outils partagés et des retours d'expérience mis en commun",
            "Chaque société utilise les documents types du réseau et lui rend ce qu'elle a appris.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "La forme juridique",
            "SAS à capital variable ou SCIC SAS.",
            "La SCIC convient quand les collectivités veulent entrer au capital et peser dans "
            "la gouvernance ; la SAS est plus simple à gérer pour un groupe d'habitants. Les "
            "statuts types existent pour les deux.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Le périmètre",
            "Une commune, une vallée, un bassin de vie ou une intercommunalité.",
            "Partir d'un périmètre où les bénévoles se connaissent et où une collectivité "
            "s'engage ; l'élargir ensuite, au besoin en créant une seconde société.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Les projets après la première centrale",
            "Photovoltaïque sur toiture d'abord ; ensuite ombrières, petite hydroélectricité, "
            "bois énergie ou actions d'économies d'énergie.",
            "Choisir selon les ressources locales et les compétences du groupe ; un nouveau "
            "type de projet se prépare avec une société du réseau qui l'a déjà mené.",
        ),
        KitItemSpec(
            KitItemKind.ADAPTABLE,
            "Le plan de financement",
            "Capital citoyen, apports des collectivités, emprunt bancaire, financement "
            "participatif.",
            "Garder une part de capital local suffisante pour que la gouvernance reste "
            "citoyenne ; le réseau fournit un modèle de plan de financement à adapter.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Un groupe d'habitants prêt à s'engager deux à trois ans",
            "Une dizaine de bénévoles, avec quelques compétences en gestion et en technique, "
            "pour conduire le projet jusqu'à la mise en service.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Le soutien d'une collectivité",
            "Une commune ou une intercommunalité qui soutient le projet par une délibération "
            "et met, si possible, des toits à disposition.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Des toitures identifiées",
            "Une première liste de toits bien orientés, en bon état, avec l'accord de principe "
            "de leurs propriétaires.",
        ),
        KitItemSpec(
            KitItemKind.PREREQUISITE,
            "Une structure d'appui proche",
            "Un parc naturel régional, une agence locale de l'énergie ou une intercommunalité "
            "qui anime les premières réunions publiques.",
        ),
    ),
    published=True,
)

STRATEGY = StrategySpec(
    situation=Situation.REPLICATE,
    scale_types=(ScaleType.OUT, ScaleType.DEEP),
    strategy=StrategyKind.LOOSE_NETWORK,
    route=Route.NETWORK,
    rationale=(
        "Garder l'ancrage local et citoyen de chaque projet : plutôt qu'une société unique qui "
        "ouvrirait des antennes, un réseau de sociétés autonomes liées par une charte et des "
        "outils communs. L'association n'impose pas, elle outille, forme et met en relation."
    ),
    target_places=(
        "Les parcs naturels régionaux et les territoires ruraux d'Auvergne-Rhône-Alpes d'abord, "
        "puis ceux des autres régions où des groupes se manifestent : Provence-Alpes-Côte "
        "d'Azur, Occitanie, Bourgogne-Franche-Comté, Nouvelle-Aquitaine."
    ),
    target_publics=(
        "Des groupes d'habitants, des élus de communes et d'intercommunalités, des entreprises "
        "locales, et les structures qui les accompagnent (parcs, agences locales de l'énergie)."
    ),
    resources=(
        "Une petite équipe salariée de l'association pour l'animation du réseau et le centre de "
        "ressources ; des administrateurs bénévoles issus des sociétés locales ; des sociétés "
        "expérimentées pour parrainer les nouvelles."
    ),
    economic_model=(
        "Les sociétés locales vivent de la vente de l'électricité produite. L'association vit "
        "des cotisations des sociétés, de la vente de services mutualisés et, pour une part "
        "décroissante, de soutiens publics à l'essaimage."
    ),
    funding_transition=(
        "Faire passer la part des cotisations et des services de moins de la moitié à plus des "
        "deux tiers des ressources de l'association, à mesure que la puissance installée du "
        "réseau augmente (chiffres illustratifs)."
    ),
    grant_share_now=55,
    grant_share_target=30,
    target_year=2028,
    institutional_anchoring=(
        "Les parcs naturels régionaux et l'agence régionale de l'énergie, à l'origine du "
        "modèle, restent membres de l'association ; le réseau s'inscrit dans le mouvement "
        "national des énergies citoyennes et dans les plans climat des intercommunalités."
    ),
    steps=(
        StepSpec(
            Track.SCALING,
            "Création de l'association nationale des Centrales Villageoises",
            date(2017, 9, 1),
            date(2018, 3, 17),
            "Assemblée générale constitutive à Saint-Just-de-Claix.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Centre de ressources en ligne et kit du porteur de projet",
            date(2019, 4, 1),
            date(2020, 6, 30),
            "Un salarié à mi-temps ; relecture par des sociétés locales.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Relais régionaux hors Auvergne-Rhône-Alpes",
            date(2020, 9, 1),
            date(2024, 12, 31),
            "Un correspondant bénévole par région ; deux journées d'échanges par an.",
            StepState.DONE,
        ),
        StepSpec(
            Track.SCALING,
            "Accueil et parrainage des nouveaux groupes",
            date(2025, 1, 6),
            date(2027, 12, 31),
            "Binômes de parrainage entre sociétés ; une formation par trimestre.",
            StepState.UNDERWAY,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Services mutualisés payants pour les sociétés en activité",
            date(2021, 1, 4),
            date(2022, 12, 31),
            "Suivi de production, assurance et comptabilité négociés pour tout le réseau.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Barème de cotisation selon la puissance installée",
            date(2024, 9, 2),
            date(2025, 6, 28),
            "Vote en assemblée générale.",
            StepState.DONE,
        ),
        StepSpec(
            Track.PERENNISATION,
            "Ramener la part des subventions à 30 %",
            date(2026, 1, 5),
            date(2028, 12, 31),
            "Plan de développement des services ; suivi annuel par le conseil d'administration.",
            StepState.UNDERWAY,
        ),
    ),
)
