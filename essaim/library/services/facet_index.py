"""The published sheets as arrays in memory, for the search page to filter, count and order
them without reading the sheet table: one position per sheet, in the order of their keys.

The sheet table is wide (six long text columns): every scan of it costs, and filtering on a
département's code joins before it filters. What the facets, the filters and the orders need
is small — a few numbers per sheet and its themes and publics — and held here as numpy arrays
and two sparse matrices (sheets × themes, sheets × publics), read by a few narrow queries
(``values_list``, the link tables; never the text columns). A filter is a mask, a facet count a
``bincount`` or a sparse product over the mask, an order a rank computed once.

Each process keeps one index, with the generations of the tables it was read from
(``core/generations.py``, which the kept pages use): the first request after any change to the
sheets, their themes or publics, the search entries, the places, themes or publics reads it
again. An index read inside a transaction that wrote one of those tables is that transaction's
alone, never kept.
"""

import threading
from dataclasses import dataclass

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from scipy import sparse

from essaim.core import generations
from essaim.core.models import SearchEntry
from essaim.library.models import ExperienceSheet, Public
from essaim.library.services.filters import SheetFilters
from essaim.territories.models import Departement, Region
from essaim.themes.models import Theme

THEME_LINKS = ExperienceSheet.themes.through
PUBLIC_LINKS = ExperienceSheet.publics.through
# The tables an index is read from; a write to any of them makes it old.
TABLES = tuple(
    sorted(
        model._meta.db_table
        for model in (
            ExperienceSheet,
            THEME_LINKS,
            PUBLIC_LINKS,
            SearchEntry,
            Departement,
            Region,
            Theme,
            Public,
        )
    )
)
CHOICE_FACETS = ("setting", "stage", "strategy")
NO_YEAR = 0  # year_start, year_end: 0 when empty


@dataclass(frozen=True, eq=False)
class Named:
    """Rows of a small table by primary key: the key a filter reads (code or slug), the name
    shown."""

    pks: dict[str, int]  # code or slug → primary key
    names: dict[int, tuple[str, str]]  # primary key → (code or slug, name), in the table's order


