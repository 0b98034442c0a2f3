"""Themes found in a corpus by NMF, each labelled, with its key phrases and its supports."""

import math
import warnings
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

from essaim.lib.french_themes.corpus import Corpus, Passage, Progress, read_corpus
from essaim.lib.french_themes.words import sentences

__all__ = ["ProposedTheme", "Support", "extract_themes"]

MAX_KEY_PHRASES = 8
MIN_KEY_PHRASES = 3
MIN_SHARE = 0.4  # of a passage's themes, for the passage to support one
NEIGHBOUR_SHARE = 0.3  # of the best sentence's score, for a sentence next to it to join it
MAX_EXCERPT = 300
RANDOM_STATE = 0


@dataclass(frozen=True)
class Support:
    key: Hashable
    excerpt: str  # the sentence(s) of the passage that carry the theme, original wording
    score: float  # 0–1: 1 for the passage that carries the theme most


@dataclass(frozen=True)
class ProposedTheme:
    label: str  # readable French, as most often written: « coopération intercommunale »
    key_phrases: tuple[str, ...]  # 3–8 phrases as written, the label first
    supports: tuple[Support, ...]  # best first
    weight: float  # share of the corpus, 0–1
    passages: int = 0  # passages whose main theme it is


def extract_themes(
    passages: Sequence[Passage],
    *,
    max_themes: int = 12,
    max_supports: int = 8,
    progress: Callable[[int, int], None] | None = None,
) -> list[ProposedTheme]:
    """Themes proposed from ``passages``, heaviest first: about the square root of the number
    of passages (at most ``max_themes``), each with its key phrases, its ``max_supports`` best
    passages and its share of the corpus. Passages of fewer than three content words are
    ignored; none left gives ``[]``. ``progress(done, total)`` is called after each batch of
    passages read and each later step, the last time with ``done == total``."""
    tracker = Progress(progress, len(passages))
    corpus = read_corpus(passages, tracker)
    tracker.step()
    if corpus is None or corpus.matrix.nnz == 0:
        tracker.finish()
        return []
    count = _theme_count(len(corpus.passages), corpus.matrix.shape[1], max_themes)
    loads, topics = _factorise(corpus.matrix, count)
    loads, topics = _merge_same_labels(corpus, loads, topics)
    tracker.step()
    themes = _describe(corpus, loads, topics, max_supports)
    tracker.finish()
    return themes


def _theme_count(passages: int, phrases: int, max_themes: int) -> int:
    """About the square root of the number of passages: 1 for two, 5 for thirty, 12 (the
    default maximum) from 133 on."""
    return max(1, min(max_themes, phrases, passages, round(math.sqrt(passages))))


