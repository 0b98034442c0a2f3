"""Filters of the catalogue's pages: dates, hours, durations, prices, lines and phone numbers
written as the announcements write them (see essaim.trainings.formatting)."""

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from essaim.trainings import formatting

register = template.Library()


@register.filter
def day_fr(value: datetime.date | None, weekday: bool = True) -> str:
    """« Jeudi 9 novembre 2023 »; ``|day_fr:False`` gives « 9 novembre 2023 »."""
    return formatting.day_fr(value, weekday=weekday) if value else ""


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    """« Jeudi 9 novembre 2023 », « Du 10 au 24 janvier 2021 »."""
    return formatting.date_range_fr(start, end)


def _unbroken(text: str) -> str:
    return format_html('<span class="nowrap">{}</span>', text)


@register.filter
def slot_hours(slot) -> str:
    """« 10h30-12h », never cut at its hyphen."""
    return _unbroken(formatting.hours_fr(slot.start_time, slot.end_time))


@register.filter
def deadline_fr(value: datetime.datetime | None) -> str:
    """« 27 janvier 2021 », or « 27 janvier 2021 à 12h » when the deadline is not the end of
    the day."""
    if value is None:
        return ""
    moment = timezone.localtime(value)
    day = formatting.day_fr(moment.date(), weekday=False)
    if (moment.hour, moment.minute) in ((23, 59), (0, 0)):
        return day
    return f"{day} à {formatting.hour_fr(moment.time())}"


@register.filter
def schedule(slots) -> list[str]:
    """One line per day: « Mardi 30 juin 2020, 10h-12h et 14h-16h », hours never cut at their
    hyphen."""
    # The hours are escaped by format_html; only « , » and « et » join them.
    return [
        format_html(
            "{}, {}", day, mark_safe(formatting.enumerate_fr([_unbroken(h) for h in hours]))
        )
        for day, hours in formatting.schedule(slots)
    ]


@register.filter
def duration_fr(hours: Decimal | None) -> str:
    return formatting.duration_fr(hours)


@register.filter
def euros_fr(amount: Decimal | None) -> str:
    return formatting.euros_fr(amount)


@register.filter
def lines(text: str) -> list[str]:
    return formatting.text_lines(text)


@register.filter
def phone_links(text: str) -> list[dict]:
    """[{"number": "04 65 71 17 15", "href": "tel:+33465711715"}, …]"""
    return [
        {"number": number, "href": formatting.phone_href(number)}
        for number in formatting.phone_numbers(text)
    ]


@register.filter
def places_fr(count: int | None) -> str:
    """« 12 places restantes », « 1 place restante », « Complet »."""
    if count is None:
        return ""
    if count <= 0:
        return "Complet"
    return f"{count}\u00a0place{'s' if count > 1 else ''} restante{'s' if count > 1 else ''}"


@register.filter
def availability_at(session, now: datetime.datetime) -> str:
    """« past » once the session is over, else its availability (« open », « full »,
    « closed »)."""
    if session.end_date < timezone.localdate(now):
        return "past"
    return session.availability(now)
