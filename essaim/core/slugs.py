"""The addresses of public pages, from a title: « L'expérimentation » → « l-experimentation »
(an elided article keeps its hyphen), « …-2 » when the first is taken."""

from django.db import models
from django.utils.text import slugify


def slug_of(text: str, length: int) -> str:
    return slugify(text.replace("'", " ").replace("’", " "))[:length].strip("-")


def unique_slug(model: type[models.Model], base: str, fallback: str) -> str:
    """``base`` (``fallback`` if empty), numbered until no row of ``model`` holds it."""
    base = base or fallback
    slug, number = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
