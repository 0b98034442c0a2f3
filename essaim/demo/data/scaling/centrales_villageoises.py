"""The scaling of the Centrales villageoises: a charter, a national association and a network of
local citizen energy companies — the full network of the demo.

See ``CASE.sources`` for what is public and what is illustrative.
"""

from datetime import date
from decimal import Decimal

from essaim.demo.data.experiments.centrales_villageoises import CASE as EXPERIMENT
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

CHARTE = AgreementKind.CHARTER
LAST_FULL_YEAR = 2025


def _figures(
    batches: dict[int, int], members: tuple[int, int], *, kwh_per_kwc: int = 1200
) -> dict[str, dict[int, Decimal]]:
    """Illustrative yearly figures of a local company: ``batches`` maps a year to the peak power
    (kWc) commissioned that year; the shareholders grow evenly from ``members[0]`` the first
    year to ``members[1]`` in the last full year; a batch produces half a year the year it is
    commissioned."""
    first = min(batches)
    years = range(first, LAST_FULL_YEAR + 1)
    power: dict[int, Decimal] = {}
    production: dict[int, Decimal] = {}
    shareholders: dict[int, Decimal] = {}
    installed = 0
    span = max(len(years) - 1, 1)
    for index, year in enumerate(years):
        added = batches.get(year, 0)
        produced = (installed + added / 2) * kwh_per_kwc / 1000
        installed += added
        power[year] = Decimal(installed)
        production[year] = Decimal(str(round(produced, 1)))
        shareholders[year] = Decimal(round(members[0] + (members[1] - members[0]) * index / span))
    return {"puissance": power, "societaires": shareholders, "production": production}


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

SHARED_INDICATORS = (
    SharedIndicatorSpec("puissance", "Puissance installée", "kWc", Aggregation.SUM),
    SharedIndicatorSpec("societaires", "Sociétaires", "personnes", Aggregation.SUM),
    SharedIndicatorSpec("production", "Production annuelle", "MWh", Aggregation.SUM),
)

PILOT = (
    "Territoire pilote de l'expérimentation régionale lancée en 2010 ; suivi dans le réseau "
    "depuis 2013."
)

