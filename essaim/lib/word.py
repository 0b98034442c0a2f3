"""Writing a Word document (DOCX) with python-docx: numbered chapters, text, label–value pairs,
lists, tables that repeat their header row, and SVG drawings turned into PNG pictures."""

import html
import io
import re
from datetime import date

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TABLE_STYLE = "Light Grid Accent 1"
PRIMARY = RGBColor(0x0B, 0x5C, 0x4A)
MUTED = RGBColor(0x4A, 0x56, 0x50)
CONTENT_WIDTH = Cm(17)
PICTURE_SCALE = 2  # pixels per SVG unit: sharp when printed
_DESC = re.compile(r"<desc[^>]*>(.*?)</desc>", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def short_date(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def full_stop(text: str) -> str:
    """What goes between ``text`` and the next sentence: « . », or a space alone when ``text``
    already ends a sentence (« rassure. Pourquoi », never « rassure.. Pourquoi »)."""
    return " " if text.rstrip().endswith((".", "!", "?", "…")) else ". "


def clean(text: object) -> str:
    """Text Word accepts: XML forbids most control characters."""
    return _CONTROL.sub("", str(text or ""))


class WordWriter:
    """The blocks a document is made of; subclasses write the chapters."""

    def __init__(self) -> None:
        self.document = Document()
        self.chapter = 0

    def _chapter(self, title: str) -> None:
        self.chapter += 1
        heading = self.document.add_heading(f"{self.chapter}. {title}", level=1)
        heading.paragraph_format.page_break_before = True

    def _heading(self, title: str, level: int = 2) -> None:
        self.document.add_heading(clean(title), level=level)

    # Blocks ---------------------------------------------------------------------------------------

    def _run(self, paragraph, text: str, *, bold=False, italic=False):
        run = paragraph.add_run(clean(text))
        run.bold = bold
        run.italic = italic
        return run

    def _field(self, paragraph, instruction: str) -> None:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), str(MUTED))
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "17")  # half-points: 8.5 pt, as the rest of the footer
        properties.extend([colour, size])
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def _text(self, text: str, *, empty: str = "Non renseigné.", style: str | None = None):
        text = clean(text).strip()
        if not text:
            return self._muted(empty)
        paragraph = None
        for part in re.split(r"\n\s*\n", text):
            paragraph = self.document.add_paragraph(style=style)
            lines = part.splitlines()
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break()
        return paragraph

    def _muted(self, text: str):
        paragraph = self.document.add_paragraph()
        run = self._run(paragraph, text, italic=True)
        run.font.color.rgb = MUTED
        return paragraph

    def _pair(self, label: str, value: str, *, empty: str = "Non renseigné."):
        paragraph = self.document.add_paragraph()
        self._run(paragraph, f"{label} : ", bold=True)
        value = clean(value).strip()
        if value:
            self._run(paragraph, value)
        else:
            run = self._run(paragraph, empty, italic=True)
            run.font.color.rgb = MUTED
        paragraph.paragraph_format.space_after = Pt(3)
        return paragraph

    def _bullets(self, items: list[str], *, numbered: bool = False) -> None:
        style = "List Number" if numbered else "List Bullet"
        num_id = self._new_numbering() if numbered else None
        for item in items:
            paragraph = self.document.add_paragraph(clean(item), style=style)
            if num_id is not None:
                numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                numbering.get_or_add_ilvl().val = 0
                numbering.get_or_add_numId().val = num_id

    def _new_numbering(self) -> int:
        """A numbering of the « List Number » style that starts again at 1: otherwise every
        numbered list of the document would follow on from the previous one."""
        numbering = self.document.part.numbering_part.element
        style_num_id = self.document.styles["List Number"].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _table(
        self,
        headers: list[str],
        rows: list[list[object]],
        *,
        caption: str = "",
        widths: list[float] | None = None,
        numeric: frozenset[int] = frozenset(),
        total: list[object] | None = None,
    ) -> None:
        if caption:
            paragraph = self.document.add_paragraph()
            self._run(paragraph, caption, bold=True)
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_after = Pt(2)
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _emphasise_header_row_only(table)
        for index, header in enumerate(headers):
            cell = table.rows[0].cells[index]
            cell.text = header
        _repeat_as_header(table.rows[0])
        for values in [*rows, *([total] if total else [])]:
            row = table.add_row()
            _keep_together(row)
            for index, value in enumerate(values):
                cell = row.cells[index]
                lines = clean(value).splitlines() or [""]
                paragraph = cell.paragraphs[0]
                for line_index, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    if line_index < len(lines) - 1:
                        run.add_break()
                if index in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if total:
            for cell in table.rows[-1].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
        if widths:
            table.autofit = False
            for index, width in enumerate(widths):
                table.columns[index].width = Cm(width)
            for row in table.rows:
                for index, width in enumerate(widths):
                    row.cells[index].width = Cm(width)
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)

    def _picture(self, svg: str, *, width=CONTENT_WIDTH) -> None:
        if not svg:
            return
        import cairosvg  # imported here: only documents with charts need Cairo

        png = cairosvg.svg2png(bytestring=str(svg).encode("utf-8"), scale=PICTURE_SCALE)
        self.document.add_picture(io.BytesIO(png), width=width)
        picture_paragraph = self.document.paragraphs[-1]
        picture_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        match = _DESC.search(str(svg))
        if match:
            description = html.unescape(match.group(1))
            self.document.inline_shapes[-1]._inline.docPr.set("descr", clean(description))


def _emphasise_header_row_only(table) -> None:
    """Word's table styles also set the first column in bold: keep only the header row."""
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        properties.append(look)
    for name, value in {
        "w:val": "0420",
        "w:firstRow": "1",
        "w:lastRow": "0",
        "w:firstColumn": "0",
        "w:lastColumn": "0",
        "w:noHBand": "0",
        "w:noVBand": "1",
    }.items():
        look.set(qn(name), value)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
