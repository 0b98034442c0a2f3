"""The programme day by day, lines and phone numbers, written as the announcements write them
(dates, hours, durations and prices: tests/lib/test_french.py)."""

import datetime
from types import SimpleNamespace

import pytest

from essaim.trainings.formatting import (
    address_commune,
    phone_href,
    phone_numbers,
    schedule_lines,
    text_lines,
)


def slot(day: int, month: int, start: tuple, end: tuple, year: int = 2020):
    return SimpleNamespace(
        date=datetime.date(year, month, day),
        start_time=datetime.time(*start),
        end_time=datetime.time(*end),
    )


def test_it_writes_one_line_per_day_of_the_programme():
    slots = [
        slot(30, 6, (10,), (12,)),
        slot(30, 6, (14,), (16,)),
        slot(8, 7, (10,), (12,)),
    ]
    assert schedule_lines(slots) == [
        "Mardi 30 juin 2020, 10h-12h et 14h-16h",
        "Mercredi 8 juillet 2020, 10h-12h",
    ]
    assert schedule_lines([slot(9, 11, (10, 30), (12,), year=2023)]) == [
        "Jeudi 9 novembre 2023, 10h30-12h"
    ]
    three = [slot(15, 1, (9,), (10,), 2021), slot(15, 1, (11,), (12,), 2021)]
    three.append(slot(15, 1, (14,), (16,), 2021))
    assert schedule_lines(three) == ["Vendredi 15 janvier 2021, 9h-10h, 11h-12h et 14h-16h"]


def test_it_reads_one_item_per_line_without_the_dashes():
    text = "- Mieux cerner les concepts\n\n• Comprendre l'intérêt\n  Identifier  "
    assert text_lines(text) == ["Mieux cerner les concepts", "Comprendre l'intérêt", "Identifier"]


def test_it_links_french_phone_numbers():
    assert phone_numbers("04 65 71 17 15 / 06 39 98 45 03") == ["04 65 71 17 15", "06 39 98 45 03"]
    assert phone_href("04 65 71 17 15") == "tel:+33465711715"
    assert phone_href("+33 6 39 98 45 03") == "tel:+33639984503"


@pytest.mark.parametrize(
    ("address", "commune"),
    [
        ("Maison des associations, 12 rue Camille Buffardel, 26150 Die", "Die"),
        ("Salle des fêtes\n38 avenue Jean Jaurès\n38000 Grenoble", "Grenoble"),
        ("BP 12, 26000 Valence Cedex 9", "Valence"),
        ("Salle polyvalente, place de la mairie", ""),
        ("", ""),
    ],
)
def test_the_commune_of_an_address_follows_its_postal_code(address, commune):
    assert address_commune(address) == commune
