"""What the search page of the library shows: the published sheets that match the words typed and
the filters, one page of them in the chosen order, the number of sheets behind each value of each
facet, and the number in each département for the map.

The sheet table is never scanned: the words typed become the ids of the matching search entries,
in one query on the full-text index (``core.search.matching_entries``), and everything else is
done on the facet index that the process keeps in memory (``facet_index.py``): the filters and
the words are masks over the published sheets, each facet a count over the mask, the page's
twenty sheets chosen by their rank in the order asked for, then read by primary key in one
query. The total is the number of sheets in the mask.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote_plus, urlencode

import numpy as np
from django.core.paginator import Page, Paginator
from django.db import models

from essaim.core.search import matching_entries
from essaim.experiments.models.stages import Stage
from essaim.library.models import ExperienceSheet, Setting, Synonym
from essaim.library.services.facet_index import FacetIndex, facet_index
from essaim.library.services.filters import SheetFilters
from essaim.scaling.models.strategy import StrategyKind

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200  # characters of the words typed that are read
LAST_PAGE = 10_000


class Sort(models.TextChoices):
    RELEVANCE = "pertinence", "pertinence"
    RECENT = "recentes", "les plus récentes"
    TITLE = "titre", "titre"
    YEAR = "annee", "année"


# The facets in the order the page shows them: query parameter, label.
FACETS = (
    ("theme", "Thème"),
    ("region", "Région"),
    ("departement", "Département"),
    ("setting", "Type de territoire"),
    ("stage", "Étape"),
    ("strategy", "Stratégie"),
    ("year", "Année"),
    ("public", "Public"),
)
CHOICE_LABELS = {
    "setting": dict(Setting.choices),
    "stage": dict(Stage.choices),
    "strategy": dict(StrategyKind.choices),
}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    active: bool
    query: str  # the query string that adds this filter, or removes it when active


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def is_active(self) -> bool:
        return any(value.active for value in self.values)


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_query: str


@dataclass
class Catalogue:
    text: str
    sort: str
    filters: SheetFilters
    page: Page
    total: int
    facets: list[Facet]
    departement_counts: dict[str, int]
    themes: dict[int, list[str]]  # by sheet of the page, the labels of its themes
    active_filters: list[ActiveFilter] = field(default_factory=list)
    synonyms: list[list[str]] = field(default_factory=list)

    def setting(self, name: str) -> Callable[[str], str]:
        """The query string of this search with the parameter ``name`` set to a value."""
        return setting(self.text, self.sort, self.filters, name)


def query_string(text: str, sort: str, filters: SheetFilters, **changes) -> str:
    values = {"q": text, "tri": sort if sort != default_sort(text) else ""}
    values.update(filters.as_query())
    values.update({name: "" if value is None else str(value) for name, value in changes.items()})
    return urlencode({name: value for name, value in values.items() if value})


def setting(text: str, sort: str, filters: SheetFilters, name: str) -> Callable[[str], str]:
    """The query string of a search with its parameter ``name`` set to a value, for many values:
    the other parameters are encoded once, the parameter set last."""
    others = query_string(text, sort, filters, **{name: None})
    before = (others + "&" if others else "") + quote_plus(name) + "="
    return lambda value: before + quote_plus(value)


def default_sort(text: str) -> str:
    return Sort.RELEVANCE if text.strip() else Sort.RECENT


def read_sort(value: str | None, text: str) -> str:
    if value in Sort.values and (value != Sort.RELEVANCE or text.strip()):
        return value
    return default_sort(text)


def synonym_groups() -> list[list[str]]:
    return [synonym.terms for synonym in Synonym.objects.all()]


def browse(*, text: str, filters: SheetFilters, sort: str, page_number) -> Catalogue:
    """The whole answer of the search page, in a number of queries that does not depend on the
    number of sheets."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    sort = read_sort(sort, text)
    synonyms = synonym_groups()
    index = facet_index()
    mask = index.filtered(filters)
    in_title = None
    found = matching_entries(text, synonyms=synonyms, in_title=sort == Sort.RELEVANCE)
    if found is not None:
        mask &= index.of_entries(found.entries)
        if found.in_title is not None:
            in_title = index.of_entries(found.in_title)
    counts = index.counts(mask)
    total = int(mask.sum())
    page = _page(index, mask, _rank(index, sort, in_title), page_number, total)
    facets, departements = _facets(index, counts, text, sort, filters)
    return Catalogue(
        text=text,
        sort=sort,
        filters=filters,
        page=page,
        total=total,
        facets=facets,
        departement_counts=departements,
        themes=index.theme_labels([sheet.pk for sheet in page.object_list]),
        active_filters=_active_filters(facets, text, sort, filters),
        synonyms=synonyms,
    )


