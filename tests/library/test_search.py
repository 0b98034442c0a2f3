"""The library's search page: words found by lemma, without accents and by synonym; facets
counted right; the map coloured and linked; drafts and withdrawn sheets never shown; pages of
twenty; snippets escaped and highlighted; a number of queries that does not grow with rows."""

import re

import pytest
from django.urls import reverse

from essaim.library.models import Public, Synonym
from essaim.library.services import facet_index
from essaim.library.services.catalogue import running_years
from essaim.library.services.filters import SheetFilters
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db
SEARCH = "/experiences/"


@pytest.fixture(autouse=True)
def no_kept_index():
    """A test's database is rolled back: an index kept by another test would lie."""
    facet_index.forget()


def titles(response) -> list[str]:
    html = response.content.decode()
    found = re.findall(r'<h3 class="library-result__title"><a href="[^"]*">(.*?)</a></h3>', html)
    return [re.sub(r"</?mark>", "", title) for title in found]


def get(client, **query):
    return client.get(SEARCH, query)


def test_the_page_is_open_to_everyone_and_linked_from_the_navigation(client, referential):
    make_sheet("Covoiturage des salariés")
    response = client.get(reverse("library:search"))
    assert response.status_code == 200
    assert titles(response) == ["Covoiturage des salariés"]
    assert f'href="{reverse("library:search")}"' in client.get("/sessions/").content.decode()


def test_it_finds_the_verb_from_the_noun_and_the_noun_from_the_verb(client, referential):
    make_sheet("Covoiturer entre voisins", summary="Des habitants qui covoiturent.")
    make_sheet("Une centrale de covoiturage")
    make_sheet("Épicerie solidaire")
    assert set(titles(get(client, q="covoiturage"))) == {
        "Covoiturer entre voisins",
        "Une centrale de covoiturage",
    }
    assert set(titles(get(client, q="covoiturer"))) == {
        "Covoiturer entre voisins",
        "Une centrale de covoiturage",
    }


def test_accents_do_not_count(client, referential):
    make_sheet("Équipement partagé", summary="Un atelier d'équipements agricoles.")
    make_sheet("Fête du village")
    assert titles(get(client, q="equipement")) == ["Équipement partagé"]
    assert titles(get(client, q="EQUIPEMENTS AGRICOLES")) == ["Équipement partagé"]


def test_a_synonym_finds_the_other_expression(client, referential):
    Synonym.objects.update_or_create(expressions="autostop organisé / covoiturage")
    make_sheet("Navette rurale", summary="Un service de covoiturage pour les jeunes.")
    make_sheet("Autostop organisé en Diois")
    make_sheet("Autostop sauvage", summary="Rien d'organisé ici… ou presque.")  # both words
    make_sheet("Bus des montagnes")
    assert set(titles(get(client, q="autostop organisé"))) == {
        "Navette rurale",
        "Autostop organisé en Diois",
        "Autostop sauvage",
    }
    assert set(titles(get(client, q="covoiturage"))) == {
        "Navette rurale",
        "Autostop organisé en Diois",
        "Autostop sauvage",
    }
    assert set(titles(get(client, q="autostop"))) == {
        "Autostop organisé en Diois",
        "Autostop sauvage",
    }
    Synonym.objects.all().delete()
    assert titles(get(client, q="covoiturage")) == ["Navette rurale"]


def test_drafts_and_withdrawn_sheets_never_appear(client, referential, owner):
    make_sheet("Covoiturage publié")
    make_sheet("Covoiturage en brouillon", published=False)
    withdrawn = make_sheet("Covoiturage retiré", owner=owner)
    withdrawn.withdraw(owner, "Erreur de saisie")
    for response in (get(client), get(client, q="covoiturage"), get(client, departement="07")):
        assert titles(response) == ["Covoiturage publié"]
        assert "brouillon" not in response.content.decode()
        assert "retiré" not in response.content.decode()


