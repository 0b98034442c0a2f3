"""SIREN numbers: nine digits whose Luhn checksum is valid."""


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siren_error(value: str) -> str | None:
    """Why ``value`` is not a SIREN number, in French, or ``None`` when it is one."""
    compact = value.replace(" ", "")
    if len(compact) != 9 or not compact.isdigit():
        return "Un numéro SIREN compte exactement 9 chiffres."
    if not luhn_is_valid(compact):
        return "Ce numéro SIREN n'est pas valide (la clé de contrôle ne correspond pas)."
    return None
