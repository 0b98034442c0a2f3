"""« Expériences similaires » without a database: a hand-written library of sheets in twins
(two on rural carpooling, two on citizen energy) and one alone (a tiers-lieu), each twin expected
as the other's first neighbour; lemmas, themes, kinds of territory, determinism, blocks,
progress, small and empty libraries."""

import pytest

from essaim.lib.similar_texts import Document, Index, Neighbour, refreshed, similar

SHEETS = {
    "autostop": Document(
        "autostop",
        "Autostop organisé en zone rurale. Des arrêts d'autostop signalés relient les villages "
        "au bourg ; les conducteurs inscrits prennent les passagers sans réservation, ce qui "
        "remplace une ligne de car trop peu fréquentée.",
        frozenset({"mobilité", "ruralité"}),
        "epci",
    ),
    "covoiturage": Document(
        "covoiturage",
        "Covoiturage solidaire entre villages : une application et des arrêts signalés pour "
        "les trajets vers le bourg. Les passagers sans voiture trouvent un conducteur ; "
        "l'autostop organisé complète les lignes de car.",
        frozenset({"mobilité"}),
        "epci",
    ),
    "centrale": Document(
        "centrale",
        "Une centrale villageoise citoyenne installe des panneaux photovoltaïques sur les toits "
        "des écoles. Les habitants actionnaires financent l'énergie renouvelable locale.",
        frozenset({"énergie", "participation"}),
        "commune",
    ),
    "chaufferie": Document(
        "chaufferie",
        "Les habitants d'une commune financent une chaufferie au bois et des centrales "
        "photovoltaïques citoyennes : l'énergie renouvelable produite reste au village, "
        "et les actionnaires votent ses projets.",
        frozenset({"énergie"}),
        "pnr",
    ),
    "tiers-lieu": Document(
        "tiers-lieu",
        "Un tiers-lieu dans l'ancienne gare : espace de travail partagé, atelier de "
        "réparation, café associatif et permanences des services publics.",
        frozenset({"services", "ruralité"}),
        "commune",
    ),
}
TWINS = {
    "autostop": "covoiturage",
    "covoiturage": "autostop",
    "centrale": "chaufferie",
    "chaufferie": "centrale",
}


@pytest.fixture(scope="module")
def neighbours() -> dict:
    return similar(list(SHEETS.values()))


def scores(found: dict) -> dict[tuple, float]:
    return {(key, n.key): n.score for key, ns in found.items() for n in ns}


def test_it_finds_the_twin_of_each_sheet_first(neighbours):
    assert list(neighbours) == list(SHEETS)
    for key, twin in TWINS.items():
        assert neighbours[key][0].key == twin, (key, neighbours[key])
        others = [n.score for n in neighbours[key][1:]]
        assert all(neighbours[key][0].score > score for score in others)


def test_neighbours_are_closest_first_within_zero_and_one_and_never_itself(neighbours):
    for key, found in neighbours.items():
        assert key not in [n.key for n in found]
        assert len({n.key for n in found}) == len(found)
        values = [n.score for n in found]
        assert values == sorted(values, reverse=True)
        assert all(0 < value <= 1 for value in values)


def test_inflected_forms_count_as_one():
    # No written word in common, the same lemmas: « citoyennes »/« citoyen »,
    # « rénovent »/« rénove », « chaufferies »/« chaufferie ».
    found = similar(
        [
            Document(1, "Les centrales citoyennes rénovent les chaufferies."),
            Document(2, "Une centrale citoyenne rénove sa chaufferie."),
            Document(3, "Un tiers-lieu ouvre dans la gare."),
        ]
    )
    assert [n.key for n in found[1]] == [2]
    assert found[1][0].score == pytest.approx(0.75)  # same lemmas: cosine 1, nothing else shared


def test_shared_themes_raise_the_score_and_are_listed():
    texts = ["Un café associatif dans l'ancienne gare.", "Une épicerie associative au bourg."]
    plain = similar([Document("a", texts[0]), Document("b", texts[1])])
    themed = similar(
        [
            Document("a", texts[0], frozenset({"commerce", "ruralité"})),
            Document("b", texts[1], frozenset({"ruralité", "services", "commerce"})),
        ]
    )
    assert themed["a"][0].score == pytest.approx(plain["a"][0].score + 0.2 * 2 / 3, abs=1e-5)
    assert themed["a"][0].shared_themes == ("commerce", "ruralité")
    assert plain["a"][0].shared_themes == ()


