"""Durations and names as meeting tools write them, without a database."""

import datetime

import pytest

from essaim.attendance.reports import is_participants_header, name_key, parse_duration
from essaim.lib.french_csv import CellError


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("92", 92),
        ("92,5", 92.5),
        ("1 h 32 min 30 s", 92.5),
        ("1h 32m", 92),
        ("1 h 32", 92),
        ("1h05min10s", 65 + 1 / 6),
        ("45 min", 45),
        ("2 heures", 120),
        ("30 s", 0.5),
        ("01:32:30", 92.5),
        ("1:05", 65),
        (92, 92),
        (92.5, 92.5),
        (datetime.time(1, 30), 90),
        (datetime.timedelta(minutes=75), 75),
    ],
)
def test_it_reads_durations(value, minutes):
    assert parse_duration(value) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "la durée est vide"),
        ("beaucoup", "« beaucoup » n'est pas une durée"),
        ("-5", "la durée « -5 » est négative"),
        (-3, "la durée « -3 » est négative"),
        (True, "« VRAI » n'est pas une durée"),
    ],
)
def test_it_says_why_a_duration_is_not_one(value, message):
    with pytest.raises(CellError) as raised:
        parse_duration(value)
    assert raised.value.message.startswith(message)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Élodie Fauré", "FAURE Elodie"),
        ("Jean-Michel Bostetter", "Bostetter Jean Michel"),
        ("Marie Dupont", "Marie  Dupont (CC du Diois)"),
        ("Marie Dupont", "[Invité] Marie Dupont"),
    ],
)
def test_names_match_without_accents_case_or_order(one, other):
    assert name_key(one) == name_key(other)


def test_different_people_do_not_match():
    assert name_key("Marie Dupont") != name_key("Marie Durand")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            (
                "Nom (nom d'origine)",
                "E-mail de l'utilisateur",
                "Heure d'arrivée",
                "Durée (minutes)",
            ),
            True,
        ),
        (("Nom", "Première participation", "Dernière sortie", "Durée de la réunion"), True),
        (("E-mail", "Heure d'arrivée", "Heure de départ"), True),
        # Zoom's meeting summary: an address and a duration, but nobody's name.
        (
            (
                "ID de réunion",
                "Sujet",
                "Heure de début",
                "E-mail de l'utilisateur",
                "Durée (minutes)",
            ),
            False,
        ),
        (("Participants", "4"), False),
    ],
)
def test_it_tells_the_list_of_participants_from_a_summary(header, expected):
    assert is_participants_header(header) is expected
