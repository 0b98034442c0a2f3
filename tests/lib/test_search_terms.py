"""The words the search index stores and looks for, without a database."""

from essaim.lib.search_terms import index_words, query_clauses, query_terms


def test_it_ignores_case_and_accents():
    assert index_words("DÉVELOPPEMENT") == index_words("developpement")
    assert query_terms("Développement") == query_terms("developpement")


def test_it_stems_plurals_and_feminines_to_the_same_word():
    for typed, stored in (
        ("mobilités", "mobilité"),
        ("villageoises", "villageoise"),
        ("expérimentations", "expérimentation"),
    ):
        (stem,) = query_terms(typed + " x")[0]
        assert stem in index_words(stored).split(), (typed, stored)


def test_it_keeps_each_word_as_written_for_prefix_matching():
    assert index_words("Les Centrales villageoises") == (
        "le les central centrales villageois villageoises"
    )


def test_the_last_word_is_looked_for_stemmed_and_as_typed():
    assert query_terms("centrales dévelo") == [("central",), ("develo",)]
    assert query_terms("développem") == [("developpem",)]
    assert query_terms("villageoises") == [("villageois", "villageoises")]


def test_punctuation_separates_words_and_saint_is_st():
    assert query_terms("thou@example.org") == [("thou",), ("exampl",), ("org",)]
    assert index_words("Saint-Étienne") == "st etien etienne"
    assert query_terms(" ,;! ") == []


def test_a_noun_in_age_gets_the_stem_of_its_verb():
    assert "covoitur" in index_words("Les covoiturages").split()
    assert query_terms("covoiturage") == [("covoiturag", "covoiturage", "covoitur")]
    (stem,) = query_terms("covoiturer x")[0]
    assert stem in index_words("covoiturage").split()


def test_only_when_the_verb_is_known_and_its_stem_long_enough():
    assert index_words("village") == "villag village"  # « villager » is no verb
    assert index_words("garage") == "garag garage"  # « gar » would begin « garantie »
    assert "bricol" in index_words("bricolage").split()


def test_a_typed_expression_of_a_group_of_synonyms_matches_any_expression_of_it():
    groups = [["autostop organisé", "covoiturage"]]
    clauses = query_clauses("autostop organisés rural", groups)
    assert clauses[0] == (
        (("autostop",), ("organis", "organise")),
        (("covoiturag", "covoiturage", "covoitur"),),
    )
    assert clauses[1] == ((("rural",),),)
    assert query_clauses("autostop", groups) == [((("autostop",),),)]  # half an expression
    assert query_clauses("covoiturage", [["covoiturage"]]) == [
        ((("covoiturag", "covoiturage", "covoitur"),),)
    ]
