"""Taking a person's name out of what the library holds of a programme, when the programme
pseudonymises or erases them (``programmes/services/names.replace_name``): the experience
sheets copied from its report sheets (their texts and their contacts' names) and its thematic
notebooks (their introduction and conclusion). The programmes app cannot import the library,
which sits above it: :func:`connect` registers :func:`replace_in_library` with it."""

from django.db.models import Q

from essaim.core.search import REGISTRY, index_object
from essaim.library.models import ExperienceSheet, Notebook, SheetContact
from essaim.library.models.sheets import SECTION_FIELDS
from essaim.programmes.services import names

SHEET_TEXTS = ("title", *SECTION_FIELDS, "internal_notes", "review_note")
NOTEBOOK_TEXTS = ("introduction", "conclusion")


def replace_in_library(programme, name: str, replacement: str) -> int:
    """Replace ``name`` by ``replacement`` in the library's rows of ``programme``; returns how
    many rows changed. The sheets changed are indexed again."""
    pattern, mentions = names.name_pattern(name), names.mentioning(name)
    sheets = ExperienceSheet.objects.filter(report_sheet__territory__programme=programme)
    changed_sheets = _rewrite(sheets, SHEET_TEXTS, pattern, replacement, mentions)
    contacts = SheetContact.objects.filter(sheet__in=sheets.values("pk"))
    changed_contacts = _rewrite(contacts, ("name",), pattern, replacement, mentions)
    notebooks = Notebook.objects.filter(
        Q(programme=programme) | Q(programme_theme__programme=programme)
    )
    changed_notebooks = _rewrite(notebooks, NOTEBOOK_TEXTS, pattern, replacement, mentions)
    if ExperienceSheet in REGISTRY:
        for sheet in ExperienceSheet.objects.filter(pk__in=changed_sheets).prefetch_related(
            "themes", "publics"
        ):
            index_object(sheet)
    return len(changed_sheets) + len(changed_contacts) + len(changed_notebooks)


def _rewrite(queryset, columns, pattern, replacement, mentions) -> list[int]:
    """Rewrite ``columns`` of the rows of ``queryset`` that hold the name, without touching
    anything else of them (``update``); the keys of the rows changed."""
    model = queryset.model
    condition = Q()
    for column in columns:
        condition |= mentions(column)
    changed = []
    for row in queryset.filter(condition).only("pk", *columns):
        values = {}
        for column in columns:
            text = pattern.sub(replacement, getattr(row, column))
            max_length = model._meta.get_field(column).max_length
            values[column] = text[:max_length] if max_length else text
        if any(values[column] != getattr(row, column) for column in columns):
            model.objects.filter(pk=row.pk).update(**values)
            changed.append(row.pk)
    return changed


def connect() -> None:
    names.register_replacer(replace_in_library)
