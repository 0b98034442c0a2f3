"""Values written the French way, in one place: numbers, euros, percentages, dates, date ranges,
hours, durations, plurals, amounts in words and gender-inclusive words.

Django-free, and independent of the active language: pages, e-mails, PDF and DOCX documents, and
tasks running outside any request all say the same thing. A no-break space keeps a number with its
unit (« 12 500,50 € », « 1 h 30 », « 45 % »); thousands are grouped by a no-break space too.

Amounts in words follow the traditional spelling that accountants and banks still print: hyphens
between tens and units below one hundred, « et » in 21, 31… 71, « quatre-vingts » and « deux
cents » with an s only when nothing follows, « mille » invariable, « million » and « milliard » as
nouns.
"""

import datetime
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

NBSP = "\u00a0"

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_SHORT = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

Number = Decimal | int | float


# Numbers, amounts, percentages -------------------------------------------------------------------


def number(value: Number | None, max_decimals: int = 2, *, unit: str = "") -> str:
    """« 1 234,5 »: thousands grouped by a no-break space, a decimal comma, no useless zeros,
    rounded half up to ``max_decimals``; « 1 234,5 trajets » with a ``unit``; "" for None.

    >>> number(Decimal("1234.500"))
    '1\\xa0234,5'
    """
    if value is None:
        return ""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    amount = amount.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = group_thousands(whole)
    sign = "-" if amount < 0 and (grouped != "0" or fraction) else ""
    text = f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
    return f"{text}{NBSP}{unit}" if unit else text


def signed(value: Number) -> str:
    """A change, with its sign: « +12 », « −5 » (a true minus sign), « 0 »."""
    if value > 0:
        return f"+{number(value)}"
    if value < 0:
        return f"\u2212{number(-value)}"
    return number(value)


def group_thousands(digits: str, separator: str = NBSP) -> str:
    """« 1 234 567 » from « 1234567 »: groups of three digits from the right."""
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def euros(amount: Number | None, cents: Literal["auto", "always"] = "auto") -> str:
    """« 12 000 € », « 12 500,50 € », « -3 € »; ``cents="always"`` writes « 12 000,00 € »;
    "" for None."""
    if amount is None:
        return ""
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    if cents == "auto" and value == value.to_integral_value():
        return f"{number(value, 0)}{NBSP}€"
    whole, _, fraction = number(value, 2).partition(",")
    return f"{whole},{fraction.ljust(2, '0')}{NBSP}€"


def percent(value: Number | None, max_decimals: int = 0) -> str:
    """« 45 % », « 12,5 % » with ``max_decimals=1``; "" for None."""
    return number(value, max_decimals, unit="%")


# Dates -------------------------------------------------------------------------------------------


def day_number(day: datetime.date) -> str:
    """« 1er » for the first day of a month, else the number: « 9 »."""
    return "1er" if day.day == 1 else str(day.day)


def long_date(day: datetime.date | None) -> str:
    """« 1er mars 2024 », « 29 février 2024 »; "" for None."""
    if day is None:
        return ""
    return f"{day_number(day)} {MONTHS[day.month - 1]} {day.year}"


def day_month(day: datetime.date) -> str:
    """« 9 novembre », « 1er mars »: a day of a year the reader knows."""
    return f"{day_number(day)} {MONTHS[day.month - 1]}"


def weekday_date(day: datetime.date, *, capital: bool = False, year: bool = True) -> str:
    """« jeudi 9 novembre 2023 », « mercredi 1er novembre 2023 »; at the start of a line
    (``capital=True``) « Jeudi 9 novembre 2023 »; without the year, « jeudi 9 novembre »."""
    name = WEEKDAYS[day.weekday()]
    date = long_date(day) if year else day_month(day)
    return f"{name.capitalize() if capital else name} {date}"


def short_date(day: datetime.date) -> str:
    """« 9 nov. », « 1er janv. »."""
    return f"{day_number(day)} {MONTHS_SHORT[day.month - 1]}"


def month_year(day: datetime.date) -> str:
    """« janv. 2024 »."""
    return f"{MONTHS_SHORT[day.month - 1]} {day.year}"


def date_range(start: datetime.date, end: datetime.date, *, capital: bool = True) -> str:
    """« Jeudi 9 novembre 2023 » for one day; « Du 10 au 24 janvier 2021 », « Du 30 juin au
    8 juillet 2020 », « Du 15 décembre 2023 au 12 janvier 2024 » for several: the month and the
    year are written once when both days share them. Within a sentence (``capital=False``):
    « jeudi 9 novembre 2023 », « du 10 au 24 janvier 2021 »."""
    if start == end:
        return weekday_date(start, capital=capital)
    if (start.year, start.month) == (end.year, end.month):
        first = day_number(start)
    elif start.year == end.year:
        first = day_month(start)
    else:
        first = long_date(start)
    return f"{'Du' if capital else 'du'} {first} au {long_date(end)}"


def weekday_date_time(moment: datetime.datetime) -> str:
    """« mardi 27 janvier 2021 à 12h », « jeudi 1er avril 2021 à 9h30 », as ``moment`` reads on
    its own clock (the caller turns it into local time)."""
    return f"{weekday_date(moment.date())} à {hour(moment.time())}"


# Hours and durations -----------------------------------------------------------------------------


def hour(moment: datetime.time) -> str:
    """« 10h30 », « 9h05 », « 12h », « 0h » at midnight: as the announcements write them."""
    return f"{moment.hour}h{moment.minute:02d}" if moment.minute else f"{moment.hour}h"


