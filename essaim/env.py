"""Small typed readers of environment variables.

Each reader returns a typed value or raises ``ImproperlyConfigured`` with a message that names
the variable and says what it accepts, so that a bad deployment fails at start-up, not later.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on", "oui", "vrai"}
FALSE_WORDS = {"0", "false", "no", "off", "non", "faux", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} n'est pas un booléen : utilisez 1/0, true/false ou oui/non."
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} n'est pas un nombre entier.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} doit être supérieur ou égal à {minimum}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: dict[str, str]) -> str:
    """Read a word among ``choices`` (keys) and return the value it stands for."""
    value = env_str(name, default).lower()
    if value not in choices:
        accepted = ", ".join(sorted(choices))
        raise ImproperlyConfigured(
            f"{name}={value!r} n'est pas reconnu ; valeurs possibles : {accepted}."
        )
    return choices[value]


def env_path(name: str, default: Path) -> Path:
    value = _raw(name)
    return Path(value).expanduser().resolve() if value else default


def default_data_dir() -> Path:
    """Where the SQLite database, uploads and collected static files live by default."""
    return env_path("ESSAIM_DATA_DIR", Path.cwd() / "var")