def test_the_same_kind_of_territory_raises_the_score(neighbours):
    found = scores(neighbours)
    # Both carpooling sheets are « epci »; the energy sheets a « commune » and a « pnr ».
    assert found["autostop", "covoiturage"] > found["centrale", "chaufferie"]
    unknown = similar([Document("a", "Café associatif."), Document("b", "Café associatif.")])
    epci = [Document(key, "Café associatif.", territory_kind="epci") for key in "ab"]
    same = similar(epci)
    assert unknown["a"][0].score == pytest.approx(0.75)
    assert same["a"][0].score == pytest.approx(0.8)


def test_a_sheet_without_text_gets_neighbours_by_its_themes():
    empty = Document("vide", "", frozenset({"énergie", "participation"}))
    found = similar([*SHEETS.values(), empty])
    assert [n.key for n in found["vide"]] == ["centrale", "chaufferie"]
    assert found["vide"][0].shared_themes == ("participation", "énergie")
    assert found["vide"][0].score == pytest.approx(0.2)
    assert found["vide"][1].score == pytest.approx(0.1)


def test_sheets_that_share_nothing_are_not_neighbours():
    found = similar([Document(1, "Café associatif."), Document(2, "Chaufferie au bois.")])
    assert found == {1: [], 2: []}
    assert similar([Document(1, ""), Document(2, "Oui, voilà.")]) == {1: [], 2: []}


def test_it_is_deterministic_whatever_the_order(neighbours):
    assert similar(list(SHEETS.values())) == neighbours
    reversed_ = similar(list(reversed(SHEETS.values())))
    assert reversed_ == neighbours
    assert list(reversed_) == list(reversed(SHEETS))


def test_equal_scores_are_ordered_by_key():
    found = similar([Document(key, "Un café associatif au bourg.") for key in (3, 1, 4, 2)], k=2)
    assert [n.key for n in found[3]] == [1, 2]
    assert [n.key for n in found[1]] == [2, 3]
    mixed = similar([Document(key, "Un café associatif.") for key in ("b", 2, "a", 1)], k=3)
    assert [n.key for n in mixed["a"]] == [1, 2, "b"]


def test_k_is_respected_even_above_the_number_of_sheets(neighbours):
    assert all(len(found) <= 5 for found in neighbours.values())
    one = similar(list(SHEETS.values()), k=1)
    assert {key: [n.key for n in found] for key, found in one.items() if key in TWINS} == {
        key: [twin] for key, twin in TWINS.items()
    }
    many = similar(list(SHEETS.values()), k=50)
    assert all(len(found) <= 4 for found in many.values())
    assert {key: found[:5] for key, found in many.items()} == neighbours
    assert similar(list(SHEETS.values()), k=0) == {key: [] for key in SHEETS}


def test_small_and_empty_libraries():
    assert similar([]) == {}
    assert similar([SHEETS["autostop"]]) == {"autostop": []}
    pair = similar([SHEETS["autostop"], SHEETS["covoiturage"]])
    assert [n.key for n in pair["autostop"]] == ["covoiturage"]
    assert pair["autostop"][0] == Neighbour(
        "covoiturage", pair["covoiturage"][0].score, ("mobilité",)
    )


def test_blocks_of_one_row_give_the_same_result_as_one_block():
    library = [
        Document((copy, key), sheet.text, sheet.themes, sheet.territory_kind)
        for copy in range(3)
        for key, sheet in SHEETS.items()
    ]
    assert similar(library, chunk=1) == similar(library, chunk=1000)
    assert similar(library, chunk=4, k=3) == similar(library, chunk=1000, k=3)


