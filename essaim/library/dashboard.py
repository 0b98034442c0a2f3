"""On the dashboard of the library's editors: the sheets waiting for their review."""

from essaim.core.dashboard import Block, Card, dashboard_block
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import is_library_editor

SHOWN = 5


@dashboard_block
def library_block(user) -> Block:
    if not is_library_editor(user):
        return Block(in_use=False)
    waiting = list(
        ExperienceSheet.objects.to_review()
        .select_related("departement")
        .order_by("review_requested_at", "pk")[: SHOWN + 1]
    )
    if not waiting:
        return Block(in_use=False)
    return Block(
        in_use=True,
        cards=[Card(18, "library/_dashboard_card.html", waiting)],
    )
