"""Values written the French way, without a database: numbers, euros, dates, hours, durations,
plurals, inclusive words and amounts in words."""

import datetime
from decimal import Decimal

import pytest

from essaim.lib.french import (
    counted,
    date_range,
    day_month,
    day_number,
    duration,
    enumeration,
    euros,
    euros_in_words,
    group_thousands,
    hour,
    hours,
    inclusive,
    long_date,
    month_year,
    number,
    number_in_words,
    percent,
    plural,
    short_date,
    signed,
    weekday_date,
    weekday_date_time,
)

NBSP = "\u00a0"
day = datetime.date


def test_it_formats_numbers_the_french_way():
    assert number(Decimal("1234.5")) == f"1{NBSP}234,5"
    assert number(Decimal("1234567.000")) == f"1{NBSP}234{NBSP}567"
    assert number(Decimal("12.500")) == "12,5"
    assert number(Decimal("0.125")) == "0,13"
    assert number(Decimal("-3.20")) == "-3,2"
    assert number(Decimal("-0.001")) == "0"
    assert number(-1234) == f"-1{NBSP}234"
    assert number(7) == "7"
    assert number(0) == "0"
    assert number(2.5) == "2,5"
    assert number(Decimal("5E+2")) == "500"
    assert number(Decimal("1234.5678"), 0) == f"1{NBSP}235"
    assert number(Decimal("1234.5"), unit="trajets") == f"1{NBSP}234,5{NBSP}trajets"
    assert number(None) == ""


def test_it_groups_thousands():
    assert group_thousands("1234567") == f"1{NBSP}234{NBSP}567"
    assert group_thousands("123") == "123"
    assert group_thousands("1234", "\u202f") == "1\u202f234"


def test_it_writes_euros_with_cents_only_when_there_are_some():
    assert euros(Decimal("12500.50")) == f"12{NBSP}500,50{NBSP}€"
    assert euros(Decimal("45.00")) == f"45{NBSP}€"
    assert euros(Decimal("12.5")) == f"12,50{NBSP}€"
    assert euros(1200) == f"1{NBSP}200{NBSP}€"
    assert euros(0) == f"0{NBSP}€"
    assert euros(Decimal("-3")) == f"-3{NBSP}€"
    assert euros(Decimal("-1234.5")) == f"-1{NBSP}234,50{NBSP}€"
    assert euros(Decimal("0.05")) == f"0,05{NBSP}€"
    assert euros(Decimal("9.999")) == f"10,00{NBSP}€"
    assert euros(None) == ""


def test_it_writes_euros_always_with_cents_when_asked():
    assert euros(12000, cents="always") == f"12{NBSP}000,00{NBSP}€"
    assert euros(Decimal("7.5"), cents="always") == f"7,50{NBSP}€"


def test_it_writes_percentages():
    assert percent(45) == f"45{NBSP}%"
    assert percent(Decimal("12.46"), 1) == f"12,5{NBSP}%"
    assert percent(Decimal("99.6")) == f"100{NBSP}%"
    assert percent(None) == ""


def test_it_writes_the_first_of_a_month_1er():
    assert day_number(day(2024, 3, 1)) == "1er"
    assert day_number(day(2024, 3, 2)) == "2"
    assert long_date(day(2024, 1, 1)) == "1er janvier 2024"
    assert long_date(day(2024, 2, 14)) == "14 février 2024"
    assert long_date(day(2025, 3, 1)) == "1er mars 2025"
    assert long_date(day(2026, 8, 14)) == "14 août 2026"
    assert long_date(None) == ""
    assert short_date(day(2023, 11, 9)) == "9 nov."
    assert short_date(day(2024, 1, 1)) == "1er janv."
    assert short_date(day(2020, 7, 8)) == "8 juil."
    assert month_year(day(2024, 1, 31)) == "janv. 2024"
    assert month_year(day(2024, 8, 31)) == "août 2024"


