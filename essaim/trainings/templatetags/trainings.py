"""Filters of the catalogue's pages: the programme day by day, lines and phone numbers typed by
organisers, a session's availability (see essaim.trainings.formatting). Dates, hours, durations
and prices come from the « french » library."""

import datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from essaim.lib import french
from essaim.trainings import formatting

register = template.Library()


def _unbroken(text: str) -> str:
    return format_html('<span class="nowrap">{}</span>', text)


@register.filter
def schedule(slots) -> list[str]:
    """One line per day: « Mardi 30 juin 2020, 10h-12h et 14h-16h », hours never cut at their
    hyphen."""
    # The hours are escaped by format_html; only « , » and « et » join them.
    return [
        format_html("{}, {}", day, mark_safe(french.enumeration([_unbroken(h) for h in hours])))
        for day, hours in formatting.schedule(slots)
    ]


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
def availability_at(session, now: datetime.datetime) -> str:
    """« past » once the session is over, else its availability (« open », « full »,
    « closed »)."""
    if session.end_date < timezone.localdate(now):
        return "past"
    return session.availability(now)