@dataclass(frozen=True, eq=False)
class FacetIndex:
    versions: tuple[int, ...]  # the generations of :data:`TABLES` it was read at
    ids: np.ndarray  # the sheets' primary keys, ascending: position → sheet
    entry_positions: np.ndarray  # by search entry id, the position of its sheet (-1: none)
    departement: np.ndarray  # primary key, 0 when empty
    region: np.ndarray
    choices: dict[str, tuple[np.ndarray, tuple[str, ...]]]  # facet → codes, value of each code
    year_start: np.ndarray  # NO_YEAR when empty
    year_end: np.ndarray
    years: tuple[np.ndarray, tuple[tuple[int | None, int | None], ...]]  # codes, pair of each
    themes: sparse.csc_matrix  # sheets × theme primary keys, 1 when linked
    themes_by_sheet: sparse.csr_matrix  # the same, by rows
    publics: sparse.csc_matrix
    # Every value of every facet × sheets, 1 when the sheet has it: the rows of a facet are
    # ``values_of[facet]`` (a slice; within it, the primary key or the code of the value).
    values: sparse.csr_matrix
    values_of: dict[str, slice]
    # Ranks in each order of the page (0 first): newest first, by title, by year then title.
    recent_rank: np.ndarray
    title_rank: np.ndarray
    year_rank: np.ndarray
    departements: Named
    regions: Named
    theme_names: Named
    public_names: Named

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        """The memory of its arrays (not of its small dictionaries)."""
        arrays = [
            self.ids,
            self.entry_positions,
            self.years[0],
            self.departement,
            self.region,
            self.year_start,
            self.year_end,
            self.recent_rank,
            self.title_rank,
            self.year_rank,
            *(codes for codes, _ in self.choices.values()),
        ]
        for matrix in (self.themes, self.themes_by_sheet, self.publics, self.values):
            arrays += [matrix.data, matrix.indices, matrix.indptr]
        return sum(array.nbytes for array in arrays)

    # Narrowing -------------------------------------------------------------------------------

    def everything(self) -> np.ndarray:
        return np.ones(len(self), dtype=bool)

    def of_entries(self, entry_ids: np.ndarray) -> np.ndarray:
        """The mask of the sheets whose search entry is one of ``entry_ids`` (the ids of other
        models' entries match no sheet)."""
        mask = np.zeros(len(self), dtype=bool)
        wanted = np.asarray(entry_ids, dtype=np.int64)
        positions = self.entry_positions[wanted[wanted < len(self.entry_positions)]]
        mask[positions[positions >= 0]] = True
        return mask

    def filtered(self, filters: SheetFilters) -> np.ndarray:
        """The mask of the sheets that pass ``filters``; an unknown value matches nothing."""
        mask = self.everything()
        for name, column, named in (
            ("departement", self.departement, self.departements),
            ("region", self.region, self.regions),
        ):
            if value := getattr(filters, name):
                mask &= column == named.pks.get(value, -1)
        for name, matrix, named in (
            ("theme", self.themes, self.theme_names),
            ("public", self.publics, self.public_names),
        ):
            if value := getattr(filters, name):
                mask &= self._linked(matrix, named.pks.get(value))
        for name in CHOICE_FACETS:
            if value := getattr(filters, name):
                codes, values = self.choices[name]
                code = values.index(value) if value in values else -1
                mask &= codes == code
        if filters.year is not None:
            mask &= (self.year_start != NO_YEAR) & (self.year_start <= filters.year)
            mask &= (self.year_end == NO_YEAR) | (self.year_end >= filters.year)
        return mask

    def theme_labels(self, pks: list[int]) -> dict[int, list[str]]:
        """By sheet primary key (of ``pks``, published), the labels of its themes, in the order
        of the themes."""
        positions = _positions(self.ids, np.asarray(pks, dtype=np.int64))
        by_sheet = self.themes_by_sheet
        shown = self.theme_names.names
        order = {pk: rank for rank, pk in enumerate(shown)}
        labels = {}
        for position in positions[positions >= 0]:
            linked = by_sheet.indices[by_sheet.indptr[position] : by_sheet.indptr[position + 1]]
            ordered = sorted((int(pk) for pk in linked if pk in order), key=order.__getitem__)
            labels[int(self.ids[position])] = [shown[pk][1] for pk in ordered]
        return labels

    def _linked(self, matrix: sparse.csc_matrix, pk: int | None) -> np.ndarray:
        mask = np.zeros(len(self), dtype=bool)
        if pk is not None and pk < matrix.shape[1]:
            mask[matrix.indices[matrix.indptr[pk] : matrix.indptr[pk + 1]]] = True
        return mask

    # Counting --------------------------------------------------------------------------------

    def counts(self, mask: np.ndarray) -> dict[str, dict]:
        """How many sheets of ``mask`` have each value of each facet: by facet, the primary keys
        of départements, régions, themes and publics, the values of the choices, and the
        ``(year_start, year_end)`` pairs (``None`` for an empty year) under ``years``. One
        sparse product counts them all."""
        counted = self.values @ mask.view(np.int8)
        counts: dict[str, dict] = {}
        for name in ("departement", "region", "theme", "public"):
            counts[name] = _nonzero(counted[self.values_of[name]])
        for name, (_, values) in self.choices.items():
            by_code = counted[self.values_of[name]]
            counts[name] = {values[code]: int(n) for code, n in enumerate(by_code) if n}
        by_code = counted[self.values_of["years"]]
        counts["years"] = {self.years[1][code]: int(n) for code, n in enumerate(by_code) if n}
        return counts

    # Ordering --------------------------------------------------------------------------------

    def page(self, mask: np.ndarray, rank: np.ndarray, start: int, size: int) -> list[int]:
        """The primary keys of the sheets of ``mask`` at ``start``…``start + size`` in the order
        of ``rank`` (one distinct number per sheet, smallest first)."""
        positions = np.flatnonzero(mask)
        keys = rank[positions]
        end = min(start + size, len(positions))
        if start >= end:
            return []
        if end < len(positions):
            first = np.argpartition(keys, end - 1)[:end]
            ordered = first[np.argsort(keys[first], kind="stable")]
        else:
            ordered = np.argsort(keys, kind="stable")
        return [int(pk) for pk in self.ids[positions[ordered[start:end]]]]


