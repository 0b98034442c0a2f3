"""The models whose rows may have a governance: bodies, their meetings and a decision log.

A model declares it with the :func:`governed` class decorator and gives itself the reverse
relations it reads (``bodies = GenericRelation("governance.Body")``…). Governance never decides
rights: the caller fetches the owner with its own permission check, then hands it over.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import models

_GOVERNED: dict[str, type[models.Model]] = {}


def governed[M: models.Model](model: type[M]) -> type[M]:
    """Class decorator: the rows of ``model`` may have governance bodies and a decision log."""
    _GOVERNED[model._meta.label_lower] = model
    return model


def is_governed(obj: models.Model | type[models.Model]) -> bool:
    return obj._meta.label_lower in _GOVERNED


def governed_models() -> list[type[models.Model]]:
    return list(_GOVERNED.values())


def check_governed(obj: models.Model | type[models.Model]) -> None:
    """Raise when ``obj`` is not of a governed model."""
    if not is_governed(obj):
        raise ImproperlyConfigured(
            f"{obj._meta.verbose_name} n'a pas de gouvernance : déclarez son modèle avec @governed."
        )
