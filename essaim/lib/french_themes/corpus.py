"""Passages read into a sparse passage × phrase matrix, weighed by TF-IDF.

A phrase is one to three lemmas that neither start nor end with a stop word. Its occurrences
are counted as integer codes in NumPy arrays, never as one Python string each, and the
vocabulary is capped (``min_df``, ``MAX_DF``, ``MAX_PHRASES``): reading 10,000 notes of a hundred
words takes tens of megabytes, linear in the number of words.
"""

import math
from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from essaim.lib.french_themes.words import CONTENT, DETERMINER, LINKER, SUBJECT, VERB, Lexicon

__all__ = ["Corpus", "Passage", "PhraseCodes", "Progress", "read_corpus"]

MIN_WORDS = 3  # content words a passage needs to count
MAX_PHRASES = 20_000  # columns of the matrix
MAX_DF = 0.6  # a phrase in more passages than this share says nothing about themes


@dataclass(frozen=True)
class Passage:
    key: Hashable  # who it comes from, e.g. ("quote", 12) or ("note", 7): returned as is
    text: str  # French text: a key quote, or a paragraph of interview notes
    weight: float = 1.0  # key quotes may count more than plain notes


class Progress:
    """Calls ``callback(done, total)`` after each batch of passages read (ten at most), then
    after each later step: vectorising, clustering, supports."""

    STEPS_AFTER_READING = 3

    def __init__(self, callback: Callable[[int, int], None] | None, passages: int) -> None:
        batches = max(1, min(10, math.ceil(passages / 200)))
        self.batch = max(1, math.ceil(passages / batches))
        self.total = math.ceil(passages / self.batch) + self.STEPS_AFTER_READING
        self.done = 0
        self.callback = callback

    def step(self) -> None:
        self.done = min(self.done + 1, self.total)
        if self.callback is not None:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        if self.done < self.total:
            self.done = self.total - 1
            self.step()


