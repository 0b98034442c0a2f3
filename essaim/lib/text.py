"""Django-free text helpers."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SAINTS = {"saint": "st", "sainte": "ste", "saints": "sts", "saintes": "stes"}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_words(text: str) -> list[str]:
    """Lower-case, accent-free words, with « saint » written « st » as on road signs.

    >>> search_words("Saint-Étienne-de-Saint-Geoirs")
    ['st', 'etienne', 'de', 'st', 'geoirs']
    """
    plain = _NON_WORD.sub(" ", strip_accents(text).lower().replace("œ", "oe").replace("æ", "ae"))
    return [_SAINTS.get(word, word) for word in plain.split()]


def search_key(*parts: str) -> str:
    """The text a search compares against: words separated by spaces, with a leading space so
    that ``" " + word`` finds the beginning of any word."""
    return " " + " ".join(word for part in parts for word in search_words(part))
