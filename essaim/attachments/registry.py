"""The models whose rows accept attachments.

A model declares it with the :func:`attachable` class decorator; it must share its rows with
roles (:class:`essaim.roles.models.RoleHolder`), since whoever sees the row sees its attachments,
whoever contributes to it adds some, and whoever edits it removes them.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from essaim.roles.models import RoleHolder

_ATTACHABLE: dict[str, type[RoleHolder]] = {}


def attachable[M: RoleHolder](model: type[M]) -> type[M]:
    """Class decorator: the rows of ``model`` accept attachments."""
    if not issubclass(model, RoleHolder):
        raise ImproperlyConfigured(
            f"{model.__name__} ne partage pas ses lignes avec des rôles : "
            "il ne peut pas recevoir de pièces jointes."
        )
    _ATTACHABLE[model._meta.label_lower] = model
    return model


def attachable_key(obj: models.Model | type[models.Model]) -> str:
    """The name of a model in the addresses of the attachment pages (``app.model``)."""
    return obj._meta.label_lower


def get_attachable_model(key: str) -> type[RoleHolder] | None:
    return _ATTACHABLE.get(key)


def is_attachable(obj: models.Model | type[models.Model]) -> bool:
    return attachable_key(obj) in _ATTACHABLE


def attachable_models() -> list[type[RoleHolder]]:
    return list(_ATTACHABLE.values())