class PhraseCodes:
    """A phrase of one to three lemma ids as one int64, ``(a × B + b) × B + c``, a missing
    word written ``pad``: exact while there are fewer than two million lemmas (B³ < 2⁶³)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.pad = len(lexicon.lemma_ids)
        self.base = self.pad + 1
        if self.base**3 >= 2**63:
            raise ValueError("Trop de mots différents pour proposer des thèmes.")
        self.linkers = lexicon.linkers

    def find(self, lemma_ids: np.ndarray, kinds: np.ndarray) -> tuple[np.ndarray, ...]:
        """Start positions, lengths and codes of the phrases among these tokens: a content
        word or a verb, two content words in a row, or three words whose ends are content words
        and whose middle is a content word or a linker; none of several words after a subject
        pronoun or before a determiner."""
        content = kinds == CONTENT
        inner = content | (kinds == LINKER)
        first, last = content.copy(), content.copy()
        first[1:] &= kinds[:-1] != SUBJECT
        last[:-1] &= kinds[1:] != DETERMINER
        one = np.flatnonzero(content | (kinds == VERB))
        two = np.flatnonzero(first[:-1] & last[1:])
        three = np.flatnonzero(first[:-2] & inner[1:-1] & last[2:])
        ids, base, pad = lemma_ids.astype(np.int64), self.base, self.pad
        codes = np.concatenate(
            [
                (ids[one] * base + pad) * base + pad,
                (ids[two] * base + ids[two + 1]) * base + pad,
                (ids[three] * base + ids[three + 1]) * base + ids[three + 2],
            ]
        )
        sizes = np.repeat(np.array([1, 2, 3], dtype=np.int8), [len(one), len(two), len(three)])
        return np.concatenate([one, two, three]).astype(np.int32), sizes, codes

    def words(self, code: int) -> tuple[int, ...]:
        """The lemma ids of a phrase."""
        words = (code // self.base**2, code // self.base % self.base, code % self.base)
        return tuple(int(word) for word in words if word != self.pad)

    def content_words(self, code: int) -> frozenset[int]:
        return frozenset(self.words(code)) - self.linkers


@dataclass
class Corpus:
    passages: list[Passage]  # the ones that count, in the order given
    lexicon: Lexicon
    codes: PhraseCodes
    matrix: sparse.csr_matrix  # passages × phrases: TF-IDF, each row times its weight
    columns: np.ndarray  # the code of the phrase of each column
    forms: np.ndarray  # the form id of each token of the passages, one after the other
    starts: np.ndarray  # of each phrase found, in ``forms``
    sizes: np.ndarray
    found: np.ndarray  # the code of each phrase found

    def written(self, columns: set[int]) -> dict[int, str]:
        """Each phrase (column) in the form most often written in the corpus; of the forms
        written as often, the one with the fewest capitals."""
        counts: dict[int, Counter] = {}
        for position in np.flatnonzero(np.isin(self.found, self.columns[sorted(columns)])):
            start, size = int(self.starts[position]), int(self.sizes[position])
            forms = tuple(self.forms[start : start + size].tolist())
            counts.setdefault(int(self.found[position]), Counter())[forms] += 1
        names = list(self.lexicon.forms)
        column_of = {int(self.columns[column]): column for column in columns}
        written = {}
        for code, forms in counts.items():
            texts: Counter = Counter()
            for these, count in forms.items():
                texts[_join([names[form] for form in these])] += count
            written[column_of[code]] = min(
                texts, key=lambda text: (-texts[text], sum(c.isupper() for c in text), text)
            )
        return written


def _join(words: list[str]) -> str:
    text = ""
    for word in words:
        text += word if not text or text[-1] in "'’" else " " + word
    return text


def read_corpus(passages: Sequence[Passage], progress: Progress) -> Corpus | None:
    """The passages of at least ``MIN_WORDS`` content words and a positive weight, read into
    a corpus (None if none is left), lemmatised in batches."""
    lexicon = Lexicon()
    kept: list[Passage] = []
    lemma_ids, kinds, forms, ends = array("i"), array("b"), array("i"), []
    for number, passage in enumerate(passages, 1):
        ids, these, written = lexicon.encode(passage.text or "")
        if these.count(CONTENT) + these.count(VERB) >= MIN_WORDS and passage.weight > 0:
            kept.append(passage)
            lemma_ids.extend(ids)
            kinds.extend(these)
            forms.extend(written)
            ends.append(len(lemma_ids))
        if number % progress.batch == 0 or number == len(passages):
            progress.step()
    if not kept:
        return None
    codes = PhraseCodes(lexicon)
    starts, sizes, found = codes.find(
        np.frombuffer(lemma_ids, dtype=np.int32), np.frombuffer(kinds, dtype=np.int8)
    )
    matrix, columns = _weigh(kept, found, np.searchsorted(ends, starts, side="right"))
    forms = np.frombuffer(forms, dtype=np.int32)
    return Corpus(kept, lexicon, codes, matrix, columns, forms, starts, sizes, found)


def _weigh(
    kept: list[Passage], found: np.ndarray, passages: np.ndarray
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The TF-IDF matrix of the phrases ``found`` in ``passages`` (the passage of each), and
    the code of each of its columns."""
    codes, phrases = np.unique(found, return_inverse=True)
    pairs, counts = np.unique(passages * len(codes) + phrases, return_counts=True)
    rows, pair_phrases = np.divmod(pairs, len(codes))
    df = np.bincount(pair_phrases, minlength=len(codes))
    count = len(kept)
    frequent = df >= (1 if count < 10 else 2 if count < 1000 else 3)
    telling = frequent & (df <= MAX_DF * count) if count >= 10 else frequent
    # Passages that all say the same, or nothing twice, still make a theme.
    wanted = next(chosen for chosen in (telling, frequent, df > 0) if chosen.any())
    candidates = np.flatnonzero(wanted)
    chosen = np.sort(candidates[np.argsort(-df[candidates], kind="stable")[:MAX_PHRASES]])
    column_of = np.full(len(codes), -1)
    column_of[chosen] = np.arange(len(chosen))
    columns = column_of[pair_phrases]
    present = columns >= 0
    counted = sparse.csr_matrix(
        (counts[present].astype(float), (rows[present], columns[present])),
        shape=(count, len(chosen)),
    )
    weighted = TfidfTransformer(sublinear_tf=True).fit_transform(counted)
    weights = sparse.diags([float(passage.weight) for passage in kept])
    return sparse.csr_matrix(weights @ weighted), codes[chosen]
