"""The demo library: the eight seed cases as sheets written from their experiments, some forty
illustrative sheets across France on real communes, a sheet from the programme's agreed report
sheet, drafts awaiting review, a withdrawn sheet, the rural notebook and an editor of the
library — loaded twice without a duplicate."""

import re
from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from essaim.core.publication import PublicationStatus
from essaim.core.search import search
from essaim.demo.data.experiments import CASES
from essaim.demo.data.library import SEED_SHEETS, SHEETS
from essaim.demo.data.library.notebook import FROM_REPORT, RURAL_NOTEBOOK
from essaim.demo.data.library.spec import State
from essaim.demo.loader import load_demo_data
from essaim.demo.owner import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, LIBRARY_EDITOR_EMAIL
from essaim.library.models import (
    ExperienceSheet,
    Notebook,
    NotebookSheet,
    Setting,
    SheetContact,
    SheetSource,
    SimilarSheet,
)
from essaim.library.models.sheets import EDITORS_GROUP, is_library_editor
from essaim.programmes.models import SheetStatus
from essaim.territories.snapshot import read_referential, shipped_snapshot
from tests.conftest import client_for

THEMES = import_module("essaim.themes.migrations.0001_initial").THEMES
PUBLICS = import_module("essaim.library.migrations.0002_vocabulary").PUBLICS
SECTIONS = ("context", "tried", "results", "learned", "conditions")
OVERSEAS_REGIONS = {"01", "02", "03", "04", "06"}


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?…](?:\s|$)", text))


def all_text(spec) -> str:
    return " ".join(getattr(spec, name) for name in ("title", "summary", *SECTIONS))


# The content, before any database ---------------------------------------------------------------


def test_every_commune_is_in_the_shipped_referential():
    codes = {commune.code for commune in read_referential(shipped_snapshot()).communes}
    written = [spec.insee for spec in SHEETS if not spec.experiment]
    assert len(written) >= 40
    assert set(written) <= codes


def test_the_content_names_only_what_exists():
    themes = {slug for slug, _label in THEMES}
    publics = {slug for slug, _label in PUBLICS}
    titles = [spec.title for spec in SHEETS]
    assert len(titles) == len(set(titles)) and FROM_REPORT.title not in titles
    for spec in SHEETS:
        assert spec.themes and set(spec.themes) <= themes, spec.title
        assert spec.publics and set(spec.publics) <= publics, spec.title
        assert spec.setting in Setting.values
        assert bool(spec.experiment) != bool(spec.insee), spec.title
    assert set(FROM_REPORT.themes) <= themes and set(FROM_REPORT.publics) <= publics
    assert set(RURAL_NOTEBOOK.sheets) <= set(titles)


def test_each_section_is_written_in_a_few_sentences():
    for spec in SHEETS:
        for name in SECTIONS:
            assert 3 <= sentences(getattr(spec, name)) <= 6, (spec.title, name)


def test_the_texts_carry_the_words_people_search_with():
    text = " ".join(all_text(spec) for spec in SHEETS).lower()
    for words in ("covoiturage", "covoiturer", "autostop organisé", "tiers-lieu", "recyclerie"):
        assert words in text


# The data loaded ---------------------------------------------------------------------------------


@pytest.fixture
def published(demo):
    return ExperienceSheet.objects.published()


def test_the_eight_seed_cases_are_sheets_of_their_experiments(published):
    seeds = published.filter(source=SheetSource.EXPERIMENT).select_related("experiment")
    assert sorted(sheet.experiment.title for sheet in seeds) == sorted(case.title for case in CASES)
    assert {sheet.title for sheet in seeds} == {spec.title for spec in SEED_SHEETS}
    for sheet in seeds:
        assert sheet.illustrative
        assert sheet.territory in sheet.experiment.territories.all()
        assert sheet.stage == sheet.experiment.stage
        assert sheet.departement_id and sheet.region_id
        assert sheet.themes.exists() and sheet.publics.exists()


def test_the_library_covers_france(published):
    assert published.count() >= 40
    assert not published.filter(illustrative=False).exists()
    assert published.values("region").distinct().count() >= 12
    assert published.values("departement").distinct().count() >= 25
    assert published.filter(region__code__in=OVERSEAS_REGIONS).exists()
    settings = set(published.values_list("setting", flat=True))
    assert {Setting.RURAL, Setting.MOUNTAIN, Setting.PERIURBAN, Setting.COASTAL} <= settings
    assert len(set(published.values_list("stage", flat=True))) >= 6
    assert len(set(published.values_list("published_at__date", flat=True))) > 40


