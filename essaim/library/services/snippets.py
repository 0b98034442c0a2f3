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


def searched_words(text: str, synonyms: Iterable[Sequence[str]] = ()) -> tuple[str, ...]:
    """Every word the search looked for, each as the beginning of a stored word."""
    return tuple(
        dict.fromkeys(
            word
            for clause in query_clauses(text, synonyms)
            for alternative in clause
            for term in alternative
            for word in term
        )
    )


@functools.lru_cache(maxsize=50_000)
def _stored(token: str) -> tuple[str, ...]:
    """The words the index stores for ``token``."""
    return tuple(index_words(token).split())


class Matcher:
    """Whether a word of a text is one the search found: one of the words the index stores for
    it begins with one of ``words``. Each distinct word is looked at once per page."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.known: dict[str, bool] = {}

    def __call__(self, token: str) -> bool:
        found = self.known.get(token)
        if found is None:
            words = self.words
            found = self.known[token] = bool(words) and any(
                stored.startswith(words) for stored in _stored(token)
            )
        return found


NOTHING = Matcher(())


def highlight(text: str, matches: Matcher) -> SafeString:
    """``text`` escaped, the words that ``matches`` in ``<mark>``."""
    parts, last = [], 0
    if matches.words:
        for token in TOKEN.finditer(text):
            if matches(token.group()):
                parts.append(escape(text[last : token.start()]))
                parts.append(f"<mark>{escape(token.group())}</mark>")
                last = token.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def _first_match(text: str, matches: Matcher) -> int | None:
    for token in TOKEN.finditer(text):
        if matches(token.group()):
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


def snippet(texts: Sequence[str], matches: Matcher) -> SafeString:
    """The passage of the first of ``texts`` that holds a searched word, around it; without
    one, the beginning of the first text that is not empty."""
    if matches.words:
        for text in texts:
            position = _first_match(text, matches)
            if position is not None:
                return highlight(_window(text, position - BEFORE, position + AFTER), matches)
    first = next((text for text in texts if text.strip()), "")
    return highlight(_window(first, 0, PLAIN_LENGTH), NOTHING)


def sheet_snippets(sheets, text: str, synonyms: Iterable[Sequence[str]] = ()) -> dict:
    """By sheet key, its highlighted title and passage, from its public fields only."""
    matches = Matcher(searched_words(text, synonyms) if text.strip() else ())
    return {
        sheet.pk: (
            highlight(sheet.title, matches),
            snippet([getattr(sheet, name) for name in BODY_FIELDS], matches),
        )
        for sheet in sheets
    }