def hours(start: datetime.time, end: datetime.time) -> str:
    """« 10h30-12h »."""
    return f"{hour(start)}-{hour(end)}"


def duration(minutes: Number, *, spelled: bool = False) -> str:
    """« 1 h 30 », « 8 h 05 », « 2 h », « 45 min », « 0 h », « 27 h 30 » past a day (minutes
    rounded half up). ``spelled=True`` writes whole hours as words: « 2 heures », « 1 heure »."""
    total = int(Decimal(str(minutes)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    whole, rest = divmod(total, 60)
    if whole == 0 and rest:
        return f"{rest}{NBSP}min"
    if rest:
        return f"{whole}{NBSP}h{NBSP}{rest:02d}"
    if spelled:
        return f"{whole}{NBSP}{plural(whole, 'heure')}"
    return f"{whole}{NBSP}h"


# Words -------------------------------------------------------------------------------------------


def plural(count: Number | None, singular: str, plural: str | None = None) -> str:
    """``singular`` for 0 and 1, as French counts them; else ``plural`` (``singular`` + s by
    default): plural(3, "inscrit") is « inscrits »."""
    if count is not None and count > 1:
        return plural if plural is not None else f"{singular}s"
    return singular


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 inscrit », « 1 inscrit », « 3 inscrits », « 1 250 inscrits »."""
    return f"{number(count)} {plural(count, singular, plural_form)}"


def inhabitants(count: int | None) -> str:
    """« 1 460 habitants », « 1 habitant », « 0 habitant », a no-break space after the number."""
    count = int(count or 0)
    return f"{number(count)}{NBSP}{plural(count, 'habitant')}"


def inclusive(masculine: str, feminine: str) -> str:
    """One gender-inclusive word with a middle dot: (« confirmé », « confirmée ») gives
    « confirmé·e », (« intervenants », « intervenantes ») « intervenant·es », (« acteur »,
    « actrice ») « acteur·rice »."""
    if masculine.endswith("s") and feminine.endswith("s"):
        return inclusive(masculine[:-1], feminine[:-1]) + "s"
    common = 0
    while common < min(len(masculine), len(feminine)) and (masculine[common] == feminine[common]):
        common += 1
    if common == len(feminine):
        return masculine
    return f"{masculine}·{feminine[common:]}"


def enumeration(items: Sequence[str]) -> str:
    """« a », « a et b », « a, b et c »; "" for no item."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"


# Amounts in words --------------------------------------------------------------------------------

UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
    "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
SCALES = ((10**9, "milliard"), (10**6, "million"))


def number_in_words(value: int) -> str:
    """``value`` (0 to 999 999 999 999) in French words.

    >>> number_in_words(71)
    'soixante et onze'
    >>> number_in_words(280)
    'deux cent quatre-vingts'
    """
    if value < 0 or value >= 10**12:
        raise ValueError("Le nombre doit être compris entre 0 et 999 999 999 999.")
    if value == 0:
        return UNITS[0]
    words = []
    rest = value
    for scale, noun in SCALES:
        count, rest = divmod(rest, scale)
        if count:
            words.append(f"{_below_a_thousand(count)} {plural(count, noun)}")
    thousands, rest = divmod(rest, 1000)
    if thousands:
        # « mille », never « un mille »; « deux cent mille »: no s before « mille ».
        words.append(
            "mille" if thousands == 1 else f"{_below_a_thousand(thousands, last=False)} mille"
        )
    if rest:
        words.append(_below_a_thousand(rest))
    return " ".join(words)


def _below_a_thousand(value: int, *, last: bool = True) -> str:
    """1 to 999; ``last`` is false when « mille » follows, which takes the s of « cents » and
    « quatre-vingts » away."""
    hundreds, rest = divmod(value, 100)
    words = []
    if hundreds:
        ending = "s" if hundreds > 1 and rest == 0 and last else ""
        words.append("cent" + ending if hundreds == 1 else f"{UNITS[hundreds]} cent{ending}")
    if rest:
        words.append(_below_a_hundred(rest, last=last))
    return " ".join(words)


def _below_a_hundred(value: int, *, last: bool) -> str:
    if value < 20:
        return UNITS[value]
    tens, unit = divmod(value, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…: on the teens
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = " et " if value == 71 else "-"
        return f"{base}{joiner}{UNITS[10 + unit]}"
    if tens == 8:
        if unit == 0:
            return "quatre-vingts" if last else "quatre-vingt"
        return f"quatre-vingt-{UNITS[unit]}"
    if unit == 0:
        return TENS[tens]
    if unit == 1:
        return f"{TENS[tens]} et un"
    return f"{TENS[tens]}-{UNITS[unit]}"


def euros_in_words(amount: Decimal | int | str) -> str:
    """« trente euros », « un euro et cinq centimes », « un million d'euros »; a receipt never
    states a negative amount (ValueError).

    >>> euros_in_words(Decimal("120.50"))
    'cent vingt euros et cinquante centimes'
    """
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("Un montant négatif ne s'écrit pas sur un reçu.")
    whole, cents = divmod(int(value * 100), 100)
    if whole == 0 and cents:
        return _noun_in_words(cents, "centime")
    words = _noun_in_words(whole, "euro")
    if cents:
        words += f" et {_noun_in_words(cents, 'centime')}"
    return words


def _noun_in_words(count: int, noun: str) -> str:
    words = number_in_words(count)
    if count > 1 and words.endswith(("million", "millions", "milliard", "milliards")):
        return f"{words} d'{noun}s"  # « un million d'euros »
    return f"{words} {plural(count, noun)}"
