"""The programme of a session day by day, as the announcements write it (« Jeudi 9 novembre
2023, 10h30-12h », « Mardi 30 juin 2020, 10h-12h et 14h-16h »), and the lines and phone numbers
typed by organisers. Django-free; dates and hours come from essaim.lib.french."""

import re
from collections.abc import Iterable
from itertools import groupby

from essaim.lib import french


def schedule(slots: Iterable) -> list[tuple[str, list[str]]]:
    """The days of ``slots`` (objects with ``date``, ``start_time``, ``end_time``, in order),
    each with its hours: [(« Mardi 30 juin 2020 », [« 10h-12h », « 14h-16h »]), …]."""
    return [
        (
            french.weekday_date(day, capital=True),
            [french.hours(slot.start_time, slot.end_time) for slot in group],
        )
        for day, group in groupby(slots, key=lambda slot: slot.date)
    ]


def slot_line(day, start, end, *, capital: bool = True) -> str:
    """« Jeudi 9 novembre 2023, 10h30-12h » (« jeudi… » with ``capital=False``)."""
    return f"{french.weekday_date(day, capital=capital)}, {french.hours(start, end)}"


def schedule_lines(slots: Iterable) -> list[str]:
    """One line per day: « Jeudi 9 novembre 2023, 10h30-12h », « Mardi 30 juin 2020, 10h-12h
    et 14h-16h »."""
    return [f"{day}, {french.enumeration(hours)}" for day, hours in schedule(slots)]


_POSTAL_TOWN = re.compile(r"(?<!\d)\d{5}\s+([^\d\n,;]+)")
_CEDEX = re.compile(r"\s+cedex\b.*$", re.IGNORECASE)


def address_commune(address: str) -> str:
    """The commune of a typed French address, after its postal code: « Die » from « Maison
    des associations, 12 rue Camille Buffardel, 26150 Die », « Valence » from « 26000 Valence
    Cedex 9 »; "" when no postal code is followed by a name."""
    found = _POSTAL_TOWN.findall(address or "")
    if not found:
        return ""
    return _CEDEX.sub("", found[-1]).strip(" .-")


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
