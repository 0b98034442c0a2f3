"""Template filters that write values the French way: numbers, euros, dates, hours, durations,
and plurals. Each one calls essaim.lib.french, which Python code calls directly."""

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.html import format_html

from essaim.lib import french

register = template.Library()


# Numbers and amounts -----------------------------------------------------------------------------


@register.filter
def habitants(value: int | None) -> str:
    """« 1 460 habitants », « 1 habitant », « 0 habitant »: French counts 0 and 1 as singular;
    a no-break space keeps the number with its word."""
    return french.inhabitants(value)


@register.filter
def number(value: Decimal | int | None, unit: str = "") -> str:
    """« 1 234,5 », or « 1 234,5 trajets » with a unit."""
    return french.number(value, unit=unit)


@register.filter
def euros(value: Decimal | int | None) -> str:
    """« 12 000 € », « 1 234,50 € »."""
    return french.euros(value)


@register.filter
def euros_in_words(value: Decimal | int | str) -> str:
    """« cent vingt euros et cinquante centimes »."""
    return french.euros_in_words(value)


@register.filter
def percent(value: Decimal | int | None) -> str:
    """« 45 % »."""
    return french.percent(value)


# Words -------------------------------------------------------------------------------------------


@register.filter
def plural_fr(value: int | None, suffix: str = "s") -> str:
    """The plural ``suffix`` when ``value`` is 2 or more: in French, 0 and 1 are singular."""
    return french.plural(int(value or 0), "", suffix)


@register.filter
def places_fr(count: int | None) -> str:
    """« 12 places restantes », « 1 place restante », « Complet »."""
    if count is None:
        return ""
    if count <= 0:
        return "Complet"
    return f"{count}{french.NBSP}{french.plural(count, 'place restante', 'places restantes')}"


# Dates -------------------------------------------------------------------------------------------


@register.filter(expects_localtime=True)
def long_date(value: datetime.date | None) -> str:
    """« 1er mars 2024 »; a date and time is read in local time."""
    return french.long_date(value)


@register.filter
def day_fr(value: datetime.date | None, weekday: bool = True) -> str:
    """« Jeudi 9 novembre 2023 »; ``|day_fr:False`` gives « 9 novembre 2023 »."""
    if not value:
        return ""
    return french.weekday_date(value, capital=True) if weekday else french.long_date(value)


@register.filter(expects_localtime=True)
def weekday_date(value: datetime.date | None) -> str:
    """« jeudi 9 novembre 2023 », within a sentence; a date and time is read in local time."""
    return french.weekday_date(value) if value else ""


@register.filter
def day_month(value: datetime.date | None) -> str:
    """« 1er mars »."""
    return french.day_month(value) if value else ""


@register.filter
def date_time(value: datetime.datetime | None) -> str:
    """« mardi 27 janvier 2021 à 12h », in local time."""
    return french.weekday_date_time(timezone.localtime(value)) if value else ""


@register.filter
def day_short(value: datetime.date) -> str:
    """« 9 nov. »."""
    return french.short_date(value)


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date, capital: bool = True) -> str:
    """« Jeudi 9 novembre 2023 », « Du 10 au 24 janvier 2021 »; within a sentence
    (``capital=False``) « du 10 au 24 janvier 2021 »."""
    return french.date_range(start, end, capital=capital)


@register.filter
def deadline_fr(value: datetime.datetime | None) -> str:
    """« 27 janvier 2021 », or « 27 janvier 2021 à 12h » when the deadline is not the end of
    the day."""
    if value is None:
        return ""
    moment = timezone.localtime(value)
    day = french.long_date(moment.date())
    if (moment.hour, moment.minute) in ((23, 59), (0, 0)):
        return day
    return f"{day} à {french.hour(moment.time())}"


# Hours and durations -----------------------------------------------------------------------------


@register.filter(expects_localtime=True)
def hour(value: datetime.datetime | datetime.time | None) -> str:
    """« 14h », « 9h30 »; a date and time is read in local time."""
    if value is None or value == "":
        return ""
    return french.hour(value.time() if isinstance(value, datetime.datetime) else value)


@register.filter
def slot_times(slot) -> str:
    """« 10h30-12h »."""
    return french.hours(slot.start_time, slot.end_time)


@register.filter
def slot_hours(slot) -> str:
    """« 10h30-12h », never cut at its hyphen."""
    return format_html(
        '<span class="nowrap">{}</span>', french.hours(slot.start_time, slot.end_time)
    )


@register.filter
def minutes_fr(value: int | None) -> str:
    """« 1 h 30 », « 2 h », « 45 min »."""
    return french.duration(value or 0)


@register.filter
def duration_fr(hours: Decimal | None) -> str:
    """A duration given in hours, as the announcements write it: « 1 h 30 », « 2 heures »,
    « 45 min »; "" when there is none."""
    return french.duration(Decimal(hours) * 60, spelled=True) if hours else ""
