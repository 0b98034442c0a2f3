"""Assembling a thematic notebook: created by an editor with its published sheets, then sheets
added, moved and taken out. Each change owns its transaction and writes the notebook's history;
a sheet that is not published never enters a notebook."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from essaim.lib.errors import DomainError
from essaim.library.models import ExperienceSheet, Notebook, NotebookSheet


class NotebookError(DomainError):
    """A change of a notebook's sheets that cannot be made."""


def create_notebook(
    *,
    title: str,
    introduction: str,
    conclusion: str,
    sheets: Iterable[ExperienceSheet],
    actor,
    theme=None,
) -> Notebook:
    """A draft notebook of the library holding ``sheets`` in the order given."""
    sheets = list(sheets)
    _check_published(sheets)
    with transaction.atomic():
        notebook = Notebook.objects.create(
            title=title,
            introduction=introduction,
            conclusion=conclusion,
            theme=theme,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        NotebookSheet.objects.bulk_create(
            NotebookSheet(notebook=notebook, sheet=sheet, position=position)
            for position, sheet in enumerate(sheets, start=1)
        )
        notebook.log_action(actor, "created", f"Cahier créé avec {len(sheets)} fiche(s)")
    return notebook


def add_sheet(*, notebook: Notebook, sheet: ExperienceSheet, actor) -> NotebookSheet:
    """Put ``sheet`` at the end of the notebook."""
    _check_published([sheet])
    with transaction.atomic():
        Notebook.objects.select_for_update().filter(pk=notebook.pk).first()
        if notebook.entries.filter(sheet=sheet).exists():
            raise NotebookError(f"« {sheet.title} » est déjà dans le cahier.")
        last = notebook.entries.aggregate(last=Max("position"))["last"] or 0
        entry = NotebookSheet.objects.create(notebook=notebook, sheet=sheet, position=last + 1)
        notebook.log_action(actor, "sheet_added", f"Fiche ajoutée : {sheet.title}")
    return entry


def remove_sheet(*, notebook: Notebook, sheet: ExperienceSheet, actor) -> None:
    with transaction.atomic():
        removed, _ = notebook.entries.filter(sheet=sheet).delete()
        if not removed:
            raise NotebookError("Cette fiche n'est pas dans le cahier.")
        notebook.log_action(actor, "sheet_removed", f"Fiche retirée : {sheet.title}")


def move_sheet(*, notebook: Notebook, sheet: ExperienceSheet, offset: int, actor) -> None:
    """Move ``sheet`` ``offset`` places (-1: up, 1: down) within the notebook; the first stays
    first when moved up, the last last when moved down."""
    with transaction.atomic():
        Notebook.objects.select_for_update().filter(pk=notebook.pk).first()
        entries = list(notebook.entries.select_related("sheet"))
        index = next((i for i, entry in enumerate(entries) if entry.sheet_id == sheet.pk), None)
        if index is None:
            raise NotebookError("Cette fiche n'est pas dans le cahier.")
        target = index + offset
        if not 0 <= target < len(entries):
            return
        entries.insert(target, entries.pop(index))
        for position, entry in enumerate(entries, start=1):
            entry.position = position
        NotebookSheet.objects.bulk_update(entries, ["position"])
        where = "plus haut" if offset < 0 else "plus bas"
        notebook.log_action(actor, "sheet_moved", f"Fiche placée {where} : {sheet.title}")


def _check_published(sheets: list[ExperienceSheet]) -> None:
    # Generic: the title of a draft is not told to whoever names its key.
    if any(not sheet.is_published for sheet in sheets):
        raise NotebookError("Cette fiche n'existe pas ou n'est pas publiée.")