def test_progress_is_told_after_each_block_up_to_the_total():
    calls: list[tuple[int, int]] = []
    similar(
        list(SHEETS.values()), chunk=2, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(2, 5), (4, 5), (5, 5)]

    calls.clear()
    similar([], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 0)]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="poids"):
        similar(list(SHEETS.values()), theme_weight=0.9, kind_weight=0.2)
    with pytest.raises(ValueError, match="bloc"):
        similar(list(SHEETS.values()), chunk=0)
    with pytest.raises(ValueError, match="même clé"):
        similar([SHEETS["autostop"], SHEETS["autostop"]])


def test_an_outside_document_is_asked_against_the_library():
    index = Index(list(SHEETS.values()))
    question = Document(
        "expérimentation",
        "Des arrêts d'autostop et de covoiturage pour rejoindre le bourg sans voiture.",
        frozenset({"mobilité", "inconnu"}),
        "epci",
    )
    found = index.nearest_to([question], k=2)
    assert [n.key for n in found["expérimentation"]] == ["covoiturage", "autostop"]
    assert found["expérimentation"][0].shared_themes == ("mobilité",)
    without = index.nearest_to([question], k=2, excluded={"expérimentation": {"covoiturage"}})
    assert [n.key for n in without["expérimentation"]] == ["autostop"]
    assert index.nearest_to([]) == {}


def test_a_theme_the_library_does_not_know_still_counts_in_the_union():
    index = Index([Document("a", "", frozenset({"énergie"}))])
    known = index.nearest_to([Document("q", "", frozenset({"énergie"}))])
    wider = index.nearest_to([Document("q", "", frozenset({"énergie", "inconnu"}))])
    assert known["q"][0].score == pytest.approx(0.2)
    assert wider["q"][0].score == pytest.approx(0.1)
    # A kind of territory the library does not know matches nothing.
    unknown = Index([Document("a", "Café associatif.", territory_kind="epci")])
    assert unknown.nearest_to([Document("q", "Café associatif.", territory_kind="pnr")])["q"][
        0
    ].score == pytest.approx(0.75)


def refresh_after(before: list[Document], after: list[Document], changed: set) -> dict:
    """The lists of ``after`` as ``refreshed`` finds them from those of ``before``."""
    old = similar(before)
    new = refreshed(
        Index(after),
        changed,
        floors={key: ns[-1].score for key, ns in old.items() if len(ns) == 5},
        holders=[key for key, ns in old.items() if changed & {n.key for n in ns}],
        lists=lambda keys: {key: old[key] for key in keys},
    )
    return {key: [n.key for n in {**old, **new}.get(key, [])] for key in {d.key for d in after}}


def keys_of(found: dict) -> dict:
    return {key: [n.key for n in ns] for key, ns in found.items()}


def test_a_refresh_after_one_change_finds_what_a_full_computation_finds():
    library = [
        Document((copy, key), sheet.text, sheet.themes, sheet.territory_kind)
        for copy in range(3)
        for key, sheet in SHEETS.items()
    ]
    moved = Document((0, "autostop"), SHEETS["centrale"].text, frozenset({"énergie"}), "commune")
    after = [moved if d.key == moved.key else d for d in library]
    assert refresh_after(library, after, {moved.key}) == keys_of(similar(after))

    gone = [d for d in library if d.key != (1, "chaufferie")]
    assert refresh_after(library, gone, {(1, "chaufferie")}) == keys_of(similar(gone))

    added = [*library, Document("nouvelle", SHEETS["tiers-lieu"].text, frozenset({"services"}))]
    assert refresh_after(library, added, {"nouvelle"}) == keys_of(similar(added))


def test_a_refresh_returns_only_the_lists_that_change():
    library = list(SHEETS.values())
    old = similar(library)
    edited = Document(
        "tiers-lieu", SHEETS["tiers-lieu"].text + " Un café.", frozenset({"services"})
    )
    after = [edited if d.key == "tiers-lieu" else d for d in library]
    new = refreshed(
        Index(after),
        {"tiers-lieu"},
        floors={},
        holders=[key for key, ns in old.items() if "tiers-lieu" in {n.key for n in ns}],
        lists=lambda keys: {key: old[key] for key in keys},
    )
    assert "tiers-lieu" in new
    assert all(new[key] != old[key] for key in new if key != "tiers-lieu")
    assert set(new) <= set(old)