def test_it_writes_a_leap_day():
    assert long_date(day(2024, 2, 29)) == "29 février 2024"
    assert weekday_date(day(2024, 2, 29)) == "jeudi 29 février 2024"
    assert date_range(day(2024, 2, 28), day(2024, 3, 1)) == "Du 28 février au 1er mars 2024"


def test_it_writes_a_day_with_its_weekday():
    assert weekday_date(day(2023, 11, 9)) == "jeudi 9 novembre 2023"
    assert weekday_date(day(2023, 11, 1), capital=True) == "Mercredi 1er novembre 2023"
    assert weekday_date(day(2024, 1, 1)) == "lundi 1er janvier 2024"
    assert weekday_date(day(2023, 11, 9), capital=True) == "Jeudi 9 novembre 2023"
    assert long_date(day(2021, 1, 27)) == "27 janvier 2021"
    assert weekday_date(day(2020, 12, 21), capital=True, year=False) == "Lundi 21 décembre"
    assert day_month(day(2024, 3, 1)) == "1er mars"
    assert day_month(day(2023, 11, 9)) == "9 novembre"


def test_it_writes_a_moment_with_its_weekday_and_hour():
    assert weekday_date_time(datetime.datetime(2021, 1, 26, 12)) == "mardi 26 janvier 2021 à 12h"
    assert weekday_date_time(datetime.datetime(2021, 4, 1, 9, 30)) == (
        "jeudi 1er avril 2021 à 9h30"
    )
    assert weekday_date_time(datetime.datetime(2021, 4, 1, 0, 0)) == "jeudi 1er avril 2021 à 0h"


def test_it_writes_a_range_of_days_without_repeating_the_month():
    assert date_range(day(2023, 11, 9), day(2023, 11, 9)) == "Jeudi 9 novembre 2023"
    assert date_range(day(2021, 1, 15), day(2021, 1, 29)) == "Du 15 au 29 janvier 2021"
    assert date_range(day(2021, 1, 1), day(2021, 1, 3)) == "Du 1er au 3 janvier 2021"
    assert date_range(day(2020, 6, 30), day(2020, 7, 8)) == "Du 30 juin au 8 juillet 2020"
    assert date_range(day(2023, 12, 1), day(2024, 1, 12)) == (
        "Du 1er décembre 2023 au 12 janvier 2024"
    )


def test_it_writes_a_range_within_a_sentence():
    assert date_range(day(2023, 11, 9), day(2023, 11, 9), capital=False) == (
        "jeudi 9 novembre 2023"
    )
    assert date_range(day(2021, 1, 15), day(2021, 1, 29), capital=False) == (
        "du 15 au 29 janvier 2021"
    )


def test_it_writes_hours_without_useless_minutes():
    assert hour(datetime.time(10, 30)) == "10h30"
    assert hour(datetime.time(12)) == "12h"
    assert hour(datetime.time(9, 5)) == "9h05"
    assert hour(datetime.time(0)) == "0h"
    assert hour(datetime.time(0, 15)) == "0h15"
    assert hours(datetime.time(10, 30), datetime.time(12)) == "10h30-12h"


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, f"0{NBSP}h"),
        (45, f"45{NBSP}min"),
        (60, f"1{NBSP}h"),
        (90, f"1{NBSP}h{NBSP}30"),
        (485, f"8{NBSP}h{NBSP}05"),
        (1440, f"24{NBSP}h"),
        (1650, f"27{NBSP}h{NBSP}30"),
        (Decimal("89.5"), f"1{NBSP}h{NBSP}30"),
        (Decimal("44.4"), f"44{NBSP}min"),
    ],
)
def test_it_writes_durations(minutes, text):
    assert duration(minutes) == text


def test_it_spells_whole_hours_when_asked():
    assert duration(60, spelled=True) == f"1{NBSP}heure"
    assert duration(480, spelled=True) == f"8{NBSP}heures"
    assert duration(90, spelled=True) == f"1{NBSP}h{NBSP}30"
    assert duration(45, spelled=True) == f"45{NBSP}min"