REPLICAS = (
    # The pilot territories of the parks, then the first wave of essaimage.
    ReplicaSpec(
        "Centrales Villageoises de la Région de Condrieu",
        "69097",  # Les Haies
        "SAS Centrales Villageoises de la Région de Condrieu",
        path(
            date(2013, 1, 15),
            date(2013, 3, 5),
            date(2013, 11, 20),
            date(2014, 8, 12),
            date(2015, 9, 1),
            notes={
                "contact": PILOT,
                "lancee": "Première centrale villageoise mise en service, aux Haies.",
            },
        ),
        CHARTE,
        adaptations="Toits de bâtiments agricoles en plus des toits publics.",
        lessons="Une première centrale visible dans le village convainc les suivants.",
        figures=_figures({2014: 72, 2016: 54, 2019: 96, 2023: 120}, (95, 260)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Val de Quint",
        "26308",  # Saint-Julien-en-Quint
        "SAS Centrales Villageoises du Val de Quint",
        path(
            date(2013, 1, 21),
            date(2013, 4, 9),
            date(2014, 2, 14),
            date(2015, 5, 20),
            date(2016, 6, 1),
            notes={"contact": PILOT},
        ),
        CHARTE,
        adaptations="Une vallée de montagne très peu peuplée : peu de toits, tous mobilisés.",
        lessons="Dans une petite vallée, chaque toit compte : l'inventaire se fait maison par "
        "maison.",
        figures=_figures({2015: 36, 2018: 27, 2022: 30}, (60, 118), kwh_per_kwc=1300),
    ),
    ReplicaSpec(
        "Centrales Villageoises de Gervanne Raye",
        "26035",  # Beaufort-sur-Gervanne
        "SAS Centrales Villageoises de Gervanne Raye",
        path(
            date(2013, 2, 4),
            date(2013, 4, 16),
            date(2014, 3, 11),
            date(2015, 3, 24),
            date(2016, 4, 1),
            notes={"contact": PILOT},
        ),
        CHARTE,
        figures=_figures({2015: 63, 2018: 45, 2021: 81}, (80, 190), kwh_per_kwc=1300),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Val d'Eyrieux",
        "07064",  # Le Cheylard
        "SAS Centrales Villageoises du Val d'Eyrieux",
        path(
            date(2013, 2, 11),
            date(2013, 5, 2),
            date(2014, 4, 8),
            date(2015, 6, 30),
            date(2016, 9, 1),
            notes={"contact": PILOT},
        ),
        CHARTE,
        adaptations="Toitures de bâtiments artisanaux de la vallée.",
        figures=_figures({2015: 90, 2017: 60, 2020: 108, 2024: 72}, (110, 280)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Cœur des Bauges",
        "73081",  # Le Châtelard
        "SCIC Centrales Villageoises du Cœur des Bauges",
        path(
            date(2013, 3, 4),
            date(2013, 6, 11),
            date(2014, 6, 17),
            date(2015, 10, 6),
            date(2016, 10, 3),
            notes={"contact": PILOT},
        ),
        CHARTE,
        adaptations="SCIC pour associer la communauté de communes au capital.",
        lessons="Dans un cœur de parc, l'avis de l'architecte des bâtiments de France se "
        "prépare dès le choix des toits.",
        figures=_figures({2015: 54, 2018: 63, 2022: 45}, (70, 175), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises des Baronnies",
        "26063",  # Buis-les-Baronnies
        "SAS Centrales Villageoises des Baronnies",
        path(
            date(2013, 3, 12),
            date(2013, 6, 25),
            date(2014, 9, 9),
            date(2015, 11, 17),
            date(2016, 11, 2),
            notes={"contact": PILOT},
        ),
        CHARTE,
        figures=_figures({2015: 81, 2019: 99, 2023: 54}, (90, 210), kwh_per_kwc=1350),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pilat rhodanien",
        "42168",  # Pélussin
        "SAS Centrales Villageoises du Pilat rhodanien",
        path(
            date(2013, 4, 2),
            date(2013, 9, 17),
            date(2014, 10, 14),
            date(2016, 2, 9),
            date(2017, 2, 1),
            notes={"contact": PILOT},
        ),
        CHARTE,
        figures=_figures({2016: 99, 2019: 72, 2022: 117}, (120, 300)),
    ),
    ReplicaSpec(
        "Centrales Villageoises des Quatre Montagnes",
        "38548",  # Villard-de-Lans
        "SCIC Centrales Villageoises des Quatre Montagnes",
        path(
            date(2013, 4, 15),
            date(2013, 10, 8),
            date(2015, 1, 13),
            date(2016, 5, 24),
            date(2017, 5, 2),
            notes={"contact": PILOT},
        ),
        CHARTE,
        adaptations="Toits sous la neige une partie de l'hiver : des pentes et des fixations "
        "adaptées.",
        figures=_figures({2016: 45, 2018: 81, 2021: 63, 2025: 90}, (85, 240), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays Mornantais",
        "69141",  # Mornant
        "SAS Centrales Villageoises du Pays Mornantais",
        path(
            date(2014, 9, 23),
            date(2015, 1, 20),
            date(2015, 11, 3),
            date(2016, 10, 11),
            date(2017, 9, 4),
        ),
        CHARTE,
        adaptations="Un territoire périurbain : beaucoup de sociétaires, des toits d'écoles et de "
        "gymnases.",
        figures=_figures({2016: 108, 2018: 126, 2021: 144, 2024: 99}, (180, 460)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays de Privas",
        "07186",  # Privas
        "Association de préfiguration des Centrales Villageoises du Pays de Privas",
        path(
            date(2014, 11, 4),
            date(2015, 4, 14),
            stopped=(
                date(2016, 10, 18),
                "Le groupe s'arrête après deux ans de préparation, à bout de souffle.",
            ),
        ),
        lessons="La durée de montage a épuisé les bénévoles : d'où les formations raccourcies "
        "et le parrainage par un groupe plus avancé.",
    ),
    ReplicaSpec(
        "Centrales Villageoises du Trièves",
        "38226",  # Mens
        "SAS Centrales Villageoises du Trièves",
        path(
            date(2015, 2, 10),
            date(2015, 6, 16),
            date(2016, 3, 8),
            date(2017, 4, 25),
            date(2018, 4, 3),
        ),
        CHARTE,
        figures=_figures({2017: 72, 2020: 90, 2024: 63}, (90, 220), kwh_per_kwc=1250),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Diois",
        "26113",  # Die
        "SCIC Centrales Villageoises du Diois",
        path(
            date(2015, 3, 17),
            date(2015, 9, 22),
            date(2016, 6, 14),
            date(2017, 6, 27),
            date(2018, 6, 4),
        ),
        CHARTE,
        adaptations="Une ombrière sur le parking d'une coopérative agricole.",
        figures=_figures({2017: 117, 2020: 144, 2023: 90}, (140, 330), kwh_per_kwc=1350),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Queyras",
        "05003",  # Aiguilles
        "SAS Centrales Villageoises du Queyras",
        path(
            date(2015, 5, 12),
            date(2015, 11, 24),
            date(2016, 9, 20),
            date(2017, 9, 12),
            date(2018, 9, 3),
        ),
        CHARTE,
        adaptations="Premier essaimage hors de l'ancienne région Rhône-Alpes, dans un parc "
        "de haute montagne.",
        lessons="L'accompagnement à distance fonctionne si le groupe a un référent joignable.",
        figures=_figures({2017: 45, 2020: 54, 2024: 36}, (55, 140), kwh_per_kwc=1400),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays de Lamastre",
        "07129",  # Lamastre
        "SAS Centrales Villageoises du Pays de Lamastre",
        path(
            date(2015, 10, 6),
            date(2016, 3, 15),
            date(2017, 1, 24),
            date(2018, 3, 20),
            date(2019, 3, 4),
        ),
        CHARTE,
        figures=_figures({2018: 63, 2021: 72, 2024: 45}, (75, 170)),
    ),
    ReplicaSpec(
        "Centrales Villageoises des Monts du Lyonnais",
        "69238",  # Saint-Symphorien-sur-Coise
        "SCIC Centrales Villageoises des Monts du Lyonnais",
        path(
            date(2016, 1, 19),
            date(2016, 6, 7),
            date(2017, 3, 14),
            date(2018, 5, 15),
            date(2019, 5, 6),
        ),
        CHARTE,
        figures=_figures({2018: 99, 2020: 108, 2023: 126}, (130, 350)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Beaujolais vert",
        "69107",  # Lamure-sur-Azergues
        "SAS Centrales Villageoises du Beaujolais vert",
        path(
            date(2016, 4, 12),
            date(2016, 10, 4),
            date(2017, 9, 19),
            date(2018, 11, 6),
            date(2019, 11, 4),
        ),
        CHARTE,
        figures=_figures({2018: 54, 2021: 81, 2025: 45}, (70, 190)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Haut-Forez",
        "42159",  # Noirétable
        "SAS Centrales Villageoises du Haut-Forez",
        path(
            date(2016, 9, 13),
            date(2017, 2, 21),
            date(2018, 1, 16),
            date(2019, 4, 9),
            date(2020, 4, 6),
        ),
        CHARTE,
        figures=_figures({2019: 72, 2022: 63}, (80, 165), kwh_per_kwc=1100),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Livradois-Forez",
        "63003",  # Ambert
        "SCIC Centrales Villageoises du Livradois-Forez",
        path(
            date(2017, 1, 24),
            date(2017, 6, 13),
            date(2018, 4, 10),
            date(2019, 6, 18),
            date(2020, 6, 2),
        ),
        CHARTE,
        adaptations="Le parc naturel régional anime les premières réunions publiques.",
        figures=_figures({2019: 90, 2021: 72, 2024: 108}, (100, 260), kwh_per_kwc=1100),
    ),
    ReplicaSpec(
        "Centrales Villageoises des Combrailles",
        "63354",  # Saint-Gervais-d'Auvergne
        "SAS Centrales Villageoises des Combrailles",
        path(
            date(2017, 5, 16),
            date(2017, 11, 7),
            date(2018, 10, 2),
            date(2019, 10, 15),
            date(2020, 10, 5),
        ),
        CHARTE,
        figures=_figures({2019: 45, 2022: 54, 2025: 36}, (60, 150), kwh_per_kwc=1100),
    ),
    ReplicaSpec(
        "Centrales Villageoises de Chartreuse",
        "38442",  # Saint-Pierre-de-Chartreuse
        "SAS Centrales Villageoises de Chartreuse",
        path(
            date(2017, 9, 12),
            date(2018, 2, 6),
            date(2018, 12, 11),
            date(2020, 2, 18),
            date(2021, 2, 1),
        ),
        CHARTE,
        figures=_figures({2020: 63, 2023: 72}, (80, 190), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Haut-Allier",
        "43112",  # Langeac
        "SAS Centrales Villageoises du Haut-Allier",
        path(
            date(2018, 1, 23),
            date(2018, 6, 19),
            date(2019, 3, 26),
            date(2020, 6, 23),
            date(2021, 6, 7),
        ),
        CHARTE,
        figures=_figures({2020: 54, 2023: 63}, (65, 150), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises de l'Yssingelais",
        "43268",  # Yssingeaux
        "SCIC Centrales Villageoises de l'Yssingelais",
        path(
            date(2018, 3, 13),
            date(2018, 9, 11),
            date(2019, 6, 4),
            date(2020, 9, 29),
            date(2021, 9, 6),
        ),
        CHARTE,
        figures=_figures({2020: 81, 2022: 90, 2025: 72}, (95, 240), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays de Saint-Flour",
        "15187",  # Saint-Flour
        "SAS Centrales Villageoises du Pays de Saint-Flour",
        path(
            date(2018, 6, 5),
            date(2018, 11, 20),
            date(2019, 9, 17),
            date(2021, 3, 16),
            date(2022, 3, 7),
        ),
        CHARTE,
        figures=_figures({2021: 72, 2024: 54}, (70, 160), kwh_per_kwc=1150),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Royans",
        "38409",  # Saint-Just-de-Claix
        "SAS Centrales Villageoises du Royans",
        path(
            date(2018, 3, 17),
            date(2018, 9, 25),
            date(2019, 5, 14),
            date(2020, 7, 7),
            date(2021, 7, 5),
            notes={"contact": "Premier contact le jour de l'assemblée constitutive du réseau."},
        ),
        CHARTE,
        figures=_figures({2020: 63, 2022: 81, 2025: 54}, (85, 210), kwh_per_kwc=1250),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Lodévois et Larzac",
        "34142",  # Lodève
        "SCIC Centrales Villageoises du Lodévois et Larzac",
        path(
            date(2018, 5, 22),
            date(2018, 12, 4),
            date(2019, 10, 8),
            date(2020, 11, 24),
            date(2021, 11, 2),
        ),
        CHARTE,
        adaptations="Premières sociétés en Occitanie : un relais régional bénévole à créer.",
        figures=_figures({2020: 99, 2022: 117, 2025: 81}, (120, 290), kwh_per_kwc=1400),
    ),
    ReplicaSpec(
        "Centrales Villageoises de l'Avant-Pays savoyard",
        "73330",  # Yenne
        "SAS Centrales Villageoises de l'Avant-Pays savoyard",
        path(
            date(2019, 2, 12),
            date(2019, 7, 2),
            date(2020, 5, 19),
            date(2021, 6, 22),
            date(2022, 6, 7),
        ),
        CHARTE,
        figures=_figures({2021: 72, 2024: 90}, (90, 210)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Bugey Sud",
        "01034",  # Belley
        "SAS Centrales Villageoises du Bugey Sud",
        path(
            date(2019, 4, 9),
            date(2019, 10, 15),
            date(2020, 9, 22),
            date(2021, 10, 19),
            date(2022, 10, 4),
        ),
        CHARTE,
        figures=_figures({2021: 54, 2023: 72}, (70, 175)),
    ),
    ReplicaSpec(
        "Centrales Villageoises de Maurienne",
        "73248",  # Saint-Jean-de-Maurienne
        "SCIC Centrales Villageoises de Maurienne",
        path(
            date(2019, 9, 17),
            date(2020, 3, 3),
            date(2021, 2, 9),
            date(2022, 5, 17),
            date(2023, 5, 2),
        ),
        CHARTE,
        figures=_figures({2022: 81, 2024: 63}, (90, 180), kwh_per_kwc=1250),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays de Forcalquier",
        "04088",  # Forcalquier
        "SAS Centrales Villageoises du Pays de Forcalquier",
        path(
            date(2020, 1, 14),
            date(2020, 9, 8),
            date(2021, 6, 15),
            date(2022, 9, 20),
            date(2023, 9, 5),
        ),
        CHARTE,
        figures=_figures({2022: 90, 2024: 72}, (100, 210), kwh_per_kwc=1450),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Briançonnais",
        "05023",  # Briançon
        "SAS Centrales Villageoises du Briançonnais",
        path(
            date(2020, 10, 6),
            date(2021, 4, 13),
            date(2022, 3, 22),
            date(2023, 6, 13),
            date(2024, 6, 4),
        ),
        CHARTE,
        figures=_figures({2023: 63, 2025: 45}, (75, 150), kwh_per_kwc=1400),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Val d'Abondance",
        "74001",  # Abondance
        "SAS Centrales Villageoises du Val d'Abondance",
        path(
            date(2021, 3, 9),
            date(2021, 10, 5),
            date(2022, 9, 13),
            date(2024, 4, 16),
        ),
        CHARTE,
        figures=_figures({2024: 54}, (60, 110), kwh_per_kwc=1100),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Grésivaudan",
        "38140",  # Crolles
        "SCIC Centrales Villageoises du Grésivaudan",
        path(
            date(2022, 1, 18),
            date(2022, 6, 21),
            date(2023, 5, 16),
            date(2025, 3, 18),
            notes={"lancee": "Trois toits d'écoles mis en service."},
        ),
        CHARTE,
        figures=_figures({2025: 108}, (150, 150)),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Haut-Languedoc",
        "34284",  # Saint-Pons-de-Thomières
        "SAS Centrales Villageoises du Haut-Languedoc",
        path(
            date(2023, 2, 14),
            date(2023, 9, 19),
            date(2024, 10, 8),
            date(2026, 6, 9),
            notes={"lancee": "Première centrale raccordée au printemps."},
        ),
        CHARTE,
    ),
    ReplicaSpec(
        "Centrales Villageoises du Pays de Nyons",
        "26220",  # Nyons
        "SAS Centrales Villageoises du Pays de Nyons",
        path(
            date(2023, 5, 23),
            date(2023, 12, 5),
            date(2025, 1, 14),
            date(2026, 9, 15),
        ),
        CHARTE,
    ),
    ReplicaSpec(
        "Centrales Villageoises du Sud Luberon",
        "84089",  # Pertuis
        "Association de préfiguration des Centrales Villageoises du Sud Luberon",
        (
            StatusSpec(ReplicationStatus.CONTACT, date(2019, 6, 18)),
            StatusSpec(ReplicationStatus.STUDY, date(2019, 12, 10)),
            StatusSpec(
                ReplicationStatus.STOPPED,
                date(2020, 6, 30),
                "Le groupe se disperse pendant la crise sanitaire.",
            ),
            StatusSpec(
                ReplicationStatus.CONTACT,
                date(2023, 10, 3),
                "Un nouveau groupe reprend le projet avec la commune.",
            ),
            StatusSpec(ReplicationStatus.STUDY, date(2024, 3, 12)),
            StatusSpec(ReplicationStatus.AGREEMENT, date(2025, 5, 20)),
        ),
        CHARTE,
        lessons="Un projet arrêté n'est pas perdu : l'étude des toits a resservi au nouveau "
        "groupe.",
    ),
    ReplicaSpec(
        "Centrales Villageoises du Haut-Doubs",
        "25413",  # Mouthe
        "Association de préfiguration des Centrales Villageoises du Haut-Doubs",
        (
            StatusSpec(ReplicationStatus.CONTACT, date(2024, 5, 14)),
            StatusSpec(ReplicationStatus.STUDY, date(2025, 1, 21)),
            StatusSpec(
                ReplicationStatus.CONTACT,
                date(2025, 10, 7),
                "Retour au premier contact : le groupe cherche une collectivité partenaire.",
            ),
            StatusSpec(ReplicationStatus.STUDY, date(2026, 4, 14)),
        ),
    ),
    ReplicaSpec(
        "Centrales Villageoises du Plateau de Millevaches",
        "19164",  # Peyrelevade
        "Groupe d'habitants du Plateau de Millevaches",
        path(
            date(2026, 9, 29),
            notes={"contact": "Demande reçue par le formulaire du kit d'essaimage."},
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
        "Public : l'expérimentation lancée en 2010 par l'agence régionale de l'énergie "
        "(Rhônalpénergie-Environnement, aujourd'hui AURA-EE) et des parcs naturels régionaux "
        "de Rhône-Alpes sur huit territoires pilotes ; les sociétés locales en SAS ou en SCIC "
        "qui associent habitants, collectivités et entreprises ; la charte commune (2015) et "
        "ses engagements ; la première centrale mise en service le 12 août 2014 aux Haies "
        "(région de Condrieu) ; l'association nationale créée en 2018 (assemblée constitutive "
        "le 17 mars 2018 à Saint-Just-de-Claix) pour animer le réseau, partager un centre de "
        "ressources et organiser l'essaimage, aujourd'hui plusieurs dizaines de sociétés dans "
        "plusieurs régions. Les noms des sociétés de la région de Condrieu, du Val de Quint, de "
        "Gervanne Raye, du Val d'Eyrieux et du Lodévois et Larzac sont réels.\n"
        "Illustratif : les autres noms de sociétés, la liste des huit territoires pilotes de la "
        "démo, le choix des communes de siège, toutes les dates de statut (sauf la mise en "
        "service des Haies), tous les chiffres partagés, la cotisation, le détail des "
        "formations et des services, la stratégie et ses étapes, les diagnostics de maturité. "
        "Toutes les répliques sont donc marquées illustratives."
    ),
)
