"""Tabs of the pages of one object (an experiment, a session): their links, the current one,
and what the user may do on the object."""

from dataclasses import dataclass

from django.urls import reverse

from essaim.roles.models import Perm, RoleHolder


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str


def tabs_context(obj: RoleHolder, user, tabs: list[Tab], current: str) -> dict:
    """``tab`` (the current key), ``tabs`` (label, url, current) and what ``user`` may do:
    ``can_contribute``, ``can_edit``, ``can_manage``."""
    permissions = obj.permissions_for(user)
    return {
        "tab": current,
        "tabs": [
            {
                "label": item.label,
                "url": reverse(item.url_name, args=[obj.pk]),
                "current": item.key == current,
            }
            for item in tabs
        ],
        "can_contribute": Perm.CONTRIBUTE in permissions,
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
    }
