"""Filters of the dossier: amounts, numbers and dates written the French way."""

from datetime import date
from decimal import Decimal

from django import template

from essaim.evaluation.charts import quantity
from essaim.lib.svg_charts import format_date_fr, format_number_fr

register = template.Library()


@register.filter
def euros(value: Decimal | int | None) -> str:
    """« 12 000 € », « 1 234,50 € »."""
    if value is None:
        return ""
    amount = Decimal(value)
    if amount == amount.to_integral_value():
        return f"{format_number_fr(amount, 0)}\u00a0€"
    number = format_number_fr(amount, 2)
    whole, _, cents = number.partition(",")
    return f"{whole},{cents.ljust(2, '0')}\u00a0€"


@register.filter
def number(value: Decimal | int | None, unit: str = "") -> str:
    """« 1 234,5 », or « 1 234,5 trajets » with a unit."""
    return quantity(value, unit) if value is not None else ""


@register.filter
def long_date(value: date | None) -> str:
    """« 1er mars 2024 »."""
    return format_date_fr(value) if value else ""
