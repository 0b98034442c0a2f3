"""The library of experiences of the demo: the eight cases of the source documents as
experience sheets written from their demo experiments, some forty illustrative sheets across
France (every région of metropolitan France and two overseas), one sheet written from a report
sheet of the demo programme, drafts awaiting review and a withdrawn sheet, the thematic notebook
« Expérimenter en milieu rural », and an editor of the library (``bibliotheque@example.org``,
with the demo password)."""

from essaim.demo.data.library.east import EAST_SHEETS
from essaim.demo.data.library.seeds import SEED_SHEETS
from essaim.demo.data.library.south import SOUTH_SHEETS
from essaim.demo.data.library.west import WEST_SHEETS

SHEETS = SEED_SHEETS + WEST_SHEETS + EAST_SHEETS + SOUTH_SHEETS


def load() -> str:
    from essaim.demo.data.library.build import build_library
    from essaim.demo.data.library.notebook import FROM_REPORT, RURAL_NOTEBOOK
    from essaim.demo.owner import demo_owner

    library = build_library(SHEETS, FROM_REPORT, RURAL_NOTEBOOK, owner=demo_owner())
    published = sum(1 for sheet in library.sheets if sheet.is_published)
    to_review = sum(1 for sheet in library.sheets if sheet.review_requested_at is not None)
    return (
        f"{published} fiches expérience publiées (dont {len(SEED_SHEETS)} cas des documents "
        f"sources), {to_review} à relire, 1 cahier thématique"
    )
