"""The passage of a sheet shown under its title in the search results, with the words that made
it match in ``<mark>``: computed in Python for the twenty rows of a page only, from the public
fields of the sheet, with the same words as the search (stems, verbs of nouns in -age, synonyms),
so that what is highlighted is what was found."""

import functools
import re
from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from essaim.lib.search_terms import index_words, query_clauses
from essaim.library.search import BODY_FIELDS

TOKEN = re.compile(r"\w+")
BEFORE, AFTER = 90, 190  # characters of context around the first word found
PLAIN_LENGTH = 240  # when no word is found in the text (found by a theme or a place)


def searched_words(text: str, synonyms: Iterable[Sequence[str]] = ()) -> frozenset[str]:
    """Every word the search looked for, each as the beginning of a stored word."""
    return frozenset(
        word
        for clause in query_clauses(text, synonyms)
        for alternative in clause
        for term in alternative
        for word in term
    )


@functools.lru_cache(maxsize=50_000)
def _stored(token: str) -> tuple[str, ...]:
    """The words the index stores for ``token``."""
    return tuple(index_words(token).split())


def _matches(token: str, words: frozenset[str]) -> bool:
    return any(stored.startswith(word) for stored in _stored(token) for word in words)


def highlight(text: str, words: frozenset[str]) -> SafeString:
    """``text`` escaped, the words that begin with one of ``words`` in ``<mark>``."""
    parts, last = [], 0
    for token in TOKEN.finditer(text):
        if words and _matches(token.group(), words):
            parts.append(escape(text[last : token.start()]))
            parts.append(f"<mark>{escape(token.group())}</mark>")
            last = token.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def _first_match(text: str, words: frozenset[str]) -> int | None:
    for token in TOKEN.finditer(text):
        if _matches(token.group(), words):
            return token.start()
    return None


def _window(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to whole words, with an ellipsis where it was cut."""
    start, end = max(0, start), min(len(text), end)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 else len(text)
    piece = " ".join(text[start:end].split())
    return ("… " if start > 0 else "") + piece + (" …" if end < len(text) else "")


def snippet(texts: Sequence[str], words: frozenset[str]) -> SafeString:
    """The passage of the first of ``texts`` that holds a searched word, around it; without
    one, the beginning of the first text that is not empty."""
    if words:
        for text in texts:
            position = _first_match(text, words)
            if position is not None:
                return highlight(_window(text, position - BEFORE, position + AFTER), words)
    first = next((text for text in texts if text.strip()), "")
    return highlight(_window(first, 0, PLAIN_LENGTH), frozenset())


def sheet_snippets(sheets, text: str, synonyms: Iterable[Sequence[str]] = ()) -> dict:
    """By sheet key, its highlighted title and passage, from its public fields only."""
    words = searched_words(text, synonyms) if text.strip() else frozenset()
    return {
        sheet.pk: (
            highlight(sheet.title, words),
            snippet([getattr(sheet, name) for name in BODY_FIELDS], words),
        )
        for sheet in sheets
    }
