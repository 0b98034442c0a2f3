"""A thematic notebook as a public document: cover, table of contents, introduction, what the
programme's synthesis says of its theme when it belongs to a programme (never its quotes, the
names of the people heard nor its workshops' notes), a chapter per published sheet, conclusion.

Described once with the programmes' :class:`Document` and written by their PDF (WeasyPrint)
and DOCX (python-docx) writers, so that every notebook, of a programme or not, prints the same
way. A sheet enters only when published, and only through its public view: nothing else of it
can reach a document. Imported by the views that download it, never at startup (WeasyPrint)."""

from django.utils import timezone
from django.utils.text import capfirst

from essaim.core.publication import public_view
from essaim.lib import french
from essaim.library.models import ExperienceSheet, Notebook
from essaim.library.models.sheets import SECTION_FIELDS
from essaim.programmes.documents import (
    Document,
    Section,
    Table,
    public_notebook_parts,
    render_docx,
    render_pdf,
)

# The texts of a sheet, each its own part of the sheet's chapter, in the order of its page.
SHEET_TEXTS = SECTION_FIELDS[1:]  # the summary opens the chapter
LIBRARY = "Bibliothèque des expériences"
SHEETS = ("fiche expérience", "fiches expérience")
ILLUSTRATIVE = "Exemple illustratif : des chiffres ou des faits de cette fiche sont inventés."

__all__ = ["notebook_document", "published_sheets", "render_docx", "render_pdf"]


def published_sheets(notebook: Notebook) -> list[ExperienceSheet]:
    """The notebook's sheets that are published, in its order (its entries prefetched with
    their sheets and places, or read here)."""
    return [entry.sheet for entry in notebook.entries.all() if entry.sheet.is_published]


def notebook_document(notebook: Notebook) -> Document:
    sheets = published_sheets(notebook)
    programme_parts = public_notebook_parts(notebook) if notebook.programme_id is not None else []
    published_on = timezone.localdate(notebook.published_at) if notebook.published_at else None
    subtitle = " · ".join(
        part
        for part in (
            capfirst(notebook.theme_label),
            f"publié le {french.long_date(published_on)}" if published_on else "",
        )
        if part
    )
    return Document(
        kind="Cahier thématique",
        title=notebook.title,
        programme=notebook.programme.title if notebook.programme_id else LIBRARY,
        filename=f"cahier-{notebook.slug or 'thematique'}",
        subtitle=subtitle,
        notices=[
            f"Ce cahier rassemble {french.counted(len(sheets), *SHEETS)} de la "
            "bibliothèque d'Essaim, écrites par celles et ceux qui les ont menées ; chacune "
            "se reprend selon sa licence, en citant sa source."
        ],
        contents=True,
        sections=[
            Section("Introduction", notebook.introduction),
            *programme_parts,
            *(sheet_chapter(sheet) for sheet in sheets),
            Section("Pour aller plus loin", notebook.conclusion),
        ],
    )


def sheet_chapter(sheet: ExperienceSheet) -> Section:
    """A published sheet's chapter, from its public view only."""
    public = public_view(sheet)
    where = ", ".join(part for part in (public.territory, public.departement) if part)
    # The model's « depuis 2019 », « 2015–2019 », read on the public copy of the years.
    years = ExperienceSheet.years.fget(public)
    summary = "\n\n".join(
        part for part in (ILLUSTRATIVE if public.illustrative else "", public.summary) if part
    )
    return Section(
        public.title,
        summary,
        table=Table(
            headers=["Territoire", "Années", "Licence"],
            rows=[[where or "—", years or "—", public.licence]],
        ),
        subsections=[
            Section(capfirst(ExperienceSheet._meta.get_field(name).verbose_name), public[name])
            for name in SHEET_TEXTS
            if public[name]
        ],
    )
