"""Amounts written in French words, as a receipt states them: « cent vingt euros et cinquante
centimes ».

Traditional spelling (the one accountants and banks still print): hyphens between tens and
units below one hundred, « et » in 21, 31… 71, « quatre-vingts » and « deux cents » with an s
only when nothing follows, « mille » invariable, « million » and « milliard » as nouns.
"""

from decimal import ROUND_HALF_UP, Decimal

UNITS = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
    "dix-sept", "dix-huit", "dix-neuf",
]  # fmt: skip
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
SCALES = [(10**9, "milliard"), (10**6, "million")]


def number_in_words(number: int) -> str:
    """``number`` (0 to 999 999 999 999) in French words.

    >>> number_in_words(71)
    'soixante et onze'
    >>> number_in_words(280)
    'deux cent quatre-vingts'
    """
    if number < 0 or number >= 10**12:
        raise ValueError("Le nombre doit être compris entre 0 et 999 999 999 999.")
    if number == 0:
        return UNITS[0]
    words = []
    rest = number
    for scale, noun in SCALES:
        count, rest = divmod(rest, scale)
        if count:
            words.append(f"{_below_a_thousand(count)} {noun}{'s' if count > 1 else ''}")
    thousands, rest = divmod(rest, 1000)
    if thousands:
        # « mille », never « un mille »; « deux cent mille »: no s before « mille ».
        words.append(
            "mille" if thousands == 1 else f"{_below_a_thousand(thousands, last=False)} mille"
        )
    if rest:
        words.append(_below_a_thousand(rest))
    return " ".join(words)


def _below_a_thousand(number: int, *, last: bool = True) -> str:
    """1 to 999; ``last`` is false when « mille » follows, which takes the s of « cents » and
    « quatre-vingts » away."""
    hundreds, rest = divmod(number, 100)
    words = []
    if hundreds:
        plural = "s" if hundreds > 1 and rest == 0 and last else ""
        words.append("cent" + plural if hundreds == 1 else f"{UNITS[hundreds]} cent{plural}")
    if rest:
        words.append(_below_a_hundred(rest, last=last))
    return " ".join(words)


def _below_a_hundred(number: int, *, last: bool) -> str:
    if number < 20:
        return UNITS[number]
    tens, unit = divmod(number, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…: on the teens
        base = "soixante" if tens == 7 else "quatre-vingt"
        teen = UNITS[10 + unit]
        joiner = " et " if number == 71 else "-"
        return f"{base}{joiner}{teen}"
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
    """« trente euros », « un euro et cinq centimes », « un million d'euros ».

    >>> euros_in_words(Decimal("120.50"))
    'cent vingt euros et cinquante centimes'
    """
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("Un montant négatif ne s'écrit pas sur un reçu.")
    euros, cents = divmod(int(value * 100), 100)
    if euros == 0 and cents:
        return _noun(cents, "centime")
    words = _noun(euros, "euro")
    if cents:
        words += f" et {_noun(cents, 'centime')}"
    return words


def _noun(count: int, noun: str) -> str:
    words = number_in_words(count)
    if count > 1 and words.endswith(("million", "millions", "milliard", "milliards")):
        return f"{words} d'{noun}s"  # « un million d'euros »
    return f"{words} {noun}{'s' if count > 1 else ''}"