def test_private_fields_are_never_shown_nor_searched(client, referential):
    make_sheet(
        "Tiers-lieu",
        summary="Un lieu ouvert.",
        internal_notes="secretissime",
        review_note="zorglub",
    )
    assert titles(get(client, q="secretissime")) == []
    assert titles(get(client, q="zorglub")) == []
    html = get(client, q="tiers").content.decode()
    assert "secretissime" not in html and "zorglub" not in html


def test_facets_count_the_current_results(client, referential):
    make_sheet("Covoiturage A", themes=("mobilite",), setting="rural", year_start=2019)
    make_sheet("Covoiturage B", themes=("mobilite", "jeunesse"), setting="rural", year_start=2021)
    make_sheet("Covoiturage C", insee_code="29019", themes=("mobilite",), setting="urbain")
    make_sheet("Épicerie", themes=("alimentation",), setting="rural")

    catalogue = get(client, q="covoiturage").context["catalogue"]
    counts = {f.name: {v.value: v.count for v in f.values} for f in catalogue.facets}
    assert catalogue.total == 3
    assert counts["theme"] == {"mobilite": 3, "jeunesse": 1}
    assert counts["setting"] == {"rural": 2, "urbain": 1}
    assert counts["departement"] == {"07": 2, "29": 1}
    assert counts["region"] == {"84": 2, "53": 1}
    assert counts["year"]["2019"] == 1 and counts["year"]["2021"] == 2

    combined = get(client, q="covoiturage", setting="rural", theme="jeunesse")
    catalogue = combined.context["catalogue"]
    assert titles(combined) == ["Covoiturage B"]
    counts = {f.name: {v.value: v.count for v in f.values} for f in catalogue.facets}
    assert counts["theme"] == {"mobilite": 1, "jeunesse": 1}
    assert counts["departement"] == {"07": 1}
    chips = [(chip.label, chip.value) for chip in catalogue.active_filters]
    assert chips == [("Thème", "jeunesse et éducation"), ("Type de territoire", "rural")]


def test_a_facet_value_is_a_link_that_adds_or_removes_its_filter(client, referential):
    make_sheet("Covoiturage", themes=("mobilite",), setting="rural")
    make_sheet("Épicerie", themes=("alimentation",), setting="urbain")
    html = get(client, setting="rural").content.decode()
    assert 'href="?setting=rural&amp;theme=mobilite"' in html  # adds the theme, keeps the rest
    assert 'href="?"' in html  # the active value removes its filter
    assert 'aria-current="true"' in html


def test_the_public_facet_counts_the_publics(client, referential):
    sheet = make_sheet("Covoiturage")
    sheet.publics.set(Public.objects.filter(slug__in=["jeunes", "habitants"]))
    make_sheet("Épicerie").publics.set(Public.objects.filter(slug="jeunes"))
    catalogue = get(client).context["catalogue"]
    publics = next(f for f in catalogue.facets if f.name == "public")
    assert {v.value: v.count for v in publics.values} == {"jeunes": 2, "habitants": 1}
    assert titles(get(client, public="habitants")) == ["Covoiturage"]


def test_the_map_colours_a_departement_with_sheets_and_its_link_filters(client, referential):
    make_sheet("Covoiturage en Ardèche", setting="rural")
    make_sheet("Covoiturage à Brest", insee_code="29019")
    html = get(client, setting="rural").content.decode()
    ardeche = re.search(r'<path class="departement" data-code="07"[^>]*fill="([^"]+)"', html)
    finistere = re.search(r'<path class="departement" data-code="29"[^>]*fill="([^"]+)"', html)
    assert ardeche.group(1) != finistere.group(1) == "#e6e8e4"  # Brest filtered out
    assert '<a href="?setting=rural&amp;departement=07"' in html
    assert titles(get(client, setting="rural", departement="07")) == ["Covoiturage en Ardèche"]
    assert titles(get(client, departement="29")) == ["Covoiturage à Brest"]


def test_snippets_highlight_the_words_found_and_escape_the_text(client, referential):
    make_sheet(
        "Navette",
        summary="Rien ici.",
        tried="On a lancé du <b>covoiturage</b> & des navettes entre les villages.",
    )
    html = get(client, q="covoiturer").content.decode()
    assert "&lt;b&gt;<mark>covoiturage</mark>&lt;/b&gt; &amp; des navettes" in html
    assert "<b>covoiturage</b>" not in html


