"""The bounds of the values people type: one rule per kind of value, shared by the forms
(``essaim/core/bounds.py``), the spreadsheet imports (``essaim/lib/french_csv.py``) and the API.

- dates, with or without a time of day: from 1 January 1900 to 31 December 2100. Nothing the
  platform records is older (a reference value from a census, a consent, a payment), and the
  targets of territorial plans reach 2050 and beyond; a fixed range gives the same answer
  whatever the day, and keeps every chart and timeline to a few thousand months at most. What
  has been observed (a measurement) is, besides, never after today;
- whole numbers (places, people, hours, positions): from 0 (when the field allows no less) to
  one million, far above any real count and far below what a database column holds;
- single-line text (titles, names, places): no line break, no control character — they would
  break a subject line, a calendar file or a page; texts on several lines keep theirs.

Each ``check_*`` raises :class:`OutOfBounds`, whose ``message`` is a French fragment that
follows « Ligne 4 : » in an import; :func:`sentence` makes it the sentence a form shows.
"""

import datetime
import re

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
MAX_COUNT = 1_000_000

DATE_OUT_OF_RANGE = "la date doit être comprise entre le 01/01/1900 et le 31/12/2100"
COUNT_TOO_LARGE = "ce nombre est trop grand : un million au plus"
NOT_SINGLE_LINE = (
    "ce texte doit tenir sur une ligne, sans retour à la ligne ni caractère de contrôle"
)

# Line breaks (including Unicode's), tabs and the other C0/C1 control characters.
_NOT_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


class OutOfBounds(ValueError):
    """A value outside its bounds; ``message`` is a French fragment."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sentence(fragment: str) -> str:
    """« la date doit… » as a sentence: « La date doit… »."""
    return fragment[:1].upper() + fragment[1:] + "."


def check_date(value: datetime.date) -> None:
    """Refuse a date (or the day of a date and time) outside 1900–2100.

    >>> check_date(datetime.date(9999, 12, 31))
    Traceback (most recent call last):
    ...
    essaim.lib.bounds.OutOfBounds: la date doit être comprise entre le 01/01/1900 et le 31/12/2100
    """
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise OutOfBounds(DATE_OUT_OF_RANGE)


def check_not_future(value: datetime.date, *, today: datetime.date) -> None:
    """Refuse a date after ``today``, for what has been observed (a measurement): the page, the
    API and the import answer the same."""
    if value > today:
        raise OutOfBounds(f"la date {value:%d/%m/%Y} est dans le futur")


def check_count(value: int) -> None:
    """Refuse a whole number above one million (the lower bound is the field's own)."""
    if value > MAX_COUNT:
        raise OutOfBounds(COUNT_TOO_LARGE)


def check_single_line(value: str) -> None:
    """Refuse a line break, a tab or another control character in a single-line text.

    >>> check_single_line("Atelier compost")
    >>> check_single_line("Atelier\\ncompost")
    Traceback (most recent call last):
    ...
    essaim.lib.bounds.OutOfBounds: ce texte doit tenir sur une ligne, sans retour à la ligne ni \
caractère de contrôle
    """
    if _NOT_SINGLE_LINE.search(value):
        raise OutOfBounds(NOT_SINGLE_LINE)


def one_line(value: str) -> str:
    """``value`` on one line, for a text kept before the rule (a subject, a calendar field):
    each run of spaces, line breaks and control characters becomes one space.

    >>> one_line("Atelier\\r\\n  compost\\t")
    'Atelier compost'
    """
    return _BLANKS.sub(" ", value).strip()
