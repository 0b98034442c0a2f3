"""The words a full-text search stores and looks for, the same for every database engine:
lower case, accents removed, « saint » written « st » (see ``text.search_words``), and French
stemming (Snowball), so that « mobilités » finds « mobilité »."""

import threading

import snowballstemmer

from essaim.lib.text import search_words

_local = threading.local()


def _stem(word: str) -> str:
    # A Snowball stemmer keeps state while it works: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer.stemWord(word)


def index_words(*texts: str) -> str:
    """The words stored for ``texts``: each one stemmed, and as written when that differs.

    >>> index_words("Les Centrales villageoises")
    'le les central centrales villageois villageoises'
    """
    words: list[str] = []
    for text in texts:
        for word in search_words(text or ""):
            stem = _stem(word)
            words.append(stem)
            if stem != word:
                words.append(word)
    return " ".join(words)


def query_terms(text: str) -> list[tuple[str, ...]]:
    """What each typed word must match: its stem, and for the last word also the word as
    typed, both as the beginning of a stored word."""
    words = search_words(text)
    terms: list[tuple[str, ...]] = [(_stem(word),) for word in words[:-1]]
    if words:
        last = words[-1]
        terms.append(tuple(dict.fromkeys((_stem(last), last))))
    return terms
