"""Template filters about roles."""

from django import template

from essaim.roles.models import Role

register = template.Library()


@register.filter
def role_label(value: str | None) -> str:
    """The French name of a role annotated by ``with_role_of`` (« propriétaire »…), or ""."""
    return Role(value).label if value in Role.values else ""
