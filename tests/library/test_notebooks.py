"""Thematic notebooks: the library's editors compose them from published sheets, order them and
publish them; anyone reads the published ones, which show only published sheets and only their
public fields. A programme's notebook is the same object, kept to the programme's team."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.publication import PublicationStatus
from essaim.library.forms.notebooks import MAX_FOUND
from essaim.library.models import Notebook
from essaim.library.services.notebooks import (
    NotebookError,
    add_sheet,
    create_notebook,
    move_sheet,
    remove_sheet,
)
from essaim.programmes.models import Programme
from essaim.programmes.models import Theme as ProgrammeTheme
from essaim.roles.models import Role
from essaim.themes.models import Theme
from tests.conftest import client_for
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

SECRET = "Note interne : le maire hésite encore"


@pytest.fixture
def sheets(referential):
    return {
        "bus": make_sheet(
            "Un bus des services en Ardèche",
            summary="Le bus passe chaque semaine dans les villages.",
            internal_notes=SECRET,
        ),
        "covoiturage": make_sheet(
            "Covoiturage organisé du Diois", insee_code="26113", summary="Des arrêts balisés."
        ),
        "epicerie": make_sheet("Épicerie ambulante", insee_code="07010"),
        "brouillon": make_sheet("Tiers-lieu en brouillon", published=False),
    }


@pytest.fixture
def notebook(sheets, library_editor) -> Notebook:
    return create_notebook(
        title="Expérimenter en milieu rural",
        introduction="Trois façons de rapprocher les services des habitants.",
        conclusion="Pour aller plus loin : la mobilité solidaire.",
        sheets=[sheets["bus"], sheets["covoiturage"]],
        actor=library_editor,
        theme=Theme.objects.first(),
    )


def order_of(notebook: Notebook) -> list[str]:
    return [entry.sheet.title for entry in notebook.entries.select_related("sheet")]


# Composing ---------------------------------------------------------------------------------------


def test_it_lets_an_editor_compose_a_notebook(library_editor, referential):
    client = client_for(library_editor)
    assert client.get(reverse("library:new_notebook")).status_code == 200
    theme = Theme.objects.first()
    response = client.post(
        reverse("library:new_notebook"),
        {
            "title": "Se déplacer sans voiture",
            "introduction": "Des villages qui s'organisent.",
            "conclusion": "",
            "theme": theme.slug,
        },
    )
    notebook = Notebook.objects.get()
    assert response.status_code == 302
    assert response["Location"] == notebook.get_library_url()
    assert notebook.theme == theme
    assert notebook.publication_status == PublicationStatus.DRAFT
    assert notebook.created_by == library_editor
    assert notebook.history().filter(verb="created").exists()
    assert client.get(reverse("library:my_notebooks")).text.count("Se déplacer sans voiture") == 1


@pytest.mark.parametrize("persona", ["outsider", "owner"])
def test_it_lets_no_one_else_create_a_notebook(persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("library:new_notebook")).status_code == 403
    client.post(reverse("library:new_notebook"), {"title": "Cahier pirate"})
    assert not Notebook.objects.exists()


def test_it_sends_anonymous_people_to_log_in(notebook):
    client = client_for(None)
    for url in (
        reverse("library:my_notebooks"),
        reverse("library:new_notebook"),
        reverse("library:notebook", args=[notebook.pk]),
        reverse("library:edit_notebook", args=[notebook.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/connexion/" in response["Location"], url


def test_a_notebook_of_the_library_does_not_exist_for_others(notebook, outsider, sheets):
    client = client_for(outsider)
    pk = notebook.pk
    assert client.get(reverse("library:notebook", args=[pk])).status_code == 404
    assert client.get(reverse("library:edit_notebook", args=[pk])).status_code == 404
    url = reverse("library:notebook_sheets", args=[pk, "retirer"])
    assert client.post(url, {"sheet": sheets["bus"].pk}).status_code == 404
    url = reverse("library:notebook_publication", args=[pk, "publier"])
    assert client.post(url).status_code == 404
    assert "Expérimenter" not in client.get(reverse("library:my_notebooks")).text
    notebook.refresh_from_db()
    assert order_of(notebook) == ["Un bus des services en Ardèche", "Covoiturage organisé du Diois"]
    assert notebook.publication_status == PublicationStatus.DRAFT


def test_a_sheet_s_author_reads_but_does_not_change_a_notebook_they_were_given(notebook, reader):
    notebook.grant(reader, Role.READER)
    client = client_for(reader)
    page = client.get(reverse("library:notebook", args=[notebook.pk]))
    assert page.status_code == 200 and "Modifier les textes" not in page.text
    assert client.get(reverse("library:edit_notebook", args=[notebook.pk])).status_code == 403
    url = reverse("library:notebook_publication", args=[notebook.pk, "publier"])
    assert client.post(url).status_code == 403


def test_an_editor_finds_published_sheets_by_title_and_adds_them(notebook, library_editor):
    client = client_for(library_editor)
    url = reverse("library:notebook", args=[notebook.pk])
    found = client.get(url, {"q": "épicerie"}).text
    assert "Épicerie ambulante" in found
    # Not a draft, nor a sheet already in the notebook.
    assert "Tiers-lieu en brouillon" not in client.get(url, {"q": "tiers"}).text
    assert "Aucune fiche publiée de ce titre" in client.get(url, {"q": "bus des"}).text
    fragment = client.get(url, {"q": "ambulante"}, headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div id="found"')
    epicerie = Notebook.objects.get().sheets.model.objects.get(title="Épicerie ambulante")
    response = client.post(
        reverse("library:notebook_sheets", args=[notebook.pk, "ajouter"]), {"sheet": epicerie.pk}
    )
    assert response.status_code == 302
    assert order_of(notebook)[-1] == "Épicerie ambulante"


def test_a_search_shows_a_few_sheets_those_found_by_their_title_first(notebook, library_editor):
    for number in range(MAX_FOUND + 2):
        make_sheet(f"Marché de producteurs n° {number}", insee_code=None)
    make_sheet("Une halle", insee_code=None, summary="Un marché couvert toute l'année.")
    url = reverse("library:notebook", args=[notebook.pk])
    found = client_for(library_editor).get(url, {"q": "marche"}).context["found"]
    assert len(found) == MAX_FOUND
    assert all(sheet.title.startswith("Marché") for sheet in found)


def test_a_draft_sheet_never_enters_a_notebook(notebook, sheets, library_editor):
    client = client_for(library_editor)
    client.post(
        reverse("library:notebook_sheets", args=[notebook.pk, "ajouter"]),
        {"sheet": sheets["brouillon"].pk},
    )
    assert "Tiers-lieu en brouillon" not in order_of(notebook)
    with pytest.raises(NotebookError, match="n'est pas publiée"):
        create_notebook(
            title="Cahier",
            introduction="",
            conclusion="",
            sheets=[sheets["brouillon"]],
            actor=library_editor,
        )


def test_a_draft_s_key_tells_nothing_of_its_title(notebook, sheets, library_editor):
    client = client_for(library_editor)
    draft = sheets["brouillon"]
    for action in ("ajouter", "retirer", "monter"):
        response = client.post(
            reverse("library:notebook_sheets", args=[notebook.pk, action]),
            {"sheet": draft.pk},
            follow=True,
        )
        assert response.status_code == 404, action
        assert draft.title not in response.text, action
    with pytest.raises(NotebookError) as error:
        add_sheet(notebook=notebook, sheet=draft, actor=library_editor)
    assert error.value.message == "Cette fiche n'existe pas ou n'est pas publiée."
    assert draft.title not in str(notebook.history().values_list("summary", flat=True))


def test_a_sheet_withdrawn_since_can_still_be_taken_out(notebook, sheets, library_editor):
    sheets["bus"].withdraw(library_editor, "À reprendre.")
    client_for(library_editor).post(
        reverse("library:notebook_sheets", args=[notebook.pk, "retirer"]),
        {"sheet": sheets["bus"].pk},
    )
    assert order_of(notebook) == ["Covoiturage organisé du Diois"]


def test_sheets_move_up_and_down_and_leave(notebook, sheets, library_editor):
    add_sheet(notebook=notebook, sheet=sheets["epicerie"], actor=library_editor)
    with pytest.raises(NotebookError, match="déjà"):
        add_sheet(notebook=notebook, sheet=sheets["epicerie"], actor=library_editor)
    client = client_for(library_editor)
    client.post(
        reverse("library:notebook_sheets", args=[notebook.pk, "monter"]),
        {"sheet": sheets["epicerie"].pk},
    )
    assert order_of(notebook) == [
        "Un bus des services en Ardèche",
        "Épicerie ambulante",
        "Covoiturage organisé du Diois",
    ]
    move_sheet(notebook=notebook, sheet=sheets["bus"], offset=-1, actor=library_editor)
    assert order_of(notebook)[0] == "Un bus des services en Ardèche"
    client.post(
        reverse("library:notebook_sheets", args=[notebook.pk, "descendre"]),
        {"sheet": sheets["bus"].pk},
    )
    assert order_of(notebook)[:2] == ["Épicerie ambulante", "Un bus des services en Ardèche"]
    client.post(
        reverse("library:notebook_sheets", args=[notebook.pk, "retirer"]),
        {"sheet": sheets["bus"].pk},
    )
    assert order_of(notebook) == ["Épicerie ambulante", "Covoiturage organisé du Diois"]
    with pytest.raises(NotebookError):
        remove_sheet(notebook=notebook, sheet=sheets["bus"], actor=library_editor)
    verbs = set(notebook.history().values_list("verb", flat=True))
    assert {"sheet_added", "sheet_moved", "sheet_removed"} <= verbs


def test_editing_keeps_what_someone_else_changed_meanwhile(notebook, library_editor):
    client = client_for(library_editor)
    url = reverse("library:edit_notebook", args=[notebook.pk])
    form = client.get(url).context["form"]
    loaded = {name: form[name].value() or "" for name in ("title", "introduction", "conclusion")}
    version = form["version"].value()
    Notebook.objects.filter(pk=notebook.pk).update(introduction="Réécrite par une collègue.")
    response = client.post(
        url, {**loaded, "theme": "", "introduction": "Ma version.", "version": version}
    )
    assert response.status_code == 400
    assert "modifié par quelqu'un d'autre" in " ".join(response.context["form"].non_field_errors())
    notebook.refresh_from_db()
    assert notebook.introduction == "Réécrite par une collègue."
    # A change of another field keeps the colleague's introduction.
    response = client.post(
        url, {**loaded, "theme": "", "conclusion": "Une conclusion.", "version": version}
    )
    assert response.status_code == 302
    notebook.refresh_from_db()
    assert (notebook.introduction, notebook.conclusion) == (
        "Réécrite par une collègue.",
        "Une conclusion.",
    )


# Publication -------------------------------------------------------------------------------------


def test_a_draft_notebook_has_no_public_page_nor_documents(notebook):
    client = client_for(None)
    args = [notebook.pk, notebook.slug]
    for name in ("library:public_notebook", "library:notebook_pdf", "library:notebook_docx"):
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert "Expérimenter" not in client.get(reverse("library:notebooks")).text


def test_it_publishes_withdraws_and_redrafts_a_notebook(notebook, library_editor):
    client = client_for(library_editor)

    def act(action: str, **data):
        client.post(reverse("library:notebook_publication", args=[notebook.pk, action]), data)
        notebook.refresh_from_db()
        return notebook.publication_status

    assert act("publier") == PublicationStatus.PUBLISHED
    assert client_for(None).get(notebook.get_public_url()).status_code == 200
    assert act("retirer") == PublicationStatus.PUBLISHED  # no reason, no withdrawal
    assert act("retirer", reason="Une fiche est à revoir.") == PublicationStatus.WITHDRAWN
    assert client_for(None).get(notebook.get_public_url()).status_code == 404
    assert act("brouillon") == PublicationStatus.DRAFT
    verbs = list(notebook.history().values_list("verb", flat=True))
    assert {"published", "withdrawn", "redrafted"} <= set(verbs)


def test_the_public_page_shows_only_published_sheets_and_public_fields(
    notebook, sheets, library_editor
):
    add_sheet(notebook=notebook, sheet=sheets["epicerie"], actor=library_editor)
    notebook.publish(library_editor)
    sheets["epicerie"].withdraw(library_editor, "À reprendre.")
    page = client_for(None).get(notebook.get_public_url())
    assert page.status_code == 200
    text = page.text
    assert "Trois façons de rapprocher" in text and "Pour aller plus loin : la mobilité" in text
    assert text.count("Un bus des services en Ardèche") >= 2  # table of contents and chapter
    assert sheets["bus"].get_public_url() in text
    assert "Le bus passe chaque semaine" in text
    assert "Épicerie ambulante" not in text
    assert SECRET not in text
    assert reverse("library:notebook_pdf", args=[notebook.pk, notebook.slug]) in text
    # An old address of the notebook leads to its current one.
    old = client_for(None).get(reverse("library:public_notebook", args=[notebook.pk, "ancien"]))
    assert old.status_code == 301 and old["Location"] == notebook.get_public_url()


def test_the_public_list_counts_published_sheets_of_published_notebooks(
    notebook, sheets, library_editor
):
    notebook.publish(library_editor)
    sheets["covoiturage"].withdraw(library_editor, "À reprendre.")
    other = create_notebook(
        title="Cahier en préparation",
        introduction="",
        conclusion="",
        sheets=[sheets["epicerie"]],
        actor=library_editor,
    )
    page = client_for(None).get(reverse("library:notebooks")).text
    assert "Expérimenter en milieu rural" in page and other.title not in page
    assert "1 fiche<" in page.replace("</span>", "<")


def test_the_public_list_reads_as_many_queries_for_many_notebooks(
    sheets, library_editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def publish_one(number: int) -> None:
        create_notebook(
            title=f"Cahier {number}",
            introduction="",
            conclusion="",
            sheets=[sheets["bus"], sheets["epicerie"]],
            actor=library_editor,
        ).publish(library_editor)

    publish_one(0)
    client = client_for(None)
    url = reverse("library:notebooks")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(1, 8):
        publish_one(number)
    # The notebooks with their theme and count of sheets: one query, whatever their number.
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert page.text.count("2 fiches") == 8


def test_the_public_page_reads_as_many_queries_for_many_sheets(
    referential, library_editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    places = ["07186", "26113", "07010"]
    notebook = create_notebook(
        title="Cahier des lieux",
        introduction="",
        conclusion="",
        sheets=[make_sheet(f"Fiche {n}", insee_code=places[n % 3]) for n in range(2)],
        actor=library_editor,
    )
    notebook.publish(library_editor)
    client = client_for(None)
    url = notebook.get_public_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(2, 6):
        add_sheet(
            notebook=notebook,
            sheet=make_sheet(f"Fiche {number}", insee_code=places[number % 3]),
            actor=library_editor,
        )
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert page.text.count("Lire la fiche") == 6


def test_the_editors_list_reads_as_many_queries_for_many_notebooks(
    sheets, library_editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(library_editor)
    url = reverse("library:my_notebooks")
    create_notebook(
        title="Cahier 0", introduction="", conclusion="", sheets=[], actor=library_editor
    )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(1, 6):
        create_notebook(
            title=f"Cahier {number}",
            introduction="",
            conclusion="",
            sheets=[sheets["bus"]],
            actor=library_editor,
        )
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert page.text.count("Cahier ") >= 6


# A programme's notebook --------------------------------------------------------------------------


@pytest.fixture
def programme_notebook(owner, editor, reader):
    programme = Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser-pour-innover",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )
    programme.grant(owner, Role.OWNER)
    programme.grant(editor, Role.EDITOR)
    programme.grant(reader, Role.READER)
    theme = ProgrammeTheme.objects.create(programme=programme, name="Coopération")
    return programme.notebooks.create(programme_theme=theme, title="Cahier : coopération")


def test_a_programme_s_notebook_is_its_team_s(programme_notebook, editor, reader, library_editor):
    url = reverse("library:notebook", args=[programme_notebook.pk])
    assert client_for(library_editor).get(url).status_code == 404
    assert client_for(reader).get(url).status_code == 200
    publish = reverse("library:notebook_publication", args=[programme_notebook.pk, "publier"])
    assert client_for(reader).post(publish).status_code == 403
    page = client_for(editor).get(url).text
    assert "Coopération" in page and programme_notebook.get_absolute_url() in page
    # The team edits it, a library's editor (here one of the team too) publishes it.
    assert client_for(editor).post(publish).status_code == 403
    programme_notebook.refresh_from_db()
    assert not programme_notebook.is_published
    editor.groups.add(library_editor.groups.get())
    client_for(editor).post(publish)
    programme_notebook.refresh_from_db()
    assert programme_notebook.is_published
    public = client_for(None).get(programme_notebook.get_public_url()).text
    # Without a text of the synthesis on its theme, nothing of the programme's part.
    assert "Ce que le programme en a appris" not in public
    assert "Les exemples des territoires" not in public


def test_a_programme_s_theme_goes_with_its_notebook_and_the_programme_s_page_links_here(
    programme_notebook, editor
):
    programme = programme_notebook.programme
    client = client_for(editor)
    page = client.get(programme_notebook.get_absolute_url())
    assert page.status_code == 200
    assert programme_notebook.get_library_url() in page.text
    # The programme's form and the library's write the same row, neither offers another theme.
    url = reverse("programmes:edit_notebook", args=[programme.pk, programme_notebook.pk])
    form = client.get(url).context["form"]
    assert "theme" not in form.fields
    data = {"title": "Cahier : coopérer", "introduction": "Par l'équipe.", "conclusion": ""}
    assert client.post(url, {**data, "version": form["version"].value()}).status_code == 302
    library_form = client.get(
        reverse("library:edit_notebook", args=[programme_notebook.pk])
    ).context["form"]
    assert "theme" not in library_form.fields
    assert library_form["introduction"].value() == "Par l'équipe."
    assert list(programme.notebooks.all()) == [programme_notebook]
    programme_notebook.programme_theme.delete()
    assert not Notebook.objects.exists()