def _rank(index: FacetIndex, sort: str, in_title: np.ndarray | None) -> np.ndarray:
    """Each sheet's rank in the order asked for; by relevance, the sheets whose title holds every
    word first, then the newest."""
    if sort == Sort.TITLE:
        return index.title_rank
    if sort == Sort.YEAR:
        return index.year_rank
    if sort == Sort.RELEVANCE and in_title is not None:
        return index.recent_rank.astype(np.int64) + (~in_title) * len(index)
    return index.recent_rank


def _page(index: FacetIndex, mask: np.ndarray, rank: np.ndarray, number, total: int) -> Page:
    """The page ``number`` (the last one when beyond it): its sheets read by primary key in one
    query, in the order of ``rank``."""
    paginator = Paginator([], PAGE_SIZE)
    paginator.count = total
    try:
        number = min(max(1, int(number)), LAST_PAGE, paginator.num_pages)
    except (TypeError, ValueError):
        number = 1
    pks = index.page(mask, rank, (number - 1) * PAGE_SIZE, PAGE_SIZE)
    sheets = {}
    if pks:
        rows = (
            ExperienceSheet.objects.published()
            .filter(pk__in=pks)
            .select_related("departement", "region", "commune")
        )
        sheets = {sheet.pk: sheet for sheet in rows}
    return Page([sheets[pk] for pk in pks if pk in sheets], number, paginator)


def running_years(pairs: Counter, *, until: int | None = None) -> Counter:
    """How many sheets ran during each year, from ``(year_start, year_end)`` counts (a sheet
    without an end runs until ``until``, this year by default): what the ``year`` filter finds."""
    until = until or datetime.date.today().year
    years: Counter = Counter()
    for (start, end), count in pairs.items():
        if start is None:
            continue
        for year in range(start, max(start, min(end or until, until)) + 1):
            years[year] += count
    return years


# Facets as the page shows them ----------------------------------------------------------------


def _facets(
    index: FacetIndex, counts: dict[str, dict], text: str, sort: str, filters: SheetFilters
) -> tuple[list[Facet], dict[str, int]]:
    """The facets' values (key, label, count), and the counts by département code."""
    departements = index.departements.names
    named = {
        "departement": departements,
        "region": index.regions.names,
        "theme": index.theme_names.names,
        "public": index.public_names.names,
    }
    values: dict[str, list[tuple[str, str, int]]] = {}
    for name, keys in named.items():
        values[name] = [(*keys[key], count) for key, count in counts[name].items() if key in keys]
    for name, labels in CHOICE_LABELS.items():
        values[name] = [
            (key, labels.get(key, key), count) for key, count in counts[name].items() if key
        ]
    years = running_years(Counter(counts["years"]))
    values["year"] = [(str(year), str(year), years[year]) for year in sorted(years, reverse=True)]

    facets = []
    for name, label in FACETS:
        current = str(getattr(filters, name) or "")
        listed = values[name]
        if name != "year":
            listed = sorted(listed, key=lambda item: (-item[2], item[1]))
        link = setting(text, sort, filters, name)
        removed = query_string(text, sort, filters, **{name: None})
        facets.append(
            Facet(
                name,
                label,
                [
                    FacetValue(
                        value,
                        value_label,
                        count,
                        value == current,
                        removed if value == current else link(value),
                    )
                    for value, value_label, count in listed
                ],
            )
        )
    by_code = {
        departements[key][0]: count
        for key, count in counts["departement"].items()
        if key in departements
    }
    return facets, by_code


def _active_filters(
    facets: list[Facet], text: str, sort: str, filters: SheetFilters
) -> list[ActiveFilter]:
    """The filters set, as removable chips, named by their facet's labels."""
    chips = []
    for facet in facets:
        current = str(getattr(filters, facet.name) or "")
        if not current:
            continue
        value_label = next((v.label for v in facet.values if v.value == current), current)
        chips.append(
            ActiveFilter(
                facet.label,
                value_label,
                query_string(text, sort, filters, **{facet.name: None}),
            )
        )
    return chips
