"""Searching the referential: what the pickers and the API find, best answers first."""

import pytest

from essaim.territories.models import Commune, Epci
from tests.territories.conftest import CRESTOIS_SIREN, SAILLANS


def first_codes(query: str, count: int = 1) -> list[str]:
    return list(Commune.objects.search(query).values_list("insee_code", flat=True)[:count])


@pytest.mark.parametrize("query", ["saint etienne", "st-etienne", "St Étienne", "SAINT-ÉTIENNE"])
def test_saint_and_st_accents_and_case_do_not_matter(db, query):
    assert first_codes(query) == ["42218"]  # Saint-Étienne, the exact name, before the prefixes


def test_names_that_start_with_the_query_come_next_by_population(db):
    codes = first_codes("st etienne", 3)
    assert codes[0] == "42218"
    names = list(Commune.objects.filter(insee_code__in=codes[1:]).values_list("name", flat=True))
    assert all(name.startswith("Saint-Étienne-") for name in names)
    assert codes[1] == "76575"  # Saint-Étienne-du-Rouvray, the most populated of them


@pytest.mark.parametrize("query", ["dieulefit", "Dieulefit", "DIEULE"])
def test_a_name_is_found_by_its_beginning(db, query):
    assert first_codes(query) == ["26114"]


def test_accents_may_be_left_out_or_added(db):
    assert first_codes("etoile sur rhone") == first_codes("Étoile-sur-Rhône") == ["26124"]
    # « Ecorav » names no commune of the 2026 referential, with or without its accent.
    assert first_codes("Ecorav") == first_codes("Écorav") == []


def test_every_word_must_start_a_word_of_the_name(db):
    assert first_codes("sai dro") == []
    assert "26289" in first_codes("sail", 20)


def test_an_insee_code_finds_its_commune_first(db):
    assert first_codes("26289") == [SAILLANS]
    assert first_codes("2A004") == first_codes("2a004") == ["2A004"]  # Ajaccio


def test_a_postal_code_finds_every_commune_it_serves_the_largest_first(db):
    found = list(Commune.objects.search("26340"))
    # 26340 is also the INSEE code of Séderon, which comes first; then the 16 communes whose
    # postal code it is, Saillans the largest.
    assert [commune.name for commune in found[:2]] == ["Séderon", "Saillans"]
    assert len(found) == 17
    assert all("26340" in commune.postal_codes for commune in found[1:])


def test_a_siren_finds_the_commune_or_the_epci(db):
    assert first_codes("938438454") == [SAILLANS]
    assert list(Epci.objects.search("200040509").values_list("siren", flat=True)) == [
        CRESTOIS_SIREN
    ]


def test_epci_are_found_by_name_without_accents(db):
    found = Epci.objects.search("crestois saillans coeur drome")
    assert [epci.siren for epci in found] == [CRESTOIS_SIREN]
    assert Epci.objects.search("metropole lyon").first().siren == "200046977"


@pytest.mark.parametrize("query", ["", "   ", "-", "«»"])
def test_an_empty_query_finds_nothing(db, query):
    assert not Commune.objects.search(query).exists()
    assert not Epci.objects.search(query).exists()
