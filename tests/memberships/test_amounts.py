"""Amounts in French words, as the receipt writes them."""

from decimal import Decimal

import pytest

from essaim.memberships.amounts import euros_in_words, number_in_words


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