def test_a_sheet_comes_from_the_programme_s_agreed_report_sheet(published):
    sheet = published.select_related("report_sheet__territory").get(source=SheetSource.REPORT_SHEET)
    assert sheet.title == FROM_REPORT.title
    assert sheet.report_sheet.territory.name == FROM_REPORT.territory
    assert sheet.report_sheet.status == SheetStatus.VALIDATED
    assert sheet.report_sheet.publication_agreed_at > sheet.report_sheet.validated_at
    assert sheet.context == sheet.report_sheet.context.strip()
    assert sheet.territory == sheet.report_sheet.territory.perimeter


def test_drafts_await_review_and_one_sheet_is_withdrawn(demo):
    to_review = ExperienceSheet.objects.to_review()
    assert {sheet.title for sheet in to_review} == {
        spec.title for spec in SHEETS if spec.state == State.TO_REVIEW
    }
    assert to_review.count() >= 3
    withdrawn = ExperienceSheet.objects.get(publication_status=PublicationStatus.WITHDRAWN)
    assert withdrawn.withdrawal_reason and withdrawn.withdrawn_at > withdrawn.published_at
    assert client_for(None).get(withdrawn.get_public_url()).status_code == 404


def test_the_library_editor_and_the_administrator_review(demo):
    users = get_user_model().objects
    editor = users.get(email=LIBRARY_EDITOR_EMAIL)
    assert editor.groups.filter(name=EDITORS_GROUP).exists()
    assert editor.check_password(DEMO_ADMIN_PASSWORD)
    assert is_library_editor(editor)
    assert is_library_editor(users.get(email=DEMO_ADMIN_EMAIL))
    response = client_for(editor).get(reverse("library:review_queue"))
    assert response.status_code == 200
    draft = ExperienceSheet.objects.to_review().first()
    assert escape(draft.title) in response.content.decode()


def test_the_rural_notebook_is_published_with_its_sheets_in_order(demo):
    notebook = Notebook.objects.published().get(title=RURAL_NOTEBOOK.title)
    entries = NotebookSheet.objects.filter(notebook=notebook).select_related("sheet")
    assert [entry.sheet.title for entry in entries] == list(RURAL_NOTEBOOK.sheets)
    assert 6 <= len(entries) <= 8
    assert all(entry.sheet.setting == Setting.RURAL for entry in entries)
    assert all(entry.sheet.is_published for entry in entries)
    assert notebook.introduction.count("\n\n") >= 2 and notebook.conclusion.count("\n\n") >= 2
    page = client_for(None).get(notebook.get_public_url())
    assert page.status_code == 200
    assert escape(RURAL_NOTEBOOK.sheets[0]) in page.content.decode()


def test_the_contact_who_did_not_agree_exists_but_never_shows(demo):
    refusing = SheetContact.objects.select_related("sheet").get(consented=False)
    assert refusing.consented_on is None
    sheet = refusing.sheet
    agreeing = sheet.contacts.get(consented=True)
    page = client_for(None).get(sheet.get_public_url()).content.decode()
    assert escape(agreeing.name) in page
    assert escape(refusing.name) not in page and refusing.email not in page
    assert sheet.internal_notes and escape(sheet.internal_notes) not in page


def test_search_facets_and_neighbours_have_something_to_show(published):
    assert search(published, "covoiturer").count() >= 3
    assert search(published, "autostop organise").count() >= 2
    every_sheet = ExperienceSheet.objects.all()
    for private in ("réimpression", "trombinoscope"):  # words of internal notes only
        assert ExperienceSheet.objects.filter(internal_notes__contains=private).exists()
        assert not search(every_sheet, private).exists()
    response = client_for(None).get(reverse("library:search"), {"q": "covoiturage"})
    assert response.status_code == 200
    found = published.get(title__startswith="Un covoiturage solidaire pour aller travailler")
    assert found.get_public_url() in response.content.decode()
    with_neighbours = SimilarSheet.objects.values("sheet").distinct().count()
    assert with_neighbours == published.count()


def test_loading_the_demo_again_duplicates_nothing(demo):
    def counts():
        return (
            ExperienceSheet.objects.count(),
            ExperienceSheet.objects.published().count(),
            SheetContact.objects.count(),
            Notebook.objects.count(),
            NotebookSheet.objects.count(),
            SimilarSheet.objects.count(),
            get_user_model().objects.filter(email=LIBRARY_EDITOR_EMAIL).count(),
        )

    before = counts()
    load_demo_data(report=lambda line: None)
    assert counts() == before
    assert before[0] == len(SHEETS) + 1