def _nonzero(counted: np.ndarray) -> dict[int, int]:
    """By index, the counts that are not zero; index 0 (no value) left out."""
    return {int(key): int(counted[key]) for key in np.flatnonzero(counted) if key}


# Keeping -----------------------------------------------------------------------------------------

_kept: dict[str, FacetIndex] = {}
_lock = threading.Lock()


def facet_index(using: str = DEFAULT_DB_ALIAS) -> FacetIndex:
    """The index of the published sheets as the database holds them now: the kept one while
    none of its tables has been written since, else read again (and kept)."""
    current = generations.current(using)
    versions = tuple(current.get(table, 0) for table in (generations.EVERYTHING, *TABLES))
    private = generations.uncommitted(TABLES, using)
    kept = _kept.get(using)
    if kept is not None and kept.versions == versions and not private:
        return kept
    index = build(versions, using=using)
    if not private:
        with _lock:
            _kept[using] = index
    return index


def forget() -> None:
    """Drop the kept indexes (tests, benchmarks)."""
    with _lock:
        _kept.clear()


def build(versions: tuple[int, ...] = (), *, using: str = DEFAULT_DB_ALIAS) -> FacetIndex:
    """Read the index: eight narrow queries, none of them on the text of the sheets."""
    rows = list(
        ExperienceSheet.objects.using(using)
        .published()
        .order_by("title", "pk")
        .values_list(
            "pk",
            "departement_id",
            "region_id",
            *CHOICE_FACETS,
            "year_start",
            "year_end",
            "published_at",
        )
    )
    count = len(rows)
    columns = list(zip(*rows, strict=True)) if rows else [()] * (6 + len(CHOICE_FACETS))
    pks = np.fromiter(columns[0], dtype=np.int64, count=count)
    # The rows come by title (the database's collation): order[position] is the title rank.
    order = np.argsort(pks, kind="stable")
    title_rank = order.astype(np.int32)

    def column(number: int, dtype, empty: int = 0) -> np.ndarray:
        values = (empty if value is None else value for value in columns[number])
        return np.fromiter(values, dtype=dtype, count=count)[order]

    choices = {}
    for offset, name in enumerate(CHOICE_FACETS):
        values, codes = np.unique(
            np.array(columns[3 + offset], dtype=object).astype(str), return_inverse=True
        )
        choices[name] = (codes.astype(np.int8)[order], tuple(str(value) for value in values))
    year_start = column(3 + len(CHOICE_FACETS), np.int16, NO_YEAR)
    year_end = column(4 + len(CHOICE_FACETS), np.int16, NO_YEAR)
    published = np.fromiter(
        (-value.timestamp() if value else np.inf for value in columns[5 + len(CHOICE_FACETS)]),
        dtype=np.float64,
        count=count,
    )[order]
    ids = pks[order]
    recent_rank = _rank(np.lexsort((-ids, published)))  # newest first, then the last written
    # Latest start first, sheets without years last, then by title.
    latest_first = -year_start.astype(np.int32) + (year_start == NO_YEAR) * 100_000
    year_rank = _rank(np.lexsort((title_rank, latest_first)))

    content_type = ContentType.objects.db_manager(using).get_for_model(ExperienceSheet)
    entries = np.array(
        SearchEntry.objects.using(using)
        .filter(content_type=content_type)
        .values_list("pk", "object_id")
        .order_by(),
        dtype=np.int64,
    ).reshape(-1, 2)
    positions = _positions(ids, entries[:, 1])
    entry_positions = np.full(int(entries[:, 0].max()) + 1 if len(entries) else 0, -1, np.int32)
    entry_positions[entries[:, 0]] = positions
    pairs, year_codes = np.unique(
        year_start.astype(np.int32) * 10_000 + year_end, return_inverse=True
    )

    departement, region = column(1, np.int32), column(2, np.int32)
    year_codes = year_codes.astype(np.int16).reshape(-1)
    themes = _links(ids, THEME_LINKS, "theme_id", using)
    publics = _links(ids, PUBLIC_LINKS, "public_id", using)
    values, values_of = _values(
        count,
        {
            "departement": _one_hot(departement),
            "region": _one_hot(region),
            **{name: _one_hot(codes, len(kept)) for name, (codes, kept) in choices.items()},
            "years": _one_hot(year_codes, len(pairs)),
            "theme": themes,
            "public": publics,
        },
    )
    return FacetIndex(
        versions=versions,
        ids=ids,
        entry_positions=entry_positions,
        departement=departement,
        region=region,
        choices=choices,
        year_start=year_start,
        year_end=year_end,
        years=(
            year_codes,
            tuple((int(pair // 10_000) or None, int(pair % 10_000) or None) for pair in pairs),
        ),
        themes=themes,
        themes_by_sheet=themes.tocsr(),
        publics=publics,
        values=values,
        values_of=values_of,
        recent_rank=recent_rank,
        title_rank=title_rank,
        year_rank=year_rank,
        departements=_named(Departement, "code", "name", using),
        regions=_named(Region, "code", "name", using),
        theme_names=_named(Theme, "slug", "label", using),
        public_names=_named(Public, "slug", "label", using),
    )


def _rank(order: np.ndarray) -> np.ndarray:
    """Each position's rank, from the positions in order."""
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return rank


def _positions(ids: np.ndarray, pks: np.ndarray) -> np.ndarray:
    """The position of each of ``pks`` among the sorted ``ids``, -1 when not there."""
    if not len(ids):
        return np.full(len(pks), -1, dtype=np.int64)
    found = np.searchsorted(ids, pks)
    found[found == len(ids)] = 0
    return np.where(ids[found] == pks, found, -1)


def _links(ids: np.ndarray, through, column: str, using: str) -> sparse.csc_matrix:
    """Sheets × the primary keys of the rows they are linked to through ``through``."""
    links = np.array(
        through.objects.using(using).values_list("experiencesheet_id", column).order_by(),
        dtype=np.int64,
    ).reshape(-1, 2)
    positions = _positions(ids, links[:, 0])
    links = links[positions >= 0]
    positions = positions[positions >= 0]
    width = int(links[:, 1].max()) + 1 if len(links) else 1
    return sparse.csc_matrix(
        (np.ones(len(links), dtype=np.int8), (positions, links[:, 1])),
        shape=(len(ids), width),
    )


def _one_hot(codes: np.ndarray, width: int = 0) -> sparse.csc_matrix:
    """Sheets × values: 1 where the sheet's code is the value."""
    width = max(width, int(codes.max()) + 1 if len(codes) else 1)
    return sparse.csc_matrix(
        (np.ones(len(codes), dtype=np.int8), (np.arange(len(codes)), codes.astype(np.int64))),
        shape=(len(codes), width),
    )


def _values(count: int, facets: dict[str, sparse.spmatrix]) -> tuple[sparse.csr_matrix, dict]:
    """The facets' matrices (sheets × values) side by side, transposed, and where each one's
    values are."""
    rows, start = {}, 0
    for name, matrix in facets.items():
        rows[name] = slice(start, start + matrix.shape[1])
        start += matrix.shape[1]
    stacked = sparse.hstack(list(facets.values()), format="csc", dtype=np.int32)
    return stacked.T.tocsr(), rows


def _named(model, key: str, name: str, using: str) -> Named:
    rows = list(model.objects.using(using).values_list("pk", key, name))
    return Named(
        pks={value: pk for pk, value, _ in rows},
        names={pk: (value, label) for pk, value, label in rows},
    )
