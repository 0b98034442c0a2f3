"""The programmes' thematic notebooks move to the library with their programme, theme and texts,
as drafts, and back when the migrations are undone."""

import datetime

from essaim.library.models import Notebook
from essaim.programmes.models import Programme, Theme

BEFORE = [
    ("library", "0003_notebooks"),
    ("programmes", "0002_report_sheet_publication_agreement"),
]
AFTER = [("library", "0004_programme_notebooks"), ("programmes", "0003_notebooks")]


def test_the_programme_notebooks_become_the_library_s_and_back(migrator):
    programme = Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser-pour-innover",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )
    theme = Theme.objects.create(programme=programme, name="Coopération")
    old = migrator.migrate(BEFORE)
    old.get_model("programmes", "Notebook").objects.create(
        programme_id=programme.pk,
        theme_id=theme.pk,
        title="Cahier thématique : Coopération",
        introduction="Ce que les territoires ont appris à faire ensemble.",
        conclusion="Lire la charte de coopération.",
    )

    migrator.migrate(AFTER)
    notebook = Notebook.objects.get()
    assert (notebook.programme_id, notebook.programme_theme_id) == (programme.pk, theme.pk)
    assert notebook.title == "Cahier thématique : Coopération"
    assert notebook.slug == "cahier-thematique-cooperation"
    assert notebook.introduction.startswith("Ce que les territoires")
    assert notebook.conclusion == "Lire la charte de coopération."
    assert notebook.theme_id is None and not notebook.is_published

    back = migrator.migrate(BEFORE)
    former = back.get_model("programmes", "Notebook").objects.get()
    assert (former.programme_id, former.theme_id, former.title) == (
        programme.pk,
        theme.pk,
        "Cahier thématique : Coopération",
    )
    assert not back.get_model("library", "Notebook").objects.exists()
