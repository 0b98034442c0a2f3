"""Filters of the attendance pages: durations and slot times written as the announcements do."""

from django import template

from essaim.attendance import halfdays

register = template.Library()


@register.filter
def minutes_fr(value: int | None) -> str:
    """« 1 h 30 », « 45 min »."""
    return halfdays.format_minutes(value or 0)


@register.filter
def slot_times(slot) -> str:
    """« 10h30-12h »."""
    return halfdays.slot_times(slot)


@register.filter
def day_short(value) -> str:
    """« 9 nov. »."""
    return halfdays.short_day(value)
