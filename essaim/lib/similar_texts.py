"""« Expériences similaires »: the nearest sheets of each sheet of a library, by what their texts
say, their shared themes and their kind of territory (Django-free).

How: each text is cut into the lemmas of its content words
(:func:`essaim.lib.french_themes.lemmas`: « chaufferies » and « chaufferie », « rénovent » and
« rénove » count as one, stop words do not count), weighed by scikit-learn's TF-IDF into a
sparse document × lemma matrix whose rows have unit length, so that the product of two rows is
their cosine. The score of a pair adds to it the Jaccard index
of their themes and whether their territories are of the same kind::

    (1 - theme_weight - kind_weight) × cosine + theme_weight × Jaccard + kind_weight × same kind

The scores are computed a block of rows at a time against all documents (a sparse product,
then a dense block of at most ``MAX_CELLS`` cells), and each row keeps its ``k`` best with
``numpy.argpartition``: memory stays bounded whatever the number of documents, never an n × n
matrix; the time grows as n².

An :class:`Index` weighs a library once; it then answers for all its documents
(:func:`similar`), for some of them, or for documents from outside (an experiment asked against
the published sheets). When a few documents change in a large library, :func:`refreshed` finds
the lists that change without scoring every pair again: the rows of the changed documents
against all, then the lists they enter or leave (see its docstring).

Importing this module loads scikit-learn and SciPy (about a second): import it from a task or a
command, not from a view or a model.
"""

from collections.abc import Callable, Collection, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from essaim.lib.french_themes import lemmas

__all__ = ["Document", "Index", "Neighbour", "refreshed", "similar"]

# The most cells of one block of scores (float32): 16 MiB each, a few of them alive at once.
MAX_CELLS = 1 << 22

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Document:
    key: Hashable  # returned as is, e.g. the primary key of a sheet
    text: str  # French: title, summary, what was tried, what was learned…
    themes: frozenset[str] = frozenset()
    territory_kind: str = ""  # « epci », « commune », « pnr »…; empty when unknown


@dataclass(frozen=True)
class Neighbour:
    key: Hashable
    score: float  # 0–1, higher is closer
    shared_themes: tuple[str, ...]  # sorted


def similar(
    documents: Sequence[Document],
    *,
    k: int = 5,
    theme_weight: float = 0.2,
    kind_weight: float = 0.05,
    chunk: int = 2000,
    progress: Progress | None = None,
) -> dict[Hashable, list[Neighbour]]:
    """The ``k`` nearest documents of each document, closest first, by key in input order.

    A document is never its own neighbour, nor one with which it shares nothing (score 0): a
    document may get fewer than ``k``. Equal scores are ordered by key (keys of mixed types by
    their type's name, then ``repr``), so that the result does not depend on the input order.
    ``chunk`` is the most rows scored at once (fewer when a block would pass ``MAX_CELLS``
    cells); it changes memory and time, never the result. ``progress(done, total)`` is called
    after each block with the number of documents done, the last time with ``done == total``.
    """
    index = Index(documents, theme_weight=theme_weight, kind_weight=kind_weight)
    found = index.neighbours(k=k, chunk=chunk, progress=progress)
    return {document.key: found[document.key] for document in documents}