def test_it_counts_0_and_1_as_singular():
    assert plural(0, "inscrit") == "inscrit"
    assert plural(1, "inscrit") == "inscrit"
    assert plural(2, "inscrit") == "inscrits"
    assert plural(None, "inscrit") == "inscrit"
    assert plural(Decimal("1.5"), "heure") == "heures"
    assert plural(3, "travail", "travaux") == "travaux"
    assert plural(1, "travail", "travaux") == "travail"
    assert counted(0, "inscrit") == "0 inscrit"
    assert counted(1, "place restante", "places restantes") == "1 place restante"
    assert counted(3, "inscrit") == "3 inscrits"
    assert counted(1250, "inscrit") == f"1{NBSP}250 inscrits"


def test_it_writes_inclusive_words():
    assert inclusive("confirmé", "confirmée") == "confirmé·e"
    assert inclusive("inscrit", "inscrite") == "inscrit·e"
    assert inclusive("intervenants", "intervenantes") == "intervenant·es"
    assert inclusive("acteur", "actrice") == "acteur·rice"
    assert inclusive("élu", "élue") == "élu·e"
    assert inclusive("adulte", "adulte") == "adulte"


def test_it_enumerates():
    assert enumeration([]) == ""
    assert enumeration(["a"]) == "a"
    assert enumeration(["a", "b"]) == "a et b"
    assert enumeration(["a", "b", "c"]) == "a, b et c"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zéro"),
        (1, "un"),
        (16, "seize"),
        (17, "dix-sept"),
        (20, "vingt"),
        (21, "vingt et un"),
        (22, "vingt-deux"),
        (30, "trente"),
        (31, "trente et un"),
        (61, "soixante et un"),
        (70, "soixante-dix"),
        (71, "soixante et onze"),
        (72, "soixante-douze"),
        (77, "soixante-dix-sept"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (90, "quatre-vingt-dix"),
        (91, "quatre-vingt-onze"),
        (99, "quatre-vingt-dix-neuf"),
        (100, "cent"),
        (101, "cent un"),
        (180, "cent quatre-vingts"),
        (200, "deux cents"),
        (201, "deux cent un"),
        (280, "deux cent quatre-vingts"),
        (1000, "mille"),
        (1001, "mille un"),
        (1080, "mille quatre-vingts"),
        (2000, "deux mille"),
        (21000, "vingt et un mille"),
        (80000, "quatre-vingt mille"),
        (200000, "deux cent mille"),
        (999999, "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"),
        (1000000, "un million"),
        (2000000, "deux millions"),
        (200000000, "deux cents millions"),
        (1000000001, "un milliard un"),
    ],
)
def test_it_writes_numbers_the_traditional_way(number, words):
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "zéro euro"),
        ("1", "un euro"),
        ("30", "trente euros"),
        ("50.00", "cinquante euros"),
        ("120.50", "cent vingt euros et cinquante centimes"),
        ("1.01", "un euro et un centime"),
        ("0.05", "cinq centimes"),
        ("80", "quatre-vingts euros"),
        ("1250", "mille deux cent cinquante euros"),
        ("1000000", "un million d'euros"),
        ("3000000", "trois millions d'euros"),
        ("1000001", "un million un euros"),
        ("12.345", "douze euros et trente-cinq centimes"),
    ],
)
def test_it_writes_amounts_in_euros(amount, words):
    assert euros_in_words(Decimal(amount)) == words


def test_it_refuses_what_a_receipt_cannot_say():
    with pytest.raises(ValueError):
        euros_in_words(Decimal("-1"))
    with pytest.raises(ValueError):
        number_in_words(10**12)


def test_it_writes_a_change_with_its_sign():
    assert signed(12) == "+12"
    assert signed(-5) == "\u22125"
    assert signed(0) == "0"
    assert signed(1250) == f"+{number(1250)}"
