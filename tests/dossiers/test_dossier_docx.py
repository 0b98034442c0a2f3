"""The dossier as DOCX, opened with python-docx to read what it holds."""

import io

from django.urls import reverse
from docx import Document

from essaim.territories.models import TerritoryKind
from tests.conftest import client_for
from tests.territories.factories import TerritoryFactory


def url(experiment):
    return reverse("dossiers:docx", args=[experiment.pk])


def open_docx(response):
    return Document(io.BytesIO(response.content))


def test_it_gives_the_whole_dossier_as_docx(rich_experiment, reader):
    response = client_for(reader).get(url(rich_experiment))

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith(
        'attachment; filename="dossier-autostop-organise-en-vallee-de-la-drome-'
    )
    document = open_docx(response)
    assert document.core_properties.title == "Dossier — Autostop organisé en vallée de la Drôme"
    assert document.core_properties.author == "Essaim"
    assert document.core_properties.language == "fr-FR"
    headings = [
        paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"
    ]
    assert headings == [
        "Sommaire",
        "1. Synthèse",
        "2. Cadrage",
        "3. Méthode et calendrier",
        "4. Théorie du changement",
        "5. Gouvernance",
        "6. Enseignements",
        "7. Évaluation et indicateurs",
        "8. Verdicts sur les hypothèses",
        "9. Registre des risques",
        "10. Décisions d'arrêt ou de poursuite",
        "11. Historique des étapes",
    ]
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["Autostop organisé en vallée de la Drôme"]
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Exemple illustratif." in text
    assert "Si les arrêts sont signalés, alors les trajets augmentent (H1)." in text
    assert "Les trajets dépassent la cible intermédiaire" in text


def test_it_writes_tables_in_a_word_style(rich_experiment, reader):
    document = open_docx(client_for(reader).get(url(rich_experiment)))

    assert {table.style.name for table in document.tables} == {"Light Grid Accent 1"}
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Total", "", "", "32\xa0500,50\xa0€"] in cells
    assert [
        "Trajets mensuels",
        "au moins 150 trajets par mois",
        "Atteint",
        "162 trajets en novembre",
    ] in cells
    header = document.tables[1].rows[0]._tr
    assert (
        header.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )


def test_it_draws_the_charts_and_the_timeline_as_pictures(rich_experiment, reader):
    document = open_docx(client_for(reader).get(url(rich_experiment)))

    # the timeline, then one chart per indicator with measurements (2 + 3)
    assert len(document.inline_shapes) == 6
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert all(descriptions)
    assert document.part.related_parts
    pictures = [
        part for part in document.part.related_parts.values() if part.content_type == "image/png"
    ]
    assert pictures and all(part.blob.startswith(b"\x89PNG") for part in pictures)


def test_it_numbers_the_pages_in_the_footer(rich_experiment, reader):
    document = open_docx(client_for(reader).get(url(rich_experiment)))

    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer
    assert 'w:instr="NUMPAGES"' in footer
    assert document.sections[0].header.paragraphs[0].text == rich_experiment.title


def test_it_gives_the_dossier_of_an_experiment_barely_framed(experiment, reader):
    response = client_for(reader).get(url(experiment))

    document = open_docx(response)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Bricobus dans le Loiret" in text
    assert "Aucune étape n'est planifiée." in text
    assert len(document.inline_shapes) == 0


def test_it_refuses_other_methods(experiment, reader):
    assert client_for(reader).put(url(experiment)).status_code == 405


def test_it_sends_anonymous_visitors_to_the_login_page(experiment):
    response = client_for(None).get(url(experiment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_experiment_from_outsiders(experiment, outsider):
    assert client_for(outsider).get(url(experiment)).status_code == 404


def test_it_writes_words_and_counts_the_french_way(rich_experiment, reader):
    rich_experiment.territories.add(
        TerritoryFactory(name="Crestois et Pays de Saillans", kind=TerritoryKind.EPCI)
    )
    document = open_docx(client_for(reader).get(url(rich_experiment)))

    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    # Capitals kept where French writes them: acronyms, proper nouns inside a label.
    assert ["Crestois et Pays de Saillans", "EPCI"] in [row[:2] for row in cells]
    assert "Dérogation d'une collectivité (Constitution, art. 72 al. 4)" in text
    assert "Epci" not in text + str(cells)
    # Counts agree with their noun, never « (s) ».
    assert "3 hypothèses, 3 avec un verdict" in text
    assert "5 indicateurs, à " in text
    assert "3 réunions des instances" in text
    assert ["15/01/2024", "Mairie de Crest", "Bilan n° 1", "3 présents, 0 excusé, 0 absent"] in (
        cells
    )
    assert "(s)" not in text + str(cells)
    # One full stop between two sentences.
    assert "Un arrêt visible rassure. À condition que" in text
    assert ".." not in text
