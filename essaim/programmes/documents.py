"""The programme's documents — a territory's report sheet, the synthesis of the listening, a
thematic notebook — described once as a :class:`Document` (sections of text, quotes and
tables) and written as PDF (WeasyPrint, from an HTML template) or DOCX (python-docx). Only the
quotes that may be cited reach them, under the shown names of the people (their pseudonym
once pseudonymised). Imported by the views that download them, never at startup."""

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from essaim.lib import french
from essaim.lib.pdf import print_pdf
from essaim.lib.word import WordWriter
from essaim.programmes.models import (
    Quote,
    ReportSheet,
    Synthesis,
    SynthesisSection,
    Workshop,
)
from essaim.programmes.services.reports import CitedQuote, cited
from essaim.programmes.services.synthesis import theme_grid

STYLESHEET = Path(__file__).resolve().parent / "static" / "programmes" / "documents.css"


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""
    numeric: frozenset[int] = frozenset()


@dataclass
class Section:
    title: str
    text: str = ""
    quotes: list[CitedQuote] = field(default_factory=list)
    table: Table | None = None
    subsections: list["Section"] = field(default_factory=list)


@dataclass
class Document:
    kind: str  # « Fiche reportage », « Synthèse », « Cahier thématique »
    title: str
    programme: str
    filename: str  # without the extension
    subtitle: str = ""
    notices: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    generated_on: datetime.date = field(default_factory=timezone.localdate)
    # A table of contents after the cover, listing the sections (with their pages in the PDF).
    contents: bool = False

    @property
    def identifier(self) -> str:
        return f"essaim-{self.filename}"


def report_sheet_document(sheet: ReportSheet) -> Document:
    territory = sheet.territory
    notices = []
    if territory.illustrative:
        notices.append("Exemple fictif, inventé pour la démonstration.")
    status = sheet.get_status_display()
    if sheet.validated_at:
        status = f"validée le {french.long_date(timezone.localdate(sheet.validated_at))}"
    return Document(
        kind="Fiche reportage",
        title=territory.name,
        programme=territory.programme.title,
        subtitle=f"{territory.field} — fiche {status}" if territory.field else f"Fiche {status}",
        filename=f"fiche-reportage-{slugify(territory.name)[:60]}",
        notices=notices,
        sections=[Section(title, text) for _, title, text in sheet.sections()],
    )


def synthesis_document(synthesis: Synthesis) -> Document:
    """The synthesis: its introduction, the territories heard, which themes came up where, a
    part per theme with its text and the quotes selected, its conclusion."""
    programme = synthesis.programme
    grid = theme_grid(programme)
    texts = {section.theme_id: section.text for section in synthesis.sections.all()}
    selected = (
        synthesis.selected_quotes.filter(interview__consent_given=True)
        .select_related("interview__interviewee")
        .prefetch_related("themes")
    )
    quotes_of: dict[int, list[CitedQuote]] = defaultdict(list)
    unthemed: list[CitedQuote] = []
    for quote in selected:
        themes = list(quote.themes.all())
        if themes:
            quotes_of[themes[0].pk].append(cited(quote))
        else:
            unthemed.append(cited(quote))
    theme_rows = []
    for theme in grid.themes:
        where = [
            territory.name
            for territory, cells in grid.rows()
            for cell_theme, cell in cells
            if cell_theme.pk == theme.pk and cell.weight
        ]
        everywhere = bool(where) and len(where) == len(grid.territories)
        theme_rows.append(
            [theme.name, str(len(where)), "tous" if everywhere else ", ".join(where) or "—"]
        )
    parts = [
        Section(theme.name, texts.get(theme.pk, ""), quotes=quotes_of.get(theme.pk, []))
        for theme in grid.themes
        if texts.get(theme.pk) or quotes_of.get(theme.pk)
    ]
    return Document(
        kind="Synthèse de l'écoute territoriale",
        title=synthesis.title,
        programme=programme.title,
        filename=f"synthese-{slugify(programme.title)[:60]}",
        subtitle=french.counted(len(grid.territories), "territoire écouté", "territoires écoutés"),
        sections=[
            Section("Introduction", synthesis.introduction),
            Section(
                "Les thèmes d'un territoire à l'autre",
                table=Table(
                    headers=["Thème", "Territoires", "Où il est apparu"],
                    rows=theme_rows,
                    numeric=frozenset({1}),
                ),
            ),
            *parts,
            *([Section("Autres citations", quotes=unthemed)] if unthemed else []),
            Section("Conclusion", synthesis.conclusion),
        ],
    )


