"""The shared indicators and the replicas of the case: their history, their yearly figures."""

from datetime import date

from essaim.demo.data.scaling.spec import (
    ReplicaSpec,
    SharedIndicatorSpec,
    StatusSpec,
    path,
    series_of,
)
from essaim.scaling.models import (
    Aggregation,
    AgreementKind,
    ReplicationStatus,
)

CONVENTION = AgreementKind.AGREEMENT


# Illustrative yearly figures of a replica, from ``first_year``: registered members and stops
# at the end of the year, mean wait in minutes.
_figures = series_of("inscrits", "arrets", "attente")


SHARED_INDICATORS = (
    SharedIndicatorSpec("inscrits", "Inscrits", "personnes", Aggregation.SUM),
    SharedIndicatorSpec("arrets", "Arrêts sur le pouce", "arrêts", Aggregation.SUM),
    SharedIndicatorSpec("attente", "Temps d'attente moyen", "minutes", Aggregation.MEAN),
)

REPLICAS = (
    # The first territories of the network, around Moissac and Toulouse.
    ReplicaSpec(
        "Rezo Pouce du Grand Montauban",
        "82121",  # Montauban
        "Communauté d'agglomération du Grand Montauban",
        path(
            date(2011, 1, 18),
            None,
            date(2011, 4, 12),
            date(2011, 6, 7),
            date(2012, 3, 5),
            notes={"contact": "Parmi les premières collectivités associées à Moissac."},
        ),
        CONVENTION,
        adaptations="Des arrêts aux entrées de ville et près des zones d'activités.",
        figures=_figures(
            2019,
            [820, 910, 880, 960, 1010, 1060, 1090],
            [64, 68, 68, 71, 74, 76, 78],
            [7, 7, 8, 7, 6.5, 6.5, 6],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Frontonnais",
        "31202",  # Fronton
        "Communauté de communes du Frontonnais",
        path(
            date(2011, 10, 11),
            date(2012, 1, 17),
            date(2012, 3, 20),
            date(2012, 5, 15),
            date(2013, 1, 8),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [310, 340, 335, 360, 380, 395, 410],
            [38, 38, 38, 40, 40, 41, 41],
            [8, 8, 9, 8, 8, 7.5, 7.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce Axe Sud",
        "31547",  # Seysses
        "Communauté de communes Axe Sud",
        path(
            date(2016, 2, 9),
            date(2016, 5, 24),
            date(2016, 9, 13),
            date(2016, 12, 20),
            date(2017, 12, 5),
            notes={"lancee": "Inauguration des 43 premiers arrêts."},
        ),
        CONVENTION,
        adaptations="Un territoire périurbain au sud de Toulouse : arrêts vers les gares.",
        figures=_figures(
            2019,
            [540, 600, 590, 650, 700, 730, 760],
            [46, 48, 48, 50, 52, 52, 54],
            [6, 6, 7, 6, 5.5, 5.5, 5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grand Pic Saint-Loup",
        "34276",  # Saint-Mathieu-de-Tréviers
        "Communauté de communes du Grand Pic Saint-Loup",
        path(
            date(2015, 11, 3),
            date(2016, 2, 16),
            date(2016, 5, 10),
            date(2016, 9, 20),
            date(2017, 9, 5),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [480, 530, 520, 570, 600, 640, 660],
            [52, 54, 54, 56, 58, 58, 60],
            [7, 7, 8, 7, 7, 6.5, 6.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce de Sète agglopôle méditerranée",
        "34301",  # Sète
        "Sète agglopôle méditerranée",
        path(
            date(2017, 9, 12),
            date(2017, 12, 5),
            date(2018, 3, 13),
            date(2018, 6, 19),
            date(2019, 6, 4),
        ),
        CONVENTION,
        adaptations="Des arrêts saisonniers vers les plages l'été.",
        figures=_figures(
            2019,
            [390, 450, 430, 500, 540, 570, 590],
            [40, 44, 44, 46, 48, 48, 50],
            [6, 6, 7, 6, 6, 5.5, 5.5],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Pays de Mirepoix",
        "09194",  # Mirepoix
        "Communauté de communes du Pays de Mirepoix",
        path(
            date(2018, 6, 12),
            date(2018, 10, 2),
            date(2018, 12, 11),
            date(2019, 3, 19),
            date(2020, 3, 3),
            notes={"contact": "À l'initiative de deux habitantes qui ont interpellé les élus."},
        ),
        CONVENTION,
        adaptations="Un arrêt dans chacune des 33 communes ; un partenariat avec la cité scolaire.",
        lessons="Une demande venue d'habitants donne au dispositif ses premiers ambassadeurs.",
        figures=_figures(
            2019,
            [180, 260, 270, 320, 360, 390, 410],
            [33, 35, 35, 36, 37, 37, 38],
            [10, 9, 10, 9, 8.5, 8, 8],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Pays de Limours",
        "91338",  # Limours
        "Communauté de communes du Pays de Limours",
        path(
            date(2015, 3, 10),
            date(2015, 6, 23),
            date(2015, 10, 6),
            date(2016, 1, 19),
            date(2017, 1, 10),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [260, 280, 270, 290, 300, 305, 310],
            [28, 28, 28, 29, 29, 29, 30],
            [9, 9, 10, 9, 9, 9, 9],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grand Villefranchois",
        "12300",  # Villefranche-de-Rouergue
        "Communauté de communes du Grand Villefranchois",
        path(
            date(2017, 4, 4),
            date(2017, 9, 19),
            date(2018, 1, 23),
            date(2018, 5, 15),
            date(2019, 5, 7),
        ),
        CONVENTION,
        figures=_figures(
            2019,
            [210, 250, 245, 280, 300, 320, 330],
            [30, 32, 32, 33, 34, 34, 34],
            [11, 10, 11, 10, 9.5, 9, 9],
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce du Thouarsais",
        "79329",  # Thouars
        "Communauté de communes du Thouarsais",
        path(
            date(2017, 10, 10),
            date(2018, 2, 13),
            date(2018, 6, 5),
            date(2018, 10, 2),
            date(2019, 10, 1),
            stopped=(
                date(2022, 6, 30),
                "Le poste d'animation n'est pas renouvelé ; les panneaux sont retirés.",
            ),
        ),
        CONVENTION,
        lessons="Sans animateur, les inscriptions s'arrêtent en quelques mois : le temps "
        "d'animation est un prérequis, pas une option.",
        figures=_figures(2019, [150, 170, 130, 110], [24, 24, 24, 20], [12, 13, 15, 16]),
    ),
    # The neighbours of the Chartreuse, accompanied with the Parc's experience.
    ReplicaSpec(
        "Rezo Pouce du Pays voironnais",
        "38563",  # Voiron
        "Communauté d'agglomération du Pays voironnais",
        path(
            date(2020, 10, 6),
            date(2021, 2, 2),
            date(2021, 6, 15),
            date(2021, 9, 21),
            date(2022, 9, 6),
        ),
        CONVENTION,
        adaptations="Arrêts en correspondance avec les lignes de car vers Grenoble.",
        lessons="Les arrêts communs avec la Chartreuse permettent des trajets entre vallées.",
        figures=_figures(2021, [210, 380, 470, 540, 590], [28, 36, 38, 40, 41], [9, 7, 6.5, 6, 6]),
    ),
    ReplicaSpec(
        "Rezo Pouce Cœur de Savoie",
        "73171",  # Montmélian
        "Communauté de communes Cœur de Savoie",
        path(
            date(2021, 1, 26),
            date(2021, 5, 11),
            date(2021, 10, 19),
            date(2022, 3, 15),
            date(2023, 3, 7),
        ),
        CONVENTION,
        figures=_figures(2022, [190, 300, 360, 400], [26, 31, 33, 34], [10, 8, 7.5, 7]),
    ),
    ReplicaSpec(
        "Rezo Pouce du Vercors",
        "38205",  # Lans-en-Vercors
        "Communauté de communes du Massif du Vercors",
        path(
            date(2021, 4, 13),
            date(2021, 9, 7),
            date(2022, 1, 18),
            date(2022, 5, 10),
            stopped=(
                date(2024, 9, 3),
                "Remplacé par une ligne de covoiturage vers Grenoble, jugée plus adaptée aux "
                "trajets domicile-travail.",
            ),
        ),
        CONVENTION,
        lessons="Sur un axe unique très fréquenté, une ligne de covoiturage organisée répond "
        "mieux aux trajets réguliers que l'autostop.",
        figures=_figures(2022, [160, 210, 190], [18, 20, 20], [12, 11, 12]),
    ),
    ReplicaSpec(
        "Rezo Pouce du Grésivaudan",
        "38314",  # Pontcharra
        "Communauté de communes Le Grésivaudan",
        path(
            date(2023, 3, 14),
            date(2023, 9, 26),
            date(2024, 4, 9),
            date(2025, 4, 15),
        ),
        CONVENTION,
        adaptations="Démarrage sur le nord de la vallée seulement, là où le car manque.",
        figures=_figures(2025, [220], [24], [9]),
    ),
    ReplicaSpec(
        "Rezo Pouce des Montagnes du Giffre",
        "74183",  # Mieussy
        "Communauté de communes des Montagnes du Giffre",
        path(
            date(2021, 3, 23),
            date(2021, 11, 16),
            date(2022, 10, 11),
            date(2023, 9, 21),
            date(2024, 9, 17),
            notes={
                "contact": "Démarche lancée par une association d'habitants.",
                "lancee": "Lancement à Mieussy ; près de cinquante arrêts posés pendant l'été.",
            },
        ),
        CONVENTION,
        adaptations="Lancé sous le nom de Rezo Mobicoop, après la fusion du réseau.",
        figures=_figures(2023, [120, 260, 330], [48, 50, 52], [11, 9, 8.5]),
    ),
    ReplicaSpec(
        "Rezo Pouce de Saint-Marcellin Vercors Isère",
        "38416",  # Saint-Marcellin
        "Saint-Marcellin Vercors Isère Communauté",
        path(date(2024, 11, 19), date(2025, 5, 13), date(2026, 3, 10)),
        CONVENTION,
    ),
    ReplicaSpec(
        "Rezo Pouce du Diois",
        "26113",  # Die
        "Communauté des communes du Diois",
        (
            StatusSpec(ReplicationStatus.CONTACT, date(2023, 6, 6)),
            StatusSpec(ReplicationStatus.STUDY, date(2024, 1, 16)),
            StatusSpec(
                ReplicationStatus.CONTACT,
                date(2024, 10, 1),
                "Étude suspendue après les élections ; reprise des échanges à l'automne.",
            ),
            StatusSpec(ReplicationStatus.STUDY, date(2025, 11, 18)),
        ),
    ),
    ReplicaSpec(
        "Rezo Pouce des Coëvrons",
        "53097",  # Évron
        "Communauté de communes des Coëvrons",
        path(
            date(2026, 10, 13),
            notes={"contact": "Demande reçue par le formulaire du kit d'essaimage."},
        ),
    ),
)
