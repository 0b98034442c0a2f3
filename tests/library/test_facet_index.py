"""The facet index of the published sheets: its counts are those the database computes, with the
filters combined; drafts never count; it is read again after any change to the sheets, their
themes or publics, and kept while nothing changes."""

from collections import Counter

import pytest
from django.db.models import Count

from essaim.library.models import ExperienceSheet, Public
from essaim.library.services import facet_index
from essaim.library.services.filters import SheetFilters
from essaim.themes.models import Theme
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_kept_index():
    """A test's database is rolled back: an index kept by another test would lie."""
    facet_index.forget()
    yield
    facet_index.forget()


def database_counts(filters: SheetFilters) -> dict[str, Counter]:
    """The same counts, computed by Django with ``annotate(Count)``."""
    sheets = filters.apply(ExperienceSheet.objects.published()).distinct()
    pks = list(sheets.values_list("pk", flat=True))
    published = ExperienceSheet.objects.filter(pk__in=pks)
    counts = {}
    for name in ("departement", "region", "setting", "stage", "strategy"):
        rows = published.values(name).annotate(n=Count("pk")).order_by()
        counts[name] = Counter({row[name]: row["n"] for row in rows if row[name]})
    for name, model in (("theme", Theme), ("public", Public)):
        related = "experience_sheets" if name == "theme" else "sheets"
        rows = (
            model.objects.filter(**{f"{related}__in": pks})
            .annotate(n=Count(related))
            .values_list("pk", "n")
        )
        counts[name] = Counter(dict(rows))
    rows = published.values("year_start", "year_end").annotate(n=Count("pk")).order_by()
    counts["years"] = Counter({(row["year_start"], row["year_end"]): row["n"] for row in rows})
    return counts


def index_counts(filters: SheetFilters) -> dict[str, Counter]:
    index = facet_index.facet_index()
    return {
        name: Counter(counted) for name, counted in index.counts(index.filtered(filters)).items()
    }


@pytest.fixture
def sheets(referential):
    first = make_sheet(
        "Covoiturage",
        themes=("mobilite", "jeunesse"),
        setting="rural",
        stage="en_cours",
        year_start=2019,
        year_end=2021,
    )
    first.publics.set(Public.objects.filter(slug__in=["jeunes", "habitants"]))
    make_sheet("Navette", themes=("mobilite",), setting="rural", year_start=2021)
    brest = make_sheet("Épicerie", insee_code="29019", themes=("alimentation",), setting="urbain")
    brest.publics.set(Public.objects.filter(slug="jeunes"))
    make_sheet("Sans lieu", insee_code=None, themes=("jeunesse",), strategy="diversification")
    draft = make_sheet("Brouillon", themes=("mobilite",), setting="rural", published=False)
    draft.publics.set(Public.objects.filter(slug="jeunes"))


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"theme": "mobilite"},
        {"setting": "rural", "theme": "jeunesse"},
        {"departement": "07", "public": "jeunes"},
        {"region": "53"},
        {"year": "2020", "setting": "rural"},
        {"strategy": "diversification"},
        {"theme": "inconnu"},
        {"departement": "99"},
    ],
)
def test_it_counts_what_the_database_counts(sheets, query):
    filters = SheetFilters.from_query(query)
    expected = database_counts(filters)
    found = index_counts(filters)
    for name in ("setting", "stage", "strategy"):
        found[name].pop("", None)
    assert found == expected


def test_a_draft_never_counts(sheets):
    index = facet_index.facet_index()
    assert len(index) == 4
    assert set(index.ids.tolist()) == set(
        ExperienceSheet.objects.published().values_list("pk", flat=True)
    )


def test_it_finds_the_sheets_of_search_entries_and_no_other():
    index = facet_index.facet_index()
    assert not index.of_entries([1, 2, 3]).any()


def test_it_orders_a_page_by_rank(sheets):
    index = facet_index.facet_index()
    titles = dict(ExperienceSheet.objects.values_list("pk", "title"))
    everything = index.everything()
    by_title = [titles[pk] for pk in index.page(everything, index.title_rank, 0, 20)]
    assert by_title == sorted(by_title)
    assert [titles[pk] for pk in index.page(everything, index.title_rank, 1, 2)] == by_title[1:3]
    assert [titles[pk] for pk in index.page(everything, index.year_rank, 0, 2)] == [
        "Navette",
        "Covoiturage",
    ]
    newest = ExperienceSheet.objects.published().order_by("-published_at", "-pk")
    assert index.page(everything, index.recent_rank, 0, 20) == [sheet.pk for sheet in newest]


@pytest.mark.django_db(transaction=True)
def test_it_is_kept_until_a_sheet_or_its_themes_change(referential, owner):
    sheet = make_sheet("Covoiturage", themes=("mobilite",), owner=owner)
    index = facet_index.facet_index()
    assert facet_index.facet_index() is index  # nothing written: kept
    mobilite = Theme.objects.get(slug="mobilite").pk
    assert index.counts(index.everything())["theme"] == {mobilite: 1}

    sheet.themes.add(Theme.objects.get(slug="jeunesse"))
    index = facet_index.facet_index()
    assert len(index.counts(index.everything())["theme"]) == 2

    sheet.withdraw(owner, "Erreur de saisie")
    assert len(facet_index.facet_index()) == 0

    make_sheet("Navette", owner=owner)
    index = facet_index.facet_index()
    assert len(index) == 1
    assert facet_index.facet_index() is index


def test_it_is_not_kept_when_the_transaction_wrote_its_tables(referential):
    make_sheet("Covoiturage")
    first = facet_index.facet_index()
    assert len(first) == 1
    assert facet_index.facet_index() is not first  # this transaction's alone
    make_sheet("Navette")
    assert len(facet_index.facet_index()) == 2


def test_it_names_the_themes_of_a_page_in_the_order_of_the_themes(sheets):
    index = facet_index.facet_index()
    covoiturage, draft = (
        ExperienceSheet.objects.get(title=title).pk for title in ("Covoiturage", "Brouillon")
    )
    ordered = list(
        Theme.objects.filter(slug__in=["mobilite", "jeunesse"]).values_list("label", flat=True)
    )
    assert index.theme_labels([covoiturage, draft]) == {covoiturage: ordered}  # no draft

    last = Theme.objects.get(label=ordered[0])
    last.position = 1_000
    last.save()
    index = facet_index.facet_index()
    assert index.theme_labels([covoiturage]) == {covoiturage: [ordered[1], ordered[0]]}