def notebook_document(notebook) -> Document:
    """A thematic notebook of the programme (a notebook of the library, reached through
    ``programme.notebooks``): its introduction, the programme's part on its theme, its
    conclusion."""
    theme = notebook.programme_theme
    return Document(
        kind="Cahier thématique",
        title=notebook.title,
        programme=notebook.programme.title,
        filename=f"cahier-{slugify(theme.name)[:60]}",
        subtitle=theme.name,
        sections=[
            Section("Introduction", notebook.introduction),
            *notebook_parts(notebook),
            Section("Pour aller plus loin", notebook.conclusion),
        ],
    )


def notebook_parts(notebook) -> list[Section]:
    """What the programme knows of the notebook's theme: what the synthesis says of it, the
    outputs of the workshops on it, the examples of the territories (their quotes on it). For the
    team only: the library's public page and documents take :func:`public_notebook_parts`."""
    theme = notebook.programme_theme
    programme = notebook.programme
    section = SynthesisSection.objects.filter(synthesis__programme=programme, theme=theme).first()
    workshops = [
        Section(
            f"{workshop.title} — {french.long_date(workshop.date)}",
            "\n\n".join(part for part in (workshop.description, workshop.outputs) if part),
        )
        for workshop in Workshop.objects.filter(programme=programme, theme=theme)
    ]
    quotes = (
        Quote.objects.filter(
            interview__programme=programme, interview__consent_given=True, themes=theme
        )
        .select_related("interview__interviewee", "interview__visit__territory")
        .prefetch_related("themes")
        .order_by("interview__visit__territory__name", "interview_id", "position")
    )
    by_territory: dict[str, list[CitedQuote]] = defaultdict(list)
    for quote in quotes:
        by_territory[quote.interview.visit.territory.name].append(cited(quote))
    examples = [Section(name, quotes=items) for name, items in by_territory.items()]
    return [
        Section("Ce que dit la synthèse", section.text if section else ""),
        Section("Les ateliers inter-territoires", subsections=workshops)
        if workshops
        else Section("Les ateliers inter-territoires", "Aucun atelier sur ce thème."),
        Section("Les exemples des territoires", subsections=examples)
        if examples
        else Section("Les exemples des territoires", "Aucune citation sur ce thème."),
    ]


def public_notebook_parts(notebook) -> list[Section]:
    """The programme's part of a notebook that the library publishes: the text the team wrote
    on its theme in the synthesis, and nothing else (neither the quotes nor the names of the
    people heard, nor the workshops' notes, which stay in the team's own document)."""
    section = SynthesisSection.objects.filter(
        synthesis__programme_id=notebook.programme_id, theme_id=notebook.programme_theme_id
    ).first()
    if section is None or not section.text.strip():
        return []
    return [Section("Ce que dit la synthèse", section.text)]


def render_pdf(document: Document) -> bytes:
    html = render_to_string("programmes/documents/document.html", {"document": document})
    return print_pdf(html, stylesheet=STYLESHEET, identifier=document.identifier)


def render_docx(document: Document) -> bytes:
    writer = _Writer(document)
    writer.write()
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


class _Writer(WordWriter):
    def __init__(self, document: Document) -> None:
        self.source = document
        super().__init__()

    def write(self) -> None:
        source = self.source
        self.document.core_properties.title = f"{source.kind} — {source.title}"
        self.document.core_properties.author = "Essaim"
        self._muted(f"{source.kind} · {source.programme}")
        self.document.add_heading(source.title, level=0)
        if source.subtitle:
            self._muted(source.subtitle)
        for notice in source.notices:
            self._muted(notice)
        if source.contents:
            self._contents()
        for section in source.sections:
            self._section(section, level=1)
        self._muted(f"Document établi avec Essaim le {french.long_date(source.generated_on)}.")

    def _contents(self) -> None:
        """The sections as a numbered list under « Sommaire » (Word has no page numbers
        before the document is laid out; the headings make its navigation pane)."""
        self._heading("Sommaire", level=1)
        self._bullets([section.title for section in self.source.sections], numbered=True)

    def _section(self, section: Section, *, level: int) -> None:
        self._heading(section.title, level=level)
        if section.text or not (section.quotes or section.table or section.subsections):
            self._text(section.text, empty="Non renseigné.")
        for quote in section.quotes:
            paragraph = self.document.add_paragraph(style="Quote")
            self._run(paragraph, f"« {quote.text} »", italic=True)
            self._run(paragraph, f" — {quote.who}")
        if section.table is not None:
            table = section.table
            self._table(table.headers, table.rows, caption=table.caption, numeric=table.numeric)
        for subsection in section.subsections:
            self._section(subsection, level=min(level + 1, 3))
