"""The library's search page, open to everyone: words, facets, map and sort in the query string,
so that every state of the page is a link that works without JavaScript; htmx swaps the page's
region instead of reloading it. And the Atom feed of the newest published sheets."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from essaim.lib.svg_france_map import DepartementShade, render_france_map
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import is_library_editor
from essaim.library.services.catalogue import Catalogue, Sort, browse
from essaim.library.services.filters import SheetFilters
from essaim.library.services.snippets import sheet_snippets

FEED_SIZE = 30
SHEET_NOUN = ("fiche", "fiches")


@dataclass(frozen=True)
class SheetResult:
    """What a result shows of a published sheet: public fields only."""

    url: str
    title: SafeString
    snippet: SafeString
    place: str
    years: str
    stage: str
    themes: list[str]
    illustrative: bool


def _results(catalogue: Catalogue) -> list[SheetResult]:
    sheets = catalogue.page.object_list
    texts = sheet_snippets(sheets, catalogue.text, catalogue.synonyms)
    return [
        SheetResult(
            url=sheet.get_public_url(),
            title=texts[sheet.pk][0],
            snippet=texts[sheet.pk][1],
            place=" · ".join(
                str(place) for place in (sheet.commune, sheet.departement) if place is not None
            ),
            years=sheet.years,
            stage=sheet.get_stage_display() if sheet.stage else "",
            themes=catalogue.themes.get(sheet.pk, []),
            illustrative=sheet.illustrative,
        )
        for sheet in sheets
    ]


def _map(catalogue: Catalogue) -> str:
    """The départements coloured by their number of results, each a link that filters on it
    (the other filters kept)."""
    link = catalogue.setting("departement")
    shades = [
        DepartementShade(code=code, count=count, url="?" + link(code))
        for code, count in sorted(catalogue.departement_counts.items())
    ]
    return render_france_map(
        shades,
        title="Fiches par département",
        noun=SHEET_NOUN,
        selected=catalogue.filters.departement or None,
        width=460,
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    catalogue = browse(
        text=request.GET.get("q", ""),
        filters=SheetFilters.from_query(request.GET),
        sort=request.GET.get("tri", ""),
        page_number=request.GET.get("page"),
    )
    context = {
        "catalogue": catalogue,
        "results": _results(catalogue),
        "france_map": mark_safe(_map(catalogue)),  # escaped by svg_france_map
        "sorts": Sort.choices,
        "page": catalogue.page,
        "is_editor": is_library_editor(request.user),
    }
    template = "library/search.html"
    if request.htmx:
        # Typing in the search box swaps the results; a link of the page swaps the whole region.
        template += "#results" if request.htmx.target == "resultats" else "#library"
    return render(request, template, context)


class NewSheetsFeed(Feed):
    """The newest published sheets, as Atom: title, summary, public page, publication date."""

    feed_type = Atom1Feed
    title = "Essaim — nouvelles fiches expérience"
    subtitle = "Les dernières expériences publiées dans la bibliothèque d'Essaim."

    def link(self) -> str:
        return reverse("library:search")

    def items(self):
        return (
            ExperienceSheet.objects.published()
            .only("pk", "title", "slug", "summary", "published_at")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: ExperienceSheet) -> str:
        return item.title

    def item_description(self, item: ExperienceSheet) -> str:
        # Sent as HTML: the summary is the person's text, escaped, its lines kept.
        return linebreaks(escape(item.summary))

    def item_link(self, item: ExperienceSheet) -> str:
        return item.get_public_url()

    def item_pubdate(self, item: ExperienceSheet):
        return item.published_at


urlpatterns = [
    path("experiences/", search, name="search"),
    path("experiences/flux.atom", NewSheetsFeed(), name="feed"),
]
