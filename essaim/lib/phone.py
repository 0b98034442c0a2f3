"""French telephone numbers, checked loosely: what people actually type is accepted."""

import re

_SEPARATORS = re.compile(r"[\s.\-]")
_FRENCH_NUMBER = re.compile(r"(?:\+33|0033|0)[1-9]\d{8}")


def phone_error(value: str) -> str | None:
    """Why ``value`` is not a French telephone number, in French, or ``None`` when it is one.

    Spaces, dots and hyphens may separate the digits; the number starts with 0, +33 or
    « +33 (0) ».

    >>> phone_error("04 75 12 34 56") is None, phone_error("+33 6.12.34.56.78") is None
    (True, True)
    """
    compact = _SEPARATORS.sub("", value).replace("(0)", "")
    if _FRENCH_NUMBER.fullmatch(compact):
        return None
    return (
        "Saisissez un numéro de téléphone français de 10 chiffres, par exemple 04 75 12 34 56 "
        "ou +33 4 75 12 34 56."
    )
