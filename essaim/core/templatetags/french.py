"""Template filters that write numbers, plurals and roles the French way."""

from django import template
from django.utils import formats

from essaim.roles.models import Role

register = template.Library()


@register.filter
def habitants(value: int | None) -> str:
    """« 1 460 habitants », « 1 habitant », « 0 habitant »: French counts 0 and 1 as singular;
    the number is written by Django's localisation, a no-break space keeps it with its word."""
    count = int(value or 0)
    number = formats.number_format(count, use_l10n=True, force_grouping=True)
    return f"{number}\u00a0habitant{'s' if count > 1 else ''}"


@register.filter
def role_label(value: str | None) -> str:
    """The French name of a role annotated by ``with_role_of`` (« propriétaire »…), or ""."""
    return Role(value).label if value in Role.values else ""


@register.filter
def plural_fr(value: int | None, suffix: str = "s") -> str:
    """The plural ``suffix`` when ``value`` is 2 or more: in French, 0 and 1 are singular."""
    return suffix if int(value or 0) > 1 else ""
