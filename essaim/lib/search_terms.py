"""The words a full-text search stores and looks for, the same for every database engine:
lower case, accents removed, « saint » written « st » (see ``text.search_words``), and French
stemming (Snowball), so that « mobilités » finds « mobilité ».

Snowball leaves a noun in -age and its verb apart (« covoiturage » → « covoiturag »,
« covoiturer » → « covoitur »): a noun in -age whose verb in -er is a French word (simplemma's
dictionary, with a common prefix such as « co- » or « auto- » set aside) also gets the verb's
stem, so that each finds the other.

A query is a list of clauses, all of which must match; a clause lists alternatives, any of which
may match; an alternative is a sequence of terms, all of which must match; a term lists words,
any of which may begin a stored word. Synonyms (« autostop organisé / covoiturage ») make an
expression typed into a clause whose alternatives are every expression of its group."""

import functools
import threading
from collections.abc import Iterable, Sequence

import snowballstemmer

from essaim.lib.text import search_words, strip_accents

Term = tuple[str, ...]  # any of these words, each as the beginning of a stored word
Alternative = tuple[Term, ...]  # every term must match
Clause = tuple[Alternative, ...]  # any alternative may match

# Prefixes set aside to find the verb of a compound noun: « covoiturage » → « voiturer ».
VERB_PREFIXES = ("co", "auto", "re", "de", "pre", "inter", "sur", "sous", "contre", "multi")
# A shorter stem would begin too many unrelated words (« garage » → « gar » → « garantie »).
MIN_VERB_STEM = 5

_local = threading.local()


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # A Snowball stemmer keeps state while it works: one per thread. The vocabulary of a
    # collection is small next to its number of words: each word is stemmed once.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer.stemWord(word)


@functools.cache
def _known_verbs() -> frozenset[str]:
    """The infinitives in -er of simplemma's French dictionary, without accents (the words
    compared are accent-free). Read once per process, a fraction of a second."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    lemmas = set(DefaultDictionaryFactory().get_dictionary("fr").values())
    return frozenset(strip_accents(lemma).lower() for lemma in lemmas if lemma.endswith("er"))


def _is_known_verb(verb: str) -> bool:
    known = _known_verbs()
    if verb in known:
        return True
    return any(verb.startswith(prefix) and verb[len(prefix) :] in known for prefix in VERB_PREFIXES)


@functools.lru_cache(maxsize=50_000)
def verb_stem(word: str) -> str | None:
    """The stem of the verb of a noun in -age (« covoiturages » → « covoitur »), when that verb
    is a known word and its stem is long enough to be looked for; otherwise ``None``.

    >>> verb_stem("covoiturage"), verb_stem("garage"), verb_stem("village")
    ('covoitur', None, None)
    """
    noun = word.removesuffix("s")
    if not noun.endswith("age"):
        return None
    verb = noun[: -len("age")] + "er"
    if len(verb) < MIN_VERB_STEM + 2 or not _is_known_verb(verb):
        return None
    stem = _stem(verb)
    if len(stem) < MIN_VERB_STEM or stem == _stem(word):
        return None
    return stem


def index_words(*texts: str) -> str:
    """The words stored for ``texts``: each one stemmed, and as written when that differs; a
    noun in -age also as its verb's stem.

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
            verb = verb_stem(word)
            if verb:
                words.append(verb)
    return " ".join(words)


def _term(word: str, *, as_typed: bool) -> Term:
    candidates = [_stem(word)]
    if as_typed:
        candidates.append(word)
    verb = verb_stem(word)
    if verb:
        candidates.append(verb)
    return tuple(dict.fromkeys(candidates))


def query_terms(text: str) -> list[Term]:
    """What each typed word must match: its stem (and its verb's, for a noun in -age), and for
    the last word also the word as typed, all as the beginning of a stored word."""
    words = search_words(text)
    return [_term(word, as_typed=index == len(words) - 1) for index, word in enumerate(words)]


def query_clauses(text: str, synonyms: Iterable[Sequence[str]] = ()) -> list[Clause]:
    """The clauses of ``text``: one per typed word, except that an expression of a group of
    ``synonyms`` typed (compared by stems: « covoiturages » is « covoiturage ») becomes one
    clause matched by any expression of its group, each expression's words all present.

    >>> query_clauses("covoiturage rural", [["autostop organisé", "covoiturage"]])[0]
    ((('autostop',), ('organis', 'organise')), (('covoiturag', 'covoiturage', 'covoitur'),))
    """
    words = search_words(text)
    terms = query_terms(text)
    stems = [_stem(word) for word in words]
    groups = _stemmed_groups(synonyms)
    clauses: list[Clause] = []
    position = 0
    while position < len(words):
        match = _longest_expression(stems, position, groups)
        if match is None:
            clauses.append(((terms[position],),))
            position += 1
            continue
        length, group = match
        clauses.append(tuple(tuple(query_terms(expression)) for expression in group))
        position += length
    return clauses


def _stemmed_groups(synonyms: Iterable[Sequence[str]]) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each expression of each group (as its stems), with its whole group."""
    stemmed = []
    for group in synonyms:
        expressions = [expression for expression in group if search_words(expression)]
        if len(expressions) < 2:
            continue
        for expression in expressions:
            stemmed.append((tuple(_stem(word) for word in search_words(expression)), expressions))
    return stemmed


def _longest_expression(
    stems: list[str], position: int, groups: list[tuple[tuple[str, ...], list[str]]]
) -> tuple[int, list[str]] | None:
    best: tuple[int, list[str]] | None = None
    for expression, group in groups:
        length = len(expression)
        longer = best is None or length > best[0]
        if longer and tuple(stems[position : position + length]) == expression:
            best = (length, group)
    return best
