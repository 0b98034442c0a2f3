"""The shared indicators and the replicas of the case: their history, their yearly figures."""

from datetime import date
from decimal import Decimal

from essaim.demo.data.scaling.spec import (
    ReplicaSpec,
    SharedIndicatorSpec,
    StatusSpec,
    path,
)
from essaim.scaling.models import (
    Aggregation,
    AgreementKind,
    ReplicationStatus,
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
