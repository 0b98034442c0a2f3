"""Dates, hours, durations and prices of the catalogue, written as the announcements write them:
« Jeudi 9 novembre 2023, 10h30-12h », « Mardi 30 juin 2020, 10h-12h et 14h-16h », « 1 h 30 »,
« 45 € ». Django-free, so that pages, e-mails and documents say the same thing."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from itertools import groupby

from essaim.lib.svg_charts import format_date_fr, format_number_fr

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
NBSP = "\u00a0"


def day_fr(day: datetime.date, *, weekday: bool = True, capital: bool = True) -> str:
    """« Jeudi 9 novembre 2023 », « Mercredi 1er novembre 2023 »; within a sentence
    (``capital=False``) « jeudi 9 novembre 2023 »; without the weekday, « 9 novembre 2023 »."""
    text = format_date_fr(day)
    if not weekday:
        return text
    name = WEEKDAYS[day.weekday()]
    return f"{name.capitalize() if capital else name} {text}"


def date_range_fr(start: datetime.date, end: datetime.date) -> str:
    """« Jeudi 9 novembre 2023 » for one day; « Du 10 au 24 janvier 2021 », « Du 30 juin au
    8 juillet 2020 », « Du 15 décembre 2023 au 12 janvier 2024 » for several."""
    if start == end:
        return day_fr(start)
    last = format_date_fr(end)
    if (start.year, start.month) == (end.year, end.month):
        first = "1er" if start.day == 1 else str(start.day)
    elif start.year == end.year:
        first = format_date_fr(start).rsplit(" ", 1)[0]
    else:
        first = format_date_fr(start)
    return f"Du {first} au {last}"


def hour_fr(moment: datetime.time) -> str:
    """« 10h30 », « 12h »."""
    return f"{moment.hour}h{moment.minute:02d}" if moment.minute else f"{moment.hour}h"


def hours_fr(start: datetime.time, end: datetime.time) -> str:
    """« 10h30-12h »."""
    return f"{hour_fr(start)}-{hour_fr(end)}"


def enumerate_fr(items: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} et {items[-1]}"


def schedule(slots: Iterable) -> list[tuple[str, list[str]]]:
    """The days of ``slots`` (objects with ``date``, ``start_time``, ``end_time``, in order),
    each with its hours: [(« Mardi 30 juin 2020 », [« 10h-12h », « 14h-16h »]), …]."""
    return [
        (day_fr(day), [hours_fr(slot.start_time, slot.end_time) for slot in group])
        for day, group in groupby(slots, key=lambda slot: slot.date)
    ]


def schedule_lines(slots: Iterable) -> list[str]:
    """One line per day: « Jeudi 9 novembre 2023, 10h30-12h », « Mardi 30 juin 2020, 10h-12h
    et 14h-16h »."""
    return [f"{day}, {enumerate_fr(hours)}" for day, hours in schedule(slots)]


def duration_fr(hours: Decimal | int | float | None) -> str:
    """« 1 h 30 », « 2 heures », « 1 heure », « 45 min »."""
    if not hours:
        return ""
    minutes = round(Decimal(hours) * 60)
    whole, rest = divmod(int(minutes), 60)
    if whole == 0:
        return f"{rest}{NBSP}min"
    if rest == 0:
        return f"{whole}{NBSP}heure{'s' if whole > 1 else ''}"
    return f"{whole}{NBSP}h{NBSP}{rest:02d}"


def euros_fr(amount: Decimal | int | None) -> str:
    """« 45 € », « 12,50 € », « 1 200 € »."""
    if amount is None:
        return ""
    value = Decimal(amount)
    if value == value.to_integral_value():
        return f"{format_number_fr(value, 0)}{NBSP}€"
    whole, _, cents = format_number_fr(value, 2).partition(",")
    return f"{whole},{cents.ljust(2, '0')}{NBSP}€"


def text_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, without the dashes or bullets people type before them:
    one objective, topic or presenter per line."""
    lines = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("-•*–").strip()
        if line:
            lines.append(line)
    return lines


def phone_href(number: str) -> str:
    """« 04 65 71 17 15 » → « tel:+33465711715 » (French numbers); other numbers keep their
    digits and a leading +."""
    digits = "".join(char for char in number if char.isdigit() or char == "+")
    if digits.startswith("0") and len(digits) == 10:
        digits = "+33" + digits[1:]
    return f"tel:{digits}"


def phone_numbers(text: str) -> list[str]:
    """« 04 65 71 17 15 / 06 39 98 45 03 » → the two numbers."""
    parts = [part.strip() for chunk in (text or "").split("/") for part in chunk.split(",")]
    return [part for part in parts if part]
