"""Across territories: the grid of territories × themes, the theme analysis run by the worker
over a small French corpus (known themes found with their quotes), its proposals answered,
two themes merged, the synthesis and a thematic notebook written as PDF and DOCX."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from essaim.library.models.sheets import EDITORS_GROUP
from essaim.programmes.models import (
    ContactRole,
    ExtractionStatus,
    Interview,
    Interviewee,
    Quote,
    SynthesisSection,
    Theme,
    ThemeExtraction,
    ThemeOrigin,
    Workshop,
)
from essaim.programmes.services.interviews import pseudonymise
from essaim.programmes.services.synthesis import (
    SynthesisError,
    answer_proposal,
    merge_themes,
    run_extraction,
    synthesis_of,
    theme_grid,
)
from tests.conftest import client_for
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

CORPUS = {
    "ingénierie": [
        "Nos techniciens sont trop peu nombreux pour monter tous les dossiers de financement.",
        "L'ingénierie territoriale est dispersée entre le pays, la communauté et le syndicat.",
        "Sans ingénierie mutualisée, les petites communes ne répondent à aucun appel à projets.",
        "Un technicien partagé entre trois intercommunalités, c'est notre seule ingénierie.",
        "La communauté a recruté une chargée de mission ingénierie pour accompagner les maires.",
    ],
    "participation": [
        "Le conseil de développement réunit les habitants une fois par trimestre.",
        "Les habitants veulent participer aux décisions, pas seulement être informés.",
        "La participation des habitants au conseil de développement s'essouffle.",
        "Nous avons ouvert le conseil de développement aux jeunes habitants du territoire.",
        "Les réunions publiques attirent les mêmes habitants, la participation reste faible.",
    ],
}


@pytest.fixture
def corpus(visit, contributor):
    """Ten interviews of one visit, each with the quote of one of two themes."""
    programme = visit.territory.programme
    for theme, quotes in CORPUS.items():
        for number, text in enumerate(quotes):
            person = Interviewee.objects.create(
                programme=programme,
                territory=visit.territory,
                name=f"Personne {theme} {number}",
                role=ContactRole.OFFICER,
            )
            interview = Interview.objects.create(
                programme=programme,
                visit=visit,
                interviewee=person,
                consent_given=True,
                notes=text,
                written_by=contributor,
            )
            Quote.objects.create(interview=interview, text=text)
    return programme


def test_the_grid_counts_notes_and_quotes_per_territory_and_theme(interview, themes):
    grid = theme_grid(interview.programme)
    engineering = themes["Ingénierie territoriale"]
    ((territory, cells),) = grid.rows()
    counted = dict((theme.name, cell.weight) for theme, cell in cells)
    assert counted["Ingénierie territoriale"] == 2  # one note, one quote
    assert counted["Coopération"] == 0
    assert grid.territories_of(engineering) == 1
    page = client_for(interview.written_by).get(
        reverse("programmes:grid_cell", args=[interview.programme_id, territory.pk, engineering.pk])
    )
    assert "Sans techniciens partagés" in page.text


def test_the_analysis_finds_the_known_themes_with_their_quotes(corpus, editor):
    client = client_for(editor)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("programmes:request_extraction", args=[corpus.pk]))
    extraction = ThemeExtraction.objects.get()
    assert extraction.status == ExtractionStatus.DONE
    assert extraction.done == extraction.total > 0
    assert extraction.passage_count == 20  # ten quotes, ten paragraphs of notes
    labels = " ".join(
        " ".join([proposal["label"], *proposal["key_phrases"]]) for proposal in extraction.proposals
    )
    assert "ingénierie" in labels
    assert "habitants" in labels or "participation" in labels
    engineering = next(
        proposal
        for proposal in extraction.proposals
        if "ingénierie" in " ".join([proposal["label"], *proposal["key_phrases"]])
    )
    supported = " ".join(support["excerpt"] for support in engineering["supports"])
    assert "ingénierie" in supported.lower()
    page = client.get(reverse("programmes:synthesis", args=[corpus.pk]))
    assert "passages lus" in page.text and "Retenir" in page.text


def test_a_proposal_accepted_tags_its_passages_and_one_merged_adds_to_a_theme(corpus, editor):
    run = ThemeExtraction.objects.create(programme=corpus)
    run_extraction(run.pk)
    run.refresh_from_db()
    theme = answer_proposal(extraction=run, index=0, actor=editor, name="Notre premier thème")
    assert theme.origin == ThemeOrigin.EXTRACTED
    assert theme.quotes.exists() or theme.interviews.exists()
    run.refresh_from_db()
    assert run.proposals[0]["state"] == "retenue"
    existing = Theme.objects.create(programme=corpus, name="Existant")
    answer_proposal(extraction=run, index=1, actor=editor, into=existing)
    assert existing.quotes.exists() or existing.interviews.exists()
    run.refresh_from_db()
    assert run.proposals[1]["state"] == "fusionnee"
    from essaim.lib.errors import DomainError

    with pytest.raises(DomainError, match="déjà reçu une réponse"):
        answer_proposal(extraction=run, index=0, actor=editor)


def test_the_progress_is_polled_while_the_analysis_runs(corpus, editor):
    running = ThemeExtraction.objects.create(
        programme=corpus, status=ExtractionStatus.RUNNING, done=3, total=12
    )
    page = client_for(editor).get(
        reverse("programmes:extraction_status", args=[corpus.pk, running.pk])
    )
    assert 'hx-trigger="every 2s"' in page.text
    assert "25&nbsp;%" in page.text
    assert '<progress max="100" value="25"' in page.text


def test_pseudonymising_reaches_the_excerpts_of_an_analysis(interview, editor):
    ThemeExtraction.objects.create(
        programme=interview.programme,
        status=ExtractionStatus.DONE,
        proposals=[
            {
                "label": "fusion",
                "key_phrases": ["fusion"],
                "weight": 1,
                "state": "proposee",
                "supports": [
                    {
                        "key": f"n:{interview.pk}:0",
                        "excerpt": "Jean-Marc Bellanger porte la fusion",
                        "score": 1,
                    }
                ],
            }
        ],
    )
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    excerpt = ThemeExtraction.objects.get().proposals[0]["supports"][0]["excerpt"]
    assert excerpt == "Élu A porte la fusion"


def test_merging_two_themes_keeps_every_tag(interview, themes, editor, confirmed):
    source, target = themes["Ingénierie territoriale"], themes["Coopération"]
    Workshop.objects.create(
        programme=interview.programme, title="Atelier", theme=source, date="2015-06-10"
    )
    merge_themes(source=source, target=target, actor=editor)
    assert not Theme.objects.filter(pk=source.pk).exists()
    assert list(target.interviews.all()) == [interview]
    assert target.quotes.count() == 1
    assert Workshop.objects.get().theme == target


def notebook_texts(notebook) -> list[str]:
    return [
        notebook.introduction,
        notebook.conclusion,
        *notebook.entries.order_by("position").values_list("sheet__title", flat=True),
    ]


def test_merging_themes_moves_the_merged_notebook_into_the_kept_one(
    interview, themes, editor, referential
):
    source, target = themes["Ingénierie territoriale"], themes["Coopération"]
    bus, market, shared = make_sheet("Bus"), make_sheet("Marché"), make_sheet("Commune")
    merged = interview.programme.notebooks.create(
        programme_theme=source, title="Ingénierie", introduction="Partager.", conclusion=""
    )
    kept = interview.programme.notebooks.create(
        programme_theme=target, title="Coopération", introduction="Coopérer.", conclusion="Lire."
    )
    for position, (notebook, sheet) in enumerate(
        [(kept, shared), (merged, bus), (merged, shared), (merged, market)]
    ):
        notebook.entries.create(sheet=sheet, position=position)
    merge_themes(source=source, target=target, actor=editor)
    kept.refresh_from_db()
    assert list(interview.programme.notebooks.all()) == [kept]
    assert notebook_texts(kept) == ["Coopérer.\n\nPartager.", "Lire.", "Commune", "Bus", "Marché"]


def test_merging_themes_keeps_a_published_notebook(interview, themes, editor, referential):
    source, target = themes["Ingénierie territoriale"], themes["Coopération"]
    programme = interview.programme
    published = programme.notebooks.create(
        programme_theme=source, title="Publié", introduction="En ligne."
    )
    published.entries.create(sheet=make_sheet("Bus"), position=1)
    published.publish(editor)
    draft = programme.notebooks.create(
        programme_theme=target, title="Brouillon", introduction="Pas encore."
    )
    draft.entries.create(sheet=make_sheet("Marché"), position=1)
    merge_themes(source=source, target=target, actor=editor)
    published.refresh_from_db()
    assert list(programme.notebooks.all()) == [published]
    assert published.is_published and published.programme_theme == target
    assert notebook_texts(published) == ["En ligne.\n\nPas encore.", "", "Bus", "Marché"]
    assert client_for(None).get(published.get_public_url()).status_code == 200
    # Alone, a published notebook follows its theme.
    merge_themes(source=target, target=themes["Participation des habitants"], actor=editor)
    published.refresh_from_db()
    assert published.is_published and published.programme_theme.name.startswith("Participation")
    # Two published notebooks: the merge is refused and changes nothing.
    mobility = Theme.objects.create(programme=programme, name="Mobilité")
    programme.notebooks.create(programme_theme=mobility, title="Autre").publish(editor)
    with pytest.raises(SynthesisError, match="publiés"):
        merge_themes(source=mobility, target=published.programme_theme, actor=editor)
    assert Theme.objects.filter(pk=mobility.pk).exists()
    assert programme.notebooks.count() == 2


def test_the_synthesis_is_written_with_a_text_per_theme_and_selected_quotes(
    interview, themes, editor
):
    programme = interview.programme
    client = client_for(editor)
    url = reverse("programmes:edit_synthesis", args=[programme.pk])
    page = client.get(url)
    form = page.context["form"]
    engineering = themes["Ingénierie territoriale"]
    quote = interview.quotes.get()
    data = {
        "version": form["version"].value(),
        "sections_version": form["sections_version"].value(),
        "title": "Synthèse de l'écoute territoriale",
        "introduction": "Neuf territoires, deux jours chacun.",
        "conclusion": "L'ingénierie est la clef.",
        "selected_quotes": [quote.pk],
        f"partie_{engineering.pk}": "Partout, l'ingénierie manque.",
    }
    assert client.post(url, data).status_code == 302
    assert SynthesisSection.objects.get().text == "Partout, l'ingénierie manque."
    # Someone else writing the same texts meanwhile is not undone.
    stale = {**data, f"partie_{engineering.pk}": "Autre texte."}
    response = client.post(url, stale)
    assert "Quelqu&#x27;un d&#x27;autre a modifié les textes par thème" in response.text
    assert SynthesisSection.objects.get().text == "Partout, l'ingénierie manque."
    pdf = client.get(reverse("programmes:synthesis_download", args=[programme.pk, "pdf"]))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Partout, l'ingénierie manque." in text
    assert "Sans techniciens partagés" in text
    assert "Jean-Marc Bellanger, élu" in text
    docx = client.get(reverse("programmes:synthesis_download", args=[programme.pk, "docx"]))
    paragraphs = [p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs]
    assert "Ingénierie territoriale" in paragraphs and "Conclusion" in paragraphs


def test_a_quote_without_consent_cannot_be_selected(interview, editor):
    interview.consent_given = False
    interview.save()
    programme = interview.programme
    client = client_for(editor)
    url = reverse("programmes:edit_synthesis", args=[programme.pk])
    form = client.get(url).context["form"]
    response = client.post(
        url,
        {
            "version": form["version"].value(),
            "sections_version": form["sections_version"].value(),
            "title": "Synthèse",
            "selected_quotes": [interview.quotes.get().pk],
        },
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text


def test_a_notebook_gathers_the_theme_s_synthesis_workshops_and_examples(interview, themes, editor):
    programme = interview.programme
    engineering = themes["Ingénierie territoriale"]
    Workshop.objects.create(
        programme=programme,
        title="Améliorer l'ingénierie territoriale",
        theme=engineering,
        date="2015-06-25",
        outputs="Mutualiser un poste entre deux communautés.",
    )
    client = client_for(editor)
    client.post(
        reverse("programmes:create_notebook", args=[programme.pk]), {"theme": engineering.pk}
    )
    notebook = programme.notebooks.get()
    assert notebook.programme_theme == engineering
    page = client.get(notebook.get_absolute_url()).text
    assert "Mutualiser un poste" in page and "Sans techniciens partagés" in page
    docx = client.get(
        reverse("programmes:notebook_download", args=[programme.pk, notebook.pk, "docx"])
    )
    paragraphs = [p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs]
    assert "Cahier thématique : Ingénierie territoriale" in paragraphs
    assert "Pays des Trois Vallées" in paragraphs
    pdf = client.get(
        reverse("programmes:notebook_download", args=[programme.pk, notebook.pk, "pdf"])
    )
    assert PdfReader(io.BytesIO(pdf.content)).pages


def test_a_published_notebook_shows_the_public_only_the_team_s_synthesis_text(
    interview, themes, editor
):
    programme = interview.programme
    engineering = themes["Ingénierie territoriale"]
    Workshop.objects.create(
        programme=programme,
        title="Améliorer l'ingénierie territoriale",
        theme=engineering,
        date="2015-06-25",
        outputs="Mutualiser un poste entre deux communautés.",
    )
    SynthesisSection.objects.create(
        synthesis=synthesis_of(programme), theme=engineering, text="Une ingénierie partagée."
    )
    notebook = programme.notebooks.create(programme_theme=engineering, title="Cahier ingénierie")
    publish = reverse("library:notebook_publication", args=[notebook.pk, "publier"])
    # A programme's editor edits the notebook but only a library's editor publishes it.
    page = client_for(editor).get(notebook.get_library_url())
    assert page.status_code == 200 and "Publier le cahier" not in page.text
    assert client_for(editor).post(publish).status_code == 403
    notebook.refresh_from_db()
    assert not notebook.is_published
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client_for(editor).post(publish)
    notebook.refresh_from_db()
    assert notebook.is_published
    anonymous = client_for(None)
    args = [notebook.pk, notebook.slug]
    texts = {"page": anonymous.get(notebook.get_public_url()).text}
    pdf = anonymous.get(reverse("library:notebook_pdf", args=args)).content
    texts["pdf"] = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    texts["pdf"] = " ".join(texts["pdf"].split())
    docx = WordDocument(
        io.BytesIO(anonymous.get(reverse("library:notebook_docx", args=args)).content)
    )
    texts["docx"] = "\n".join(p.text for p in docx.paragraphs)
    for where, text in texts.items():
        assert "Une ingénierie partagée." in text, where
        for private in ("Sans techniciens partagés", "Bellanger", "Mutualiser un poste"):
            assert private not in text, (where, private)
    # The team's own document keeps the whole part of the programme.
    team = client_for(editor).get(
        reverse("programmes:notebook_download", args=[programme.pk, notebook.pk, "docx"])
    )
    team_text = "\n".join(p.text for p in WordDocument(io.BytesIO(team.content)).paragraphs)
    assert "Sans techniciens partagés, nous ne tiendrons pas." in team_text
    assert "Mutualiser un poste entre deux communautés." in team_text


@pytest.mark.parametrize("persona", ["staff", "referent_user", "outsider"])
def test_the_synthesis_is_the_team_s_alone(interview, persona, request):
    user = request.getfixturevalue(persona)
    programme = interview.programme
    client = client_for(user)
    for url in (
        reverse("programmes:synthesis", args=[programme.pk]),
        reverse("programmes:synthesis_document", args=[programme.pk]),
        reverse("programmes:synthesis_download", args=[programme.pk, "pdf"]),
    ):
        assert client.get(url).status_code == 404, url


def test_the_tab_reads_the_same_number_of_queries_whatever_the_proposals_and_themes(
    interview, themes, editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    programme = interview.programme

    def proposal(number: int) -> dict:
        return {
            "label": f"thème {number}",
            "key_phrases": [f"thème {number}"],
            "weight": 0.1,
            "state": "proposee",
            "supports": [{"key": f"q:{interview.quotes.get().pk}", "excerpt": "…", "score": 1}],
        }

    extraction = ThemeExtraction.objects.create(
        programme=programme, status=ExtractionStatus.DONE, proposals=[proposal(1)]
    )
    client = client_for(editor)
    url = reverse("programmes:synthesis", args=[programme.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    extraction.proposals = [proposal(number) for number in range(12)]
    extraction.save()
    for number in range(6):
        theme = Theme.objects.create(programme=programme, name=f"Autre thème {number}")
        programme.notebooks.create(programme_theme=theme, title=f"Cahier {number}")
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert page.text.count("Retenir") == 12


def test_deleting_a_theme_says_what_goes_with_it(interview, themes, editor):
    programme = interview.programme
    theme = themes["Coopération"]
    programme.notebooks.create(programme_theme=theme, title="Cahier coopération")
    url = reverse("programmes:delete_theme", args=[programme.pk, theme.pk])
    page = client_for(editor).get(url).text
    assert "supprime aussi son cahier thématique" in page
    assert "fusionnez-le plutôt" in page


def test_an_empty_synthesis_says_no_theme_came_up_everywhere(programme, editor):
    from essaim.programmes.documents import synthesis_document
    from essaim.programmes.services.synthesis import synthesis_of

    Theme.objects.create(programme=programme, name="Gouvernance")
    document = synthesis_document(synthesis_of(programme))
    table = next(section.table for section in document.sections if section.table)
    assert table.rows == [["Gouvernance", "0", "—"]]


def test_a_selected_quote_without_theme_stays_in_the_synthesis(interview, editor):
    from essaim.programmes.documents import synthesis_document
    from essaim.programmes.services.synthesis import synthesis_of

    quote = Quote.objects.create(interview=interview, text="Ici, tout le monde se connaît.")
    synthesis = synthesis_of(interview.programme)
    synthesis.selected_quotes.add(quote)
    document = synthesis_document(synthesis)
    others = next(section for section in document.sections if section.title == "Autres citations")
    assert [cited.text for cited in others.quotes] == ["Ici, tout le monde se connaît."]
