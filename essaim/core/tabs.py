"""Tabs of the pages of one object (an experiment, a session): their links, the current one,
and what the user may do on the object."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from essaim.roles.models import Perm, RoleHolder


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str
    # Whether the tab shows on the page of this object (from the row alone, without a query);
    # ``None``: always.
    shown_for: Callable[[Any], bool] | None = None

    def is_shown_for(self, obj) -> bool:
        return self.shown_for is None or self.shown_for(obj)


class TabSet:
    """The tabs of one kind of page, owned by its app; an app above adds its own tabs
    (``add(tab, after=key)``) when the apps are ready, so that the owner never names it."""

    def __init__(self, *tabs: Tab) -> None:
        self.tabs = list(tabs)

    def add(self, tab: Tab, *, after: str) -> None:
        """Put ``tab`` right after the tab ``after``; adding a tab twice keeps one."""
        if any(item.key == tab.key for item in self.tabs):
            return
        keys = [item.key for item in self.tabs]
        self.tabs.insert(keys.index(after) + 1, tab)

    def __iter__(self) -> Iterator[Tab]:
        return iter(self.tabs)

    def __len__(self) -> int:
        return len(self.tabs)

    def __contains__(self, tab: object) -> bool:
        return tab in self.tabs


def tabs_context(obj: RoleHolder, user, tabs: TabSet | list[Tab], current: str) -> dict:
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
            if item.is_shown_for(obj) or item.key == current
        ],
        "can_contribute": Perm.CONTRIBUTE in permissions,
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
    }
