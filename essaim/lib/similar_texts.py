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

Importing this module loads scikit-learn and SciPy (about a second): import it from a task or a
command, not from a view or a model.
"""

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from essaim.lib.french_themes import lemmas

__all__ = ["Document", "Neighbour", "similar"]

# The most cells of one block of scores (float32): 16 MiB each, a few of them alive at once.
MAX_CELLS = 1 << 22


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
    progress: Callable[[int, int], None] | None = None,
) -> dict[Hashable, list[Neighbour]]:
    """The ``k`` nearest documents of each document, closest first, by key in input order.

    A document is never its own neighbour, nor one with which it shares nothing (score 0): a
    document may get fewer than ``k``. Equal scores are ordered by key (keys of mixed types by
    their type's name, then ``repr``), so that the result does not depend on the input order.
    ``chunk`` is the most rows scored at once (fewer when a block would pass ``MAX_CELLS``
    cells); it changes memory and time, never the result. ``progress(done, total)`` is called
    after each block with the number of documents done, the last time with ``done == total``.
    """
    if min(theme_weight, kind_weight) < 0 or theme_weight + kind_weight > 1:
        raise ValueError("Les poids des thèmes et du type de territoire doivent être entre 0 et 1.")
    if chunk < 1:
        raise ValueError("Le nombre de lignes d’un bloc doit être positif.")
    result: dict[Hashable, list[Neighbour]] = {document.key: [] for document in documents}
    documents = _in_key_order(documents)
    count = len(documents)
    wanted = max(0, min(k, count - 1))
    if wanted == 0:
        if progress is not None:
            progress(count, count)
        return result
    texts = _text_matrix(documents)
    texts_t = texts.T.tocsr()
    themes, theme_names = _theme_matrix(documents)
    themes_t = themes.T.tocsr()
    theme_sizes = np.diff(themes.indptr)
    kinds = _kind_codes(documents)
    rows_per_block = max(1, min(chunk, MAX_CELLS // count))
    text_weight = np.float32(1 - theme_weight - kind_weight)
    for start in range(0, count, rows_per_block):
        rows = np.arange(start, min(start + rows_per_block, count))
        block = (texts[rows] @ texts_t).toarray()
        block *= text_weight
        if theme_names:
            _add_jaccard(
                block, themes[rows] @ themes_t, theme_sizes[rows], theme_sizes, theme_weight
            )
        if kind_weight:
            own = kinds[rows, None]
            block += np.float32(kind_weight) * ((own == kinds[None, :]) & (own >= 0))
        block[np.arange(len(rows)), rows] = -1  # never its own neighbour
        for row, columns, scores in _best(block, wanted):
            document = documents[rows[row]]
            result[document.key] = [
                Neighbour(
                    key=documents[column].key,
                    score=round(min(float(score), 1.0), 6),
                    shared_themes=tuple(sorted(document.themes & documents[column].themes)),
                )
                for column, score in zip(columns, scores, strict=True)
            ]
        if progress is not None:
            progress(int(rows[-1]) + 1, count)
    return result


def _in_key_order(documents: Sequence[Document]) -> list[Document]:
    if len({document.key for document in documents}) != len(documents):
        raise ValueError("Deux documents ont la même clé.")
    try:
        return sorted(documents, key=lambda document: document.key)
    except TypeError:  # keys of several types
        return sorted(documents, key=lambda d: (type(d.key).__qualname__, repr(d.key)))


def _text_matrix(documents: list[Document]) -> sparse.csr_matrix:
    """TF-IDF of the lemmas, rows of unit length (zero for a text without content words)."""
    vectorizer = TfidfVectorizer(analyzer=lemmas, dtype=np.float32)
    try:
        return vectorizer.fit_transform([document.text for document in documents]).tocsr()
    except ValueError:  # no content word in any text: « empty vocabulary »
        return sparse.csr_matrix((len(documents), 1), dtype=np.float32)


def _theme_matrix(documents: list[Document]) -> tuple[sparse.csr_matrix, list[str]]:
    """One column per theme, 1 where a document has it."""
    names = sorted({theme for document in documents for theme in document.themes})
    column = {name: number for number, name in enumerate(names)}
    indices = [column[theme] for document in documents for theme in document.themes]
    indptr = np.cumsum([0, *(len(document.themes) for document in documents)])
    data = np.ones(len(indices), dtype=np.float32)
    shape = (len(documents), max(1, len(names)))
    return sparse.csr_matrix((data, indices, indptr), shape=shape), names


def _kind_codes(documents: list[Document]) -> np.ndarray:
    """An integer per kind of territory, -1 when unknown (which matches nothing)."""
    codes: dict[str, int] = {}
    return np.array(
        [
            codes.setdefault(document.territory_kind, len(codes)) if document.territory_kind else -1
            for document in documents
        ],
        dtype=np.int32,
    )


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
