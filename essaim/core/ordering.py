"""Things people put in order by hand (a ``position`` field): where a new one goes, and moving
one up or down among its siblings."""

from django.db import models


def next_position(siblings: models.QuerySet) -> int:
    """The position after the last of ``siblings``: 1 for the first."""
    last = siblings.aggregate(last=models.Max("position"))["last"]
    return (last or 0) + 1


def move_among(*, items: list, item, offset: int) -> bool:
    """Move ``item`` by ``offset`` places among ``items`` (in their order), then number them
    all again from 1, writing only the positions that changed; tells whether it moved."""
    index = next(number for number, each in enumerate(items) if each.pk == item.pk)
    target = index + offset
    if not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    renumbered = []
    for position, child in enumerate(items, start=1):
        if child.position != position:
            child.position = position
            renumbered.append(child)
    if renumbered:
        type(item)._default_manager.bulk_update(renumbered, ["position"])
    return True
