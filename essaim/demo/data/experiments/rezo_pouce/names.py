"""Names shared by the modules of the Chartreuse case."""

from datetime import date

PARC = "Parc naturel régional de Chartreuse"
CHARGEE_DE_MISSION = "Sophie Roy"

SURVEY_DATES = [
    date(2019, 3, 28),
    date(2019, 6, 28),
    date(2019, 9, 28),
    date(2019, 12, 28),
    date(2020, 2, 28),
    date(2020, 9, 28),
    date(2020, 12, 28),
]
