"""Picking a theme of the vocabulary by its slug: in a form, and in what the API receives."""

from django.db.models import QuerySet

from essaim.api_errors import InvalidInput
from essaim.core.forms import LoadedModelChoiceField
from essaim.themes.models import Theme


class ThemeChoiceField(LoadedModelChoiceField):
    """A choice among the active themes, sent and read as slugs (``?theme=mobilite``).

    ``current``, the slug of the theme a row already holds, stays offered even when that theme
    is no longer active (see :meth:`ThemeQuerySet.offered`)."""

    def __init__(self, *, current: str | None = None, **kwargs) -> None:
        kwargs.setdefault("label", "Thème")
        kwargs.setdefault("to_field_name", "slug")
        if kwargs.get("required", True):
            kwargs.setdefault("empty_label", None)
        super().__init__(queryset=Theme.objects.offered(current), **kwargs)

    def offer(self, current: str | None) -> None:
        """Offer the active themes and ``current`` (a slug), for a form bound to a row."""
        self.queryset = Theme.objects.offered(current)


def get_theme_for_input(slug: str, *, themes: QuerySet[Theme], field: str = "theme") -> Theme:
    """The theme among ``themes`` whose slug is ``slug``, as the API receives it; otherwise
    :class:`InvalidInput` (a 422) whose French message lists the possible values."""
    theme = themes.filter(slug=slug).first()
    if theme is None:
        possible = ", ".join(themes.values_list("slug", flat=True))
        raise InvalidInput(f"Thème inconnu : « {slug} ». Valeurs possibles : {possible}.", field)
    return theme