class Index:
    """The documents of a library weighed once (TF-IDF fitted on their texts), to score its
    own documents or outside ones against them."""

    def __init__(
        self, documents: Sequence[Document], *, theme_weight: float = 0.2, kind_weight: float = 0.05
    ) -> None:
        if min(theme_weight, kind_weight) < 0 or theme_weight + kind_weight > 1:
            raise ValueError(
                "Les poids des thèmes et du type de territoire doivent être entre 0 et 1."
            )
        self.documents = _in_key_order(documents)
        self.theme_weight = theme_weight
        self.kind_weight = kind_weight
        self._position = {document.key: row for row, document in enumerate(self.documents)}
        self._vectorizer = TfidfVectorizer(analyzer=lemmas, dtype=np.float32)
        try:
            texts = self._vectorizer.fit_transform([d.text for d in self.documents]).tocsr()
        except ValueError:  # no content word in any text: « empty vocabulary »
            self._vectorizer = None
            texts = sparse.csr_matrix((len(self.documents), 1), dtype=np.float32)
        self._texts = texts
        self._texts_t = texts.T.tocsr()
        self._theme_names = sorted({theme for d in self.documents for theme in d.themes})
        self._themes = self._theme_matrix(self.documents)
        self._themes_t = self._themes.T.tocsr()
        self._kind_codes: dict[str, int] = {}
        self._kinds = self._kind_array(self.documents, learn=True)

    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._position

    def neighbours(
        self,
        keys: Collection[Hashable] | None = None,
        *,
        k: int = 5,
        chunk: int = 2000,
        progress: Progress | None = None,
    ) -> dict[Hashable, list[Neighbour]]:
        """The ``k`` nearest of the documents ``keys`` (all when ``None``) among the others,
        by key in the index's order."""
        rows = (
            np.arange(len(self.documents))
            if keys is None
            else np.array(sorted(self._position[key] for key in keys), dtype=np.int64)
        )
        queries = _Queries(
            documents=[self.documents[row] for row in rows],
            texts=self._texts[rows],
            themes=self._themes[rows],
            kinds=self._kinds[rows],
            excluded=[[row] for row in rows],  # never its own neighbour
        )
        return self._nearest(queries, min(k, len(self.documents) - 1), chunk, progress)

    def nearest_to(
        self,
        queries: Sequence[Document],
        *,
        k: int = 5,
        excluded: Mapping[Hashable, Collection[Hashable]] | None = None,
        chunk: int = 2000,
        progress: Progress | None = None,
    ) -> dict[Hashable, list[Neighbour]]:
        """The ``k`` nearest documents of the index to each of ``queries`` (documents from
        outside, e.g. experiments against the sheets), by key in input order; never those of
        ``excluded[query key]``. The query's lemmas unknown to the index count for nothing."""
        if not queries:
            if progress is not None:
                progress(0, 0)
            return {}
        excluded = excluded or {}
        texts = (
            self._vectorizer.transform([query.text for query in queries]).tocsr()
            if self._vectorizer is not None
            else sparse.csr_matrix((len(queries), 1), dtype=np.float32)
        )
        found = self._nearest(
            _Queries(
                documents=list(queries),
                texts=texts.astype(np.float32),
                themes=self._theme_matrix(queries),
                kinds=self._kind_array(queries, learn=False),
                excluded=[
                    [self._position[key] for key in excluded.get(q.key, ()) if key in self]
                    for q in queries
                ],
                sizes=np.array([len(query.themes) for query in queries], dtype=np.float32),
            ),
            min(k, len(self.documents)),
            chunk,
            progress,
        )
        return {query.key: found[query.key] for query in queries}

    def scores_against(self, key: Hashable) -> np.ndarray:
        """The scores of the document ``key`` with every document of the index, in the index's
        order (-1 with itself)."""
        row = self._position[key]
        return self._scores(
            _Queries(
                documents=[self.documents[row]],
                texts=self._texts[[row]],
                themes=self._themes[[row]],
                kinds=self._kinds[[row]],
                excluded=[[row]],
            ),
            np.arange(1),
        )[0]

    def neighbour(self, of: Document, key: Hashable, score: float) -> Neighbour:
        """The document ``key`` of the index as a neighbour of ``of``."""
        other = self.documents[self._position[key]]
        return Neighbour(
            key=key,
            score=round(min(float(score), 1.0), 6),
            shared_themes=tuple(sorted(of.themes & other.themes)),
        )

    def order(self, key: Hashable) -> int:
        """Where ``key`` stands in the index's order: equal scores are ordered by it."""
        return self._position[key]

    # Scoring ---------------------------------------------------------------------------------

    def _nearest(
        self, queries: "_Queries", wanted: int, chunk: int, progress: Progress | None
    ) -> dict[Hashable, list[Neighbour]]:
        if chunk < 1:
            raise ValueError("Le nombre de lignes d’un bloc doit être positif.")
        count = len(queries.documents)
        result: dict[Hashable, list[Neighbour]] = {query.key: [] for query in queries.documents}
        if wanted <= 0 or count == 0:
            if progress is not None:
                progress(count, count)
            return result
        rows_per_block = max(1, min(chunk, MAX_CELLS // len(self.documents)))
        for start in range(0, count, rows_per_block):
            rows = np.arange(start, min(start + rows_per_block, count))
            block = self._scores(queries, rows)
            for row, columns, scores in _best(block, wanted):
                query = queries.documents[rows[row]]
                result[query.key] = [
                    self.neighbour(query, self.documents[column].key, score)
                    for column, score in zip(columns, scores, strict=True)
                ]
            if progress is not None:
                progress(int(rows[-1]) + 1, count)
        return result

    def _scores(self, queries: "_Queries", rows: np.ndarray) -> np.ndarray:
        """The dense block of scores of the queries ``rows`` against every document."""
        block = (queries.texts[rows] @ self._texts_t).toarray()
        block *= np.float32(1 - self.theme_weight - self.kind_weight)
        if self._theme_names:
            _add_jaccard(
                block,
                queries.themes[rows] @ self._themes_t,
                queries.theme_sizes[rows],
                self._theme_sizes,
                self.theme_weight,
            )
        if self.kind_weight:
            own = queries.kinds[rows, None]
            block += np.float32(self.kind_weight) * ((own == self._kinds[None, :]) & (own >= 0))
        for row, row_excluded in enumerate(queries.excluded[row] for row in rows):
            block[row, row_excluded] = -1
        return block

    @property
    def _theme_sizes(self) -> np.ndarray:
        return np.diff(self._themes.indptr).astype(np.float32)

    def _theme_matrix(self, documents: Sequence[Document]) -> sparse.csr_matrix:
        """One column per theme of the index, 1 where a document has it."""
        column = {name: number for number, name in enumerate(self._theme_names)}
        known = [
            sorted(column[t] for t in document.themes if t in column) for document in documents
        ]
        indices = [number for columns in known for number in columns]
        indptr = np.cumsum([0, *(len(columns) for columns in known)])
        data = np.ones(len(indices), dtype=np.float32)
        shape = (len(documents), max(1, len(self._theme_names)))
        return sparse.csr_matrix((data, indices, indptr), shape=shape)

    def _kind_array(self, documents: Sequence[Document], *, learn: bool) -> np.ndarray:
        """An integer per kind of territory, -1 when unknown or new to the index (which matches
        nothing)."""
        codes = self._kind_codes
        return np.array(
            [
                (
                    codes.setdefault(document.territory_kind, len(codes))
                    if learn
                    else codes.get(document.territory_kind, -1)
                )
                if document.territory_kind
                else -1
                for document in documents
            ],
            dtype=np.int32,
        )


class _Queries:
    """What is scored against an index: the documents and their rows of each matrix."""

    def __init__(
        self,
        *,
        documents: list[Document],
        texts: sparse.csr_matrix,
        themes: sparse.csr_matrix,
        kinds: np.ndarray,
        excluded: list[list[int]],
        sizes: np.ndarray | None = None,
    ) -> None:
        self.documents = documents
        self.texts = texts
        self.themes = themes
        self.kinds = kinds
        self.excluded = excluded
        # The number of each query's themes, those the index does not know included (the union
        # of the Jaccard index counts them).
        self.theme_sizes = sizes if sizes is not None else np.diff(themes.indptr).astype(np.float32)


def refreshed(
    index: Index,
    changed: Collection[Hashable],
    *,
    floors: Mapping[Hashable, float],
    holders: Collection[Hashable],
    lists: Callable[[Collection[Hashable]], Mapping[Hashable, Sequence[Neighbour]]],
    k: int = 5,
) -> dict[Hashable, list[Neighbour]]:
    """The lists of neighbours that change once the documents ``changed`` were edited, added
    or taken away (a key absent from ``index``) since the lists were computed — each list by
    the key of its document; the others stay as they are.

    - ``floors``: the score of the ``k``-th neighbour of each document that has ``k``;
    - ``holders``: the documents whose list holds one of ``changed``;
    - ``lists(keys)``: the current lists of those documents.

    A changed document gets its whole list again (its row against all). Another enters the
    lists whose floor its new score reaches, and leaves those it was in: when its leaving
    opens a place that no known document fills above the old floor, that list is computed
    again, since an unknown document might come next. The scores of the pairs left alone are
    not computed again: they were weighed with the vocabulary of their time (the TF-IDF
    weights of the other words move a little with each document), until the next full
    computation."""
    changed = set(changed)
    present = [key for key in changed if key in index]
    result = index.neighbours(present, k=k)
    entering: dict[Hashable, list[tuple[Hashable, float]]] = {}
    floor = np.array([floors.get(d.key, 0.0) for d in index.documents], dtype=np.float32)
    for key in present:
        scores = index.scores_against(key)
        for row in np.nonzero((scores > 0) & (scores >= floor - 1e-6))[0]:
            entering.setdefault(index.documents[row].key, []).append((key, float(scores[row])))
    candidates = (set(entering) | set(holders)) - changed
    current = lists(candidates)
    again = []
    for key in candidates:
        if key not in index:
            continue
        old = list(current.get(key, ()))
        kept = [neighbour for neighbour in old if neighbour.key not in changed]
        document = index.documents[index.order(key)]
        new = [index.neighbour(document, other, score) for other, score in entering.get(key, [])]
        merged = sorted(kept + new, key=lambda n: (-n.score, index.order(n.key)))[:k]
        opened = len(kept) < len(old) and len(old) >= k
        if opened and (len(merged) < k or merged[-1].score <= old[-1].score):
            again.append(key)
        elif merged != old:
            result[key] = merged
    result.update(index.neighbours(again, k=k))
    return result


def _in_key_order(documents: Sequence[Document]) -> list[Document]:
    if len({document.key for document in documents}) != len(documents):
        raise ValueError("Deux documents ont la même clé.")
    try:
        return sorted(documents, key=lambda document: document.key)
    except TypeError:  # keys of several types
        return sorted(documents, key=lambda d: (type(d.key).__qualname__, repr(d.key)))


def _add_jaccard(
    block: np.ndarray,
    shared: sparse.csr_matrix,
    row_sizes: np.ndarray,
    sizes: np.ndarray,
    weight: float,
) -> None:
    """Adds ``weight`` × the Jaccard index of the themes where a pair shares some."""
    shared = shared.tocoo()
    union = row_sizes[shared.row] + sizes[shared.col] - shared.data
    block[shared.row, shared.col] += np.float32(weight) * (shared.data / union).astype(np.float32)


def _best(block: np.ndarray, wanted: int) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each row of ``block``, the columns of its ``wanted`` best positive scores, best
    first, equal scores by column, and those scores."""
    width = block.shape[1]
    top = np.argpartition(block, width - wanted, axis=1)[:, width - wanted :]
    threshold = np.maximum(np.take_along_axis(block, top, axis=1).min(axis=1), 0)
    # Every score at least the k-th: ties with it included, so that the column decides.
    rows, columns = np.nonzero((block >= threshold[:, None]) & (block > 0))
    scores = block[rows, columns]
    order = np.lexsort((columns, -scores, rows))
    rows, columns, scores = rows[order], columns[order], scores[order]
    starts = np.searchsorted(rows, np.arange(block.shape[0] + 1))
    for row in range(block.shape[0]):
        end = min(starts[row] + wanted, starts[row + 1])
        yield row, columns[starts[row] : end], scores[starts[row] : end]
