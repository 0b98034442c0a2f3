"""A published notebook as PDF and DOCX: a cover, a table of contents naming each sheet (with its
page in the PDF), a chapter per published sheet made of its public fields only, and the
programme's part when the notebook belongs to a programme."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from essaim.library.services.notebooks import add_sheet, create_notebook
from essaim.programmes.models import Programme, SynthesisSection
from essaim.programmes.models import Theme as ProgrammeTheme
from essaim.programmes.services.synthesis import synthesis_of
from tests.conftest import client_for
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

SECRET = "Note interne : la subvention n'est pas acquise"
TITLES = ["Un bus des services", "Covoiturage du Diois", "Épicerie ambulante"]


@pytest.fixture
def notebook(referential, library_editor):
    sheets = [
        make_sheet(
            TITLES[0],
            summary="Le bus passe chaque semaine.",
            tried="Un bus aménagé.",
            learned="Les habitants viennent quand l'horaire est fixe.",
            internal_notes=SECRET,
            year_start=2018,
            year_end=2021,
        ),
        make_sheet(TITLES[1], insee_code="26113", illustrative=True, internal_notes=SECRET),
        make_sheet(TITLES[2], insee_code="07010", context="Un village sans commerce."),
    ]
    notebook = create_notebook(
        title="Expérimenter en milieu rural",
        introduction="Trois façons de rapprocher les services.",
        conclusion="Lire aussi le guide de la mobilité solidaire.",
        sheets=sheets,
        actor=library_editor,
    )
    add_sheet(
        notebook=notebook,
        sheet=make_sheet("Fiche retirée ensuite", insee_code=None),
        actor=library_editor,
    )
    notebook.publish(library_editor)
    notebook.entries.last().sheet.withdraw(library_editor, "À reprendre.")
    return notebook


def download(notebook, format: str):
    response = client_for(None).get(
        reverse(f"library:notebook_{format}", args=[notebook.pk, notebook.slug])
    )
    assert response.status_code == 200
    return response


def test_the_pdf_has_a_table_of_contents_with_each_sheet_and_its_page(notebook):
    response = download(notebook, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    contents = next(text for text in pages if "Sommaire" in text)
    for title in TITLES:
        line = next(line for line in contents.splitlines() if title in line)
        page_number = int(re.search(r"(\d+)\s*$", line).group(1))
        assert title in pages[page_number - 1], title
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "3 fiches expérience" in text
    assert "Licence Ouverte 2.0" in text and "2018–2021" in text
    assert "Les habitants viennent quand l'horaire est fixe." in text
    assert "Exemple illustratif" in text
    assert SECRET not in text
    assert "Fiche retirée ensuite" not in text


def test_the_docx_holds_a_heading_per_sheet_and_nothing_private(notebook):
    response = download(notebook, "docx")
    document = WordDocument(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Sommaire"
    for title in TITLES:
        assert title in headings
    assert "Introduction" in headings and "Pour aller plus loin" in headings
    listed = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert listed == ["Introduction", *TITLES, "Pour aller plus loin"]
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for cell in table._cells)
    assert "Un village sans commerce." in text and "Licence Ouverte 2.0" in text
    assert SECRET not in text
    assert "Fiche retirée ensuite" not in text


def test_a_programme_s_notebook_prints_the_programme_s_part_with_its_sheets(
    referential, library_editor, owner
):
    programme = Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser-pour-innover",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )
    theme = ProgrammeTheme.objects.create(programme=programme, name="Coopération")
    SynthesisSection.objects.create(
        synthesis=synthesis_of(programme), theme=theme, text="Coopérer demande du temps."
    )
    notebook = programme.notebooks.create(programme_theme=theme, title="Cahier : coopération")
    add_sheet(notebook=notebook, sheet=make_sheet("Un bus des services"), actor=owner)
    notebook.publish(owner)
    document = WordDocument(io.BytesIO(download(notebook, "docx").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    # The synthesis' text on the theme, not the workshops nor the quotes (the team's own).
    assert headings[:4] == [
        "Sommaire",
        "Introduction",
        "Ce que dit la synthèse",
        "Un bus des services",
    ]
    assert "Les ateliers inter-territoires" not in headings
    assert "Un bus des services" in headings
    assert "Coopérer demande du temps." in [p.text for p in document.paragraphs]
    assert "S'organiser pour innover" in document.paragraphs[0].text