def test_the_results_link_to_the_public_sheet(client, referential):
    sheet = make_sheet("Covoiturage des salariés")
    assert f'href="{sheet.get_public_url()}"' in get(client).content.decode()


def test_sorts(client, referential):
    make_sheet("Bbb covoiturage", year_start=2015)
    make_sheet("Aaa", summary="covoiturage", year_start=2020)
    make_sheet("Ccc covoiturage", year_start=2010)
    assert titles(get(client, q="covoiturage")) == ["Ccc covoiturage", "Bbb covoiturage", "Aaa"]
    assert titles(get(client, tri="titre")) == ["Aaa", "Bbb covoiturage", "Ccc covoiturage"]
    assert titles(get(client, tri="annee")) == ["Aaa", "Bbb covoiturage", "Ccc covoiturage"]
    assert titles(get(client)) == ["Ccc covoiturage", "Aaa", "Bbb covoiturage"]  # newest first
    assert get(client, tri="pertinence").context["catalogue"].sort == "recentes"  # no words


def test_pages_of_twenty(client, referential):
    for number in range(23):
        make_sheet(f"Fiche {number:02d}")
    first = get(client, tri="titre")
    assert len(titles(first)) == 20 and titles(first)[0] == "Fiche 00"
    assert "Page 1 sur 2" in first.content.decode()
    second = get(client, tri="titre", page="2")
    assert titles(second) == ["Fiche 20", "Fiche 21", "Fiche 22"]
    assert titles(get(client, tri="titre", page="99")) == ["Fiche 20", "Fiche 21", "Fiche 22"]
    assert titles(get(client, tri="titre", page="x"))[0] == "Fiche 00"


def test_htmx_gets_the_results_or_the_region_only(client, referential):
    make_sheet("Covoiturage")
    typed = client.get(SEARCH, {"q": "covoit"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="resultats")
    html = typed.content.decode()
    assert html.lstrip().startswith('<div id="resultats"') and "<html" not in html
    linked = client.get(SEARCH, {"setting": "rural"}, HTTP_HX_REQUEST="true")
    assert linked.content.decode().lstrip().startswith('<div id="bibliotheque"')


def test_the_page_links_its_feed(client, referential):
    html = get(client).content.decode()
    feed = reverse("library:feed")
    assert '<link rel="alternate" type="application/atom+xml" title="Nouvelles fiches' in html
    assert f'href="{feed}">' in html


def test_only_safe_methods(client, referential):
    assert client.post(SEARCH).status_code == 405


def test_the_number_of_queries_does_not_grow_with_rows(
    client, referential, django_assert_max_num_queries
):
    def fill(count: int, offset: int) -> None:
        for number in range(count):
            sheet = make_sheet(f"Covoiturage {offset + number}", themes=("mobilite", "jeunesse"))
            sheet.publics.set(Public.objects.filter(slug="jeunes"))

    fill(2, 0)
    with django_assert_max_num_queries(20) as few:
        get(client, q="covoiturage", tri="titre")
    fill(25, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = get(client, q="covoiturage", tri="titre", theme="mobilite")
    assert len(titles(response)) == 20


def test_a_sheet_runs_every_year_between_its_start_and_end():
    from collections import Counter

    years = running_years(Counter({(2019, 2021): 2, (2021, None): 1, (None, None): 4}), until=2022)
    assert years == Counter({2019: 2, 2020: 2, 2021: 3, 2022: 1})
    assert SheetFilters.from_query({"year": "2020"}).year == 2020


def test_a_search_is_a_read_for_the_kept_pages(client, referential):
    """Every statement of the page reads: none moves the generations of the kept pages."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from essaim.core.generations import changed_table

    make_sheet("Covoiturage", themes=("mobilite",))
    with CaptureQueriesContext(connection) as queries:
        get(client, q="covoiturage", theme="mobilite")
    assert [q["sql"][:60] for q in queries.captured_queries if changed_table(q["sql"])] == []
