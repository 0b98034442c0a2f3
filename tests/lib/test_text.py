from essaim.lib.siren import siren_error
from essaim.lib.text import search_key, search_words


def test_search_words_ignore_accents_case_and_saint():
    assert search_words("Saint-Étienne") == search_words("st etienne") == ["st", "etienne"]
    assert search_words("Sainte-Œuvre") == ["ste", "oeuvre"]
    assert search_key("Dieulefit", "26113") == " dieulefit 26113"


def test_siren_numbers_are_checked():
    assert siren_error("200040509") is None
    assert siren_error("200 040 509") is None
    assert "9 chiffres" in siren_error("123")
    assert "clé de contrôle" in siren_error("200040508")