def _factorise(matrix: sparse.csr_matrix, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The load of each passage on each theme, and the weight of each phrase in each."""
    model = NMF(n_components=count, init="nndsvda", random_state=RANDOM_STATE, max_iter=400)
    # Short of convergence, the factorisation is still a fair proposal; an exact one makes its
    # error a rounding below zero, whose square root NumPy warns about.
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        warnings.simplefilter("ignore", ConvergenceWarning)
        loads = model.fit_transform(matrix)
    return loads, model.components_.copy()


def _key_phrases(corpus: Corpus, row: np.ndarray) -> list[int]:
    """The columns of a theme's 3–8 key phrases, strongest first, down to a quarter of the
    first one's weight; a phrase whose content words are all in a stronger one is left out, a
    phrase holding the words of stronger ones takes the place of the first of them."""
    order = [int(c) for c in np.argsort(-row, kind="stable")[:40] if row[c] > 0]
    words = {c: corpus.codes.content_words(int(corpus.columns[c])) for c in order}
    chosen: list[int] = []
    left_out: list[int] = []
    for column in order:
        if len(chosen) >= MAX_KEY_PHRASES:
            break
        if len(chosen) >= MIN_KEY_PHRASES and row[column] < 0.25 * row[order[0]]:
            break
        if any(words[column] <= words[other] for other in chosen):
            left_out.append(column)
            continue
        held = [other for other in chosen if words[other] < words[column]]
        if held:
            chosen[chosen.index(held[0])] = column
            chosen = [other for other in chosen if other not in held[1:]]
            left_out.extend(held)
        else:
            chosen.append(column)
    return chosen + left_out[: max(0, MIN_KEY_PHRASES - len(chosen))]


def _label(corpus: Corpus, row: np.ndarray, phrases: list[int]) -> int:
    """The column of the label among the key ``phrases``: the first of several words unless
    it weighs less than 40 % of the first phrase, else the first that is not a verb."""
    words = [corpus.codes.words(int(corpus.columns[column])) for column in phrases]
    for column, these in zip(phrases, words, strict=True):
        if len(these) > 1:
            if row[column] >= 0.4 * row[phrases[0]]:
                return column
            break
    verbs = corpus.lexicon.verbs
    nouns = [column for column, these in zip(phrases, words, strict=True) if these[0] not in verbs]
    return (nouns or phrases)[0]


def _merge_same_labels(
    corpus: Corpus, loads: np.ndarray, topics: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Themes (columns of ``loads``, rows of ``topics``) of the same label merged, until every
    label differs: the team would see two themes under one name."""
    while True:
        seen: dict[int, int] = {}
        for theme, row in enumerate(topics):
            if not row.any():
                continue
            label = _label(corpus, row, _key_phrases(corpus, row))
            if label not in seen:
                seen[label] = theme
                continue
            first = seen[label]
            topics[first] += row
            loads[:, first] += loads[:, theme]
            topics, loads = np.delete(topics, theme, axis=0), np.delete(loads, theme, axis=1)
            break
        else:
            return loads, topics


def _describe(
    corpus: Corpus, loads: np.ndarray, topics: np.ndarray, max_supports: int
) -> list[ProposedTheme]:
    weights = np.array([float(passage.weight) for passage in corpus.passages])
    totals = loads.sum(axis=1)
    counted = totals > 0
    shares = np.zeros_like(loads)
    shares[counted] = loads[counted] / totals[counted, None]
    corpus_weight = weights[counted].sum() or 1.0
    main = np.where(counted, shares.argmax(axis=1), -1)
    picked = [_key_phrases(corpus, row) if row.any() else [] for row in topics]
    written = corpus.written({column for columns in picked for column in columns})
    column_of = {int(code): column for column, code in enumerate(corpus.columns.tolist())}
    themes = []
    for theme, row in enumerate(topics):
        load = loads[:, theme]
        if not picked[theme] or load.max() <= 0:
            continue
        label = _label(corpus, row, picked[theme])
        phrases = [label] + [column for column in picked[theme] if column != label]
        # Its supports: the passages that load most on it, of those it is a good part of.
        candidates = np.flatnonzero((load > 0) & (shares[:, theme] >= MIN_SHARE))
        best = candidates[np.argsort(-load[candidates], kind="stable")[:max_supports]]
        supports = tuple(
            Support(
                key=corpus.passages[passage].key,
                excerpt=_excerpt(corpus, corpus.passages[passage].text, row, column_of),
                score=round(float(load[passage] / load.max()), 4),
            )
            for passage in best.tolist()
        )
        themes.append(
            ProposedTheme(
                label=written[label],
                key_phrases=tuple(written[column] for column in phrases),
                supports=supports,
                weight=round(float((shares[:, theme] * weights).sum() / corpus_weight), 4),
                passages=int((main == theme).sum()),
            )
        )
    return sorted(themes, key=lambda theme: (-theme.weight, theme.label))


def _excerpt(corpus: Corpus, text: str, row: np.ndarray, column_of: dict[int, int]) -> str:
    """The sentence of ``text`` that weighs most in the theme (``row``), with the neighbours
    that weigh almost as much while they fit in ``MAX_EXCERPT`` characters, as written."""
    found = sentences(text)
    if not found:
        return ""
    scores = []
    for sentence in found:
        ids, kinds, _ = corpus.lexicon.encode(sentence, add=False)
        _, _, codes = corpus.codes.find(np.array(ids), np.array(kinds, dtype=np.int8))
        columns = {column_of.get(code, -1) for code in codes.tolist()} - {-1}
        scores.append(float(sum(row[column] for column in columns)))
    first = last = max(range(len(found)), key=lambda i: (scores[i], -i))
    enough = max(NEIGHBOUR_SHARE * scores[first], 1e-12)
    grown = True
    while grown:
        grown = False
        for i in (last + 1, first - 1):
            if 0 <= i < len(found) and scores[i] >= enough:
                length = sum(len(s) + 1 for s in found[min(first, i) : max(last, i) + 1])
                if length <= MAX_EXCERPT + 1:
                    first, last, grown = min(first, i), max(last, i), True
    excerpt = " ".join(" ".join(found[first : last + 1]).split())
    if len(excerpt) > MAX_EXCERPT:
        excerpt = excerpt[: MAX_EXCERPT - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return excerpt
