"""Half-days and the way dates, times and durations are written, without a database."""

import datetime

import pytest

from essaim.attendance.halfdays import (
    HalfDay,
    current_half_day,
    find_half_day,
    half_days,
)
from essaim.trainings.models import Slot

DAY = datetime.date(2020, 6, 30)
NEXT = datetime.date(2020, 7, 8)


def slot(pk: int, day: datetime.date, start: tuple[int, int], end: tuple[int, int]) -> Slot:
    return Slot(pk=pk, date=day, start_time=datetime.time(*start), end_time=datetime.time(*end))


SLOTS = [
    slot(4, NEXT, (10, 0), (12, 0)),
    slot(2, DAY, (10, 45), (12, 0)),
    slot(1, DAY, (9, 0), (10, 30)),
    slot(3, DAY, (14, 0), (16, 0)),
]


def test_slots_are_grouped_in_half_days_in_order():
    days = half_days(SLOTS)
    assert [(day.key, [s.pk for s in day.slots]) for day in days] == [
        ("2020-06-30-matin", [1, 2]),
        ("2020-06-30-apres-midi", [3]),
        ("2020-07-08-matin", [4]),
    ]
    morning = days[0]
    assert morning.label == "mardi 30 juin 2020, matin"
    assert morning.short_label == "30 juin, matin"
    assert morning.times == "9h-10h30 et 10h45-12h"
    assert morning.minutes == 165
    assert find_half_day(days, "2020-06-30-apres-midi") is days[1]
    assert find_half_day(days, "2020-06-30-soir") is None


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime.datetime(2020, 6, 30, 9, 30), "2020-06-30-matin"),
        (datetime.datetime(2020, 6, 30, 13, 0), "2020-06-30-apres-midi"),
        (datetime.datetime(2020, 6, 29, 18, 0), "2020-06-30-matin"),  # the next one
        (datetime.datetime(2020, 7, 1, 9, 0), "2020-07-08-matin"),
        (datetime.datetime(2020, 7, 8, 15, 0), "2020-07-08-matin"),  # the last one, when over
    ],
)
def test_the_half_day_under_way_or_next_is_chosen(now, expected):
    assert current_half_day(half_days(SLOTS), now).key == expected


def test_no_slot_no_half_day():
    assert current_half_day([], datetime.datetime(2020, 6, 30, 9)) is None


def test_days_are_written_the_french_way():
    day = HalfDay(datetime.date(2024, 1, 1), "matin", ())
    assert day.label == "lundi 1er janvier 2024, matin"
    assert day.short_label == "1er janv., matin"
    assert HalfDay(datetime.date(2020, 7, 8), "après-midi", ()).short_label == "8 juil., après-midi"
