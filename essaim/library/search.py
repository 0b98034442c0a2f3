"""Experience sheets are found by their title first, then by what their public fields say and by
the names of their place, themes and publics. Only public text is indexed: never the internal
notes, the review's remarks, the contacts or who wrote the sheet. Drafts are indexed too, but
every public query starts from ``ExperienceSheet.objects.published()``."""

from django.db.models.signals import m2m_changed

from essaim.core.search import index_object, register
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import SECTION_FIELDS

# The public text columns of a sheet, in the order of its page.
BODY_FIELDS = SECTION_FIELDS
PLACES = ("commune", "departement", "region")


def related_text(sheet: ExperienceSheet) -> str:
    """The names of the sheet's place, themes and publics (one query each unless prefetched)."""
    names = [str(getattr(sheet, place)) for place in PLACES if getattr(sheet, f"{place}_id")]
    names += [theme.label for theme in sheet.themes.all()]
    names += [public.label for public in sheet.publics.all()]
    return " ".join(names)


register(
    ExperienceSheet,
    title=["title"],
    body=BODY_FIELDS,
    related_text=related_text,
    related=(*PLACES, "themes", "publics"),
)


def _index_after_themes_or_publics(sender, instance, action, reverse, **kwargs) -> None:
    """Themes and publics are set after the sheet is saved: index it again with them."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a theme or a public given to sheets, from its side
        sheets = ExperienceSheet.objects.filter(pk__in=kwargs.get("pk_set") or ())
        for sheet in sheets.prefetch_related("themes", "publics"):
            index_object(sheet)
        return
    index_object(instance)


for relation in (ExperienceSheet.themes, ExperienceSheet.publics):
    m2m_changed.connect(
        _index_after_themes_or_publics,
        sender=relation.through,
        dispatch_uid=f"search-library-{relation.field.name}",
    )
