"""Dates, hours, durations and prices written as the announcements write them."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from essaim.trainings.formatting import (
    date_range_fr,
    day_fr,
    duration_fr,
    euros_fr,
    hour_fr,
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


def test_it_writes_a_day_with_its_weekday():
    assert day_fr(datetime.date(2023, 11, 9)) == "Jeudi 9 novembre 2023"
    assert day_fr(datetime.date(2023, 11, 1)) == "Mercredi 1er novembre 2023"
    assert day_fr(datetime.date(2021, 1, 27), weekday=False) == "27 janvier 2021"


def test_it_writes_hours_without_useless_minutes():
    assert hour_fr(datetime.time(10, 30)) == "10h30"
    assert hour_fr(datetime.time(12)) == "12h"
    assert hour_fr(datetime.time(9, 5)) == "9h05"


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


def test_it_writes_durations_and_prices():
    assert duration_fr(Decimal("1.5")) == "1\u00a0h\u00a030"
    assert duration_fr(Decimal("8")) == "8\u00a0heures"
    assert duration_fr(Decimal("1")) == "1\u00a0heure"
    assert duration_fr(Decimal("0.75")) == "45\u00a0min"
    assert duration_fr(0) == ""
    assert euros_fr(Decimal("45.00")) == "45\u00a0€"
    assert euros_fr(Decimal("12.5")) == "12,50\u00a0€"
    assert euros_fr(Decimal("1200")) == "1\u00a0200\u00a0€"
    assert euros_fr(None) == ""


def test_it_reads_one_item_per_line_without_the_dashes():
    text = "- Mieux cerner les concepts\n\n• Comprendre l'intérêt\n  Identifier  "
    assert text_lines(text) == ["Mieux cerner les concepts", "Comprendre l'intérêt", "Identifier"]


def test_it_links_french_phone_numbers():
    assert phone_numbers("04 65 71 17 15 / 06 39 98 45 03") == ["04 65 71 17 15", "06 39 98 45 03"]
    assert phone_href("04 65 71 17 15") == "tel:+33465711715"
    assert phone_href("+33 6 39 98 45 03") == "tel:+33639984503"


def test_it_writes_a_range_of_days_without_repeating_the_month():
    day = datetime.date
    assert date_range_fr(day(2023, 11, 9), day(2023, 11, 9)) == "Jeudi 9 novembre 2023"
    assert date_range_fr(day(2021, 1, 15), day(2021, 1, 29)) == "Du 15 au 29 janvier 2021"
    assert date_range_fr(day(2020, 6, 30), day(2020, 7, 8)) == "Du 30 juin au 8 juillet 2020"
    assert date_range_fr(day(2023, 12, 1), day(2024, 1, 12)) == (
        "Du 1er décembre 2023 au 12 janvier 2024"
    )
