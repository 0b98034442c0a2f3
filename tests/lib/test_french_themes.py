"""Themes proposed from French interview quotes, without a database: a hand-written corpus of
four known themes, each expected back with its quotes; lemmas, stop words, written forms,
determinism, tiny corpora, progress."""

import re

import pytest

from essaim.lib.french_themes import Passage, ProposedTheme, extract_themes, lemmas
from essaim.lib.french_themes.words import STOP_WORDS

QUOTES = {
    "ingénierie": [
        "Sans ingénierie territoriale, les petites communes ne peuvent pas monter leurs dossiers "
        "de subvention.",
        "Le technicien partagé entre nos communautés de communes nous a sauvé la mise sur les "
        "marchés publics.",
        "On manque d'ingénierie : nos secrétaires de mairie font tout, et les appels à projets "
        "demandent des compétences qu'on n'a pas.",
        "Mutualiser des techniciens entre plusieurs communes, c'est la seule façon d'avoir de "
        "l'ingénierie de projet à la campagne.",
        "L'ingénierie départementale nous accompagne pour les études techniques, mais les délais "
        "sont longs.",
        "Les techniciens partagés connaissent le terrain et montent les dossiers techniques avec "
        "les maires.",
        "Le poste de technicienne partagée a été financé pour trois ans ; après, on ne sait pas "
        "qui paiera l'ingénierie.",
    ],
    "coopération": [
        "La coopération entre intercommunalités reste fragile : chacune défend son territoire.",
        "Nos deux intercommunalités ont signé une convention de coopération pour la mobilité.",
        "Le pôle territorial permet aux intercommunalités de coopérer sur le tourisme et "
        "l'économie.",
        "On coopère avec l'intercommunalité voisine pour instruire les permis de construire.",
        "Les présidents des intercommunalités se rencontrent chaque trimestre pour piloter la "
        "coopération.",
        "La coopération intercommunale a besoin d'un projet commun, pas seulement de conventions "
        "signées.",
        "Quand deux intercommunalités coopèrent, elles partagent aussi les risques et les "
        "résultats.",
    ],
    "participation": [
        "Le conseil de développement a organisé des ateliers ouverts à tous les habitants.",
        "La participation des habitants ne se décrète pas : il faut aller les chercher au "
        "marché, à la sortie de l'école.",
        "Les habitants ont participé aux ateliers sur le projet de territoire et leurs "
        "propositions ont été reprises.",
        "Notre conseil de développement manque de jeunes ; ce sont toujours les mêmes retraités "
        "qui participent.",
        "Les réunions publiques attirent peu de monde, la participation des habitants reste "
        "faible.",
        "Les membres du conseil de développement rendent un avis sur chaque projet structurant.",
        "Un budget participatif a permis aux habitants de proposer et de voter leurs propres "
        "projets.",
    ],
    "énergie": [
        "La transition énergétique passe d'abord par la rénovation des bâtiments communaux.",
        "Les centrales villageoises installent des panneaux photovoltaïques sur les toits des "
        "écoles.",
        "Notre plan climat fixe des objectifs de rénovation énergétique des logements.",
        "Le conseiller en énergie aide les communes à réduire leurs consommations d'énergie.",
        "Les projets d'énergie renouvelable citoyens se multiplient : éolien, solaire, "
        "méthanisation.",
        "La transition énergétique coûte cher, il faut des aides pour rénover les écoles et les "
        "salles des fêtes.",
        "Nous avons lancé un réseau de chaleur au bois pour chauffer la mairie et l'école : la "
        "transition énergétique, concrètement.",
    ],
}
# The lemmas by which each known theme is recognised in a label or a key phrase.
EXPECTED = {
    "ingénierie": {"ingénierie", "technicien"},
    "coopération": {"coopération", "intercommunalité"},
    "participation": {"participation", "habitant", "conseil"},
    "énergie": {"énergétique", "énergie"},
}
WORD = re.compile(r"\w+['’]?")


def quotes(**weights: float) -> list[Passage]:
    return [
        Passage(("quote", theme, number), text, weights.get(f"{theme}_{number}", 1.0))
        for theme, texts in QUOTES.items()
        for number, text in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def themes() -> list[ProposedTheme]:
    return extract_themes(quotes())


def phrase_lemmas(theme: ProposedTheme) -> set[str]:
    return {lemma for phrase in theme.key_phrases for lemma in lemmas(phrase)}


def themes_of(themes: list[ProposedTheme], known: str) -> list[ProposedTheme]:
    """The proposed themes whose label names the known theme."""
    return [theme for theme in themes if set(lemmas(theme.label)) & EXPECTED[known]]


def test_it_lemmatises_plurals_feminines_and_verb_forms_as_one():
    assert lemmas("intercommunalités") == lemmas("L'intercommunalité") == ["intercommunalité"]
    assert lemmas("Les techniciennes partagées") == lemmas("le technicien partagé")
    assert lemmas("les habitantes et les habitants") == ["habitant", "habitant"]
    assert lemmas("elles coopèrent") == lemmas("nous coopérons") == ["coopérer"]
    assert lemmas("la rénovation énergétique des bâtiments") == [
        "rénovation",
        "énergétique",
        "bâtiment",
    ]


def test_lemmas_leave_out_stop_words_numbers_and_fillers():
    text = "Euh, c'est-à-dire qu'on a 12 techniciens pour 3 000 habitants, vraiment, hein."
    assert lemmas(text) == ["technicien", "habitant"]
    assert lemmas("") == []
    assert lemmas("Oui, voilà, c'est ça.") == []


def test_it_finds_each_known_theme_with_its_quotes(themes):
    for known, expected in EXPECTED.items():
        found = [theme for theme in themes if phrase_lemmas(theme) & expected]
        assert found, f"« {known} » is not found in {[theme.label for theme in themes]}"
        named = themes_of(themes, known)
        assert named, f"no label names « {known} »: {[theme.label for theme in themes]}"
        supported = {s.key for theme in named for s in theme.supports if s.key[1] == known}
        assert len(supported) >= 4, f"« {known} »: {len(supported)} of its 7 quotes"


def test_the_supports_of_a_theme_are_mostly_its_own_quotes(themes):
    for known in EXPECTED:
        for theme in themes_of(themes, known):
            keys = [support.key for support in theme.supports]
            own = [key for key in keys if key[1] == known]
            assert keys[0][1] == known, (theme.label, keys)
            assert len(own) > len(keys) / 2, (theme.label, keys)


def test_supports_are_best_first_with_their_excerpt_as_written(themes):
    texts = {passage.key: passage.text for passage in quotes()}
    for theme in themes:
        scores = [support.score for support in theme.supports]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] == 1.0
        assert all(0 < score <= 1 for score in scores)
        for support in theme.supports:
            assert support.excerpt and support.excerpt in texts[support.key]
            assert len(support.excerpt) <= 300


def test_labels_and_key_phrases_keep_the_written_form_with_accents(themes):
    corpus = " ".join(text for texts in QUOTES.values() for text in texts).lower()
    labels = [theme.label for theme in themes]
    assert "transition énergétique" in labels
    for theme in themes:
        assert 3 <= len(theme.key_phrases) <= 8
        assert theme.key_phrases[0] == theme.label
        for phrase in theme.key_phrases:
            assert phrase.lower() in corpus, phrase
    phrases = {phrase for theme in themes for phrase in theme.key_phrases}
    assert "ingénierie" in phrases
    assert "ingenierie" not in phrases


def test_inflected_forms_are_one_phrase_shown_as_most_often_written(themes):
    # « intercommunalités » is written five times, « intercommunalité » once.
    phrases = [phrase for theme in themes for phrase in theme.key_phrases]
    assert "intercommunalités" in phrases
    assert "intercommunalité" not in phrases
    for theme in themes:
        lemmatised = [tuple(lemmas(phrase)) for phrase in theme.key_phrases]
        assert len(set(lemmatised)) == len(lemmatised), theme.key_phrases


def test_key_phrases_never_start_or_end_with_a_stop_word(themes):
    notes = [
        Passage(number, f"{text} Mais bon, vous savez, c'est comme ça, on fait avec.")
        for number, text in enumerate(text for texts in QUOTES.values() for text in texts)
    ]
    found = [*themes, *extract_themes(notes)]
    phrases = [phrase for theme in found for phrase in theme.key_phrases]
    assert len(phrases) >= 30
    for phrase in phrases:
        words = WORD.findall(phrase.lower())
        assert 1 <= len(words) <= 3, phrase
        assert words[0] not in STOP_WORDS and words[-1] not in STOP_WORDS, phrase
        assert not words[0].endswith("'") and not words[-1].endswith("'"), phrase


def test_themes_are_heaviest_first_with_distinct_labels(themes):
    assert 3 <= len(themes) <= 6  # 28 quotes: about five themes, not twelve
    weights = [theme.weight for theme in themes]
    assert weights == sorted(weights, reverse=True)
    assert sum(weights) == pytest.approx(1, abs=0.01)
    assert all(0 < weight <= 1 for weight in weights)
    assert sum(theme.passages for theme in themes) == 28
    assert len({theme.label.lower() for theme in themes}) == len(themes)


def test_themes_of_the_same_label_are_merged():
    # 36 notes made of three sentences: six themes are sought, which come out under three
    # labels; each label is one theme.
    sentences = [
        "Le technicien partagé monte les dossiers de subvention.",
        "Les techniciens partagés aident les petites communes.",
        "Le technicien partagé connaît bien le terrain.",
    ]
    notes = [Passage(n, f"{sentences[n % 3]} {sentences[(n + n // 3) % 3]}") for n in range(36)]
    found = extract_themes(notes)
    assert sorted(t.label for t in found) == [
        "dossiers de subvention",
        "petites communes",
        "terrain",
    ]
    assert sum(theme.weight for theme in found) == pytest.approx(1, abs=0.01)
    assert sum(theme.passages for theme in found) == 36


def test_passages_that_all_say_the_same_make_one_theme():
    (theme,) = extract_themes(
        [Passage(n, "Le technicien partagé monte les dossiers.") for n in range(9)]
    )
    assert theme.label == "technicien partagé"
    assert theme.weight == 1
    assert len(theme.supports) == 8

    # From ten passages on, a phrase in most of them is not telling, unless it is all there is.
    found = extract_themes(
        [Passage(n, "Le technicien partagé monte les dossiers.") for n in range(36)]
    )
    assert [theme.label for theme in found] == ["technicien partagé"]


def test_it_is_deterministic(themes):
    assert extract_themes(quotes()) == themes
    assert extract_themes(list(reversed(quotes()))) == extract_themes(list(reversed(quotes())))


def test_a_key_quote_that_weighs_more_comes_first():
    plain = extract_themes(quotes())
    weighed = extract_themes(quotes(énergie_2=4.0))
    key = ("quote", "énergie", 2)
    (before,) = [t for t in plain if key in [s.key for s in t.supports]]
    (after,) = [t for t in weighed if key in [s.key for s in t.supports]]
    assert before.supports[0].key != key
    assert after.supports[0].key == key


def test_limits_are_respected():
    found = extract_themes(quotes(), max_themes=2, max_supports=3)
    assert 1 <= len(found) <= 2
    assert all(1 <= len(theme.supports) <= 3 for theme in found)


def test_no_usable_passage_gives_no_theme():
    assert extract_themes([]) == []
    unusable = [Passage(1, ""), Passage(2, "   "), Passage(3, "Oui."), Passage(4, "Euh… voilà.")]
    assert extract_themes(unusable) == []
    assert extract_themes([Passage(5, QUOTES["énergie"][0], weight=0)]) == []


def test_one_or_two_passages_give_a_theme():
    (one,) = extract_themes([Passage("a", QUOTES["ingénierie"][5])])
    assert one.label == "techniciens partagés"
    assert [support.key for support in one.supports] == ["a"]
    assert one.supports[0].excerpt == QUOTES["ingénierie"][5]
    assert one.weight == 1

    two = extract_themes(
        [Passage("a", QUOTES["ingénierie"][5]), Passage("b", QUOTES["énergie"][2])]
    )
    assert 1 <= len(two) <= 2
    assert {support.key for theme in two for support in theme.supports} == {"a", "b"}


def test_short_passages_are_ignored_among_the_others():
    found = extract_themes([*quotes(), Passage("court", "Ingénierie !"), Passage("vide", "")])
    keys = {support.key for theme in found for support in theme.supports}
    assert "court" not in keys and "vide" not in keys
    assert sum(theme.passages for theme in found) == 28


def test_the_excerpt_is_the_sentence_that_carries_the_theme():
    note = (
        "Nous avons d'abord parlé du calendrier des vacances scolaires et de la cantine. "
        "Le conseil de développement réunit les habitants chaque mois. "
        "Puis la discussion a dérivé sur le stationnement devant la salle polyvalente, "
        "que personne ne sait régler depuis des années."
    )
    found = extract_themes([*quotes(), Passage("note", note)])
    (support,) = [s for theme in found for s in theme.supports if s.key == "note"]
    assert support.excerpt == "Le conseil de développement réunit les habitants chaque mois."


def test_a_long_sentence_is_cut_at_a_word():
    long = "La participation des habitants " + "au projet de territoire " * 30 + "reste faible."
    found = extract_themes([*quotes(), Passage("long", long)])
    (support,) = [s for theme in found for s in theme.supports if s.key == "long"]
    assert 250 <= len(support.excerpt) <= 300
    assert support.excerpt.endswith("…")
    assert long.startswith(support.excerpt[:-1])
    assert long[len(support.excerpt) - 1] == " "  # cut between two words


def test_progress_is_told_in_a_few_steps_up_to_the_total():
    calls: list[tuple[int, int]] = []
    passages = [
        Passage((copy, passage.key), passage.text) for copy in range(16) for passage in quotes()
    ]
    extract_themes(passages, progress=lambda done, total: calls.append((done, total)))
    # 448 passages: three batches read, then vectorising, clustering, supports.
    assert calls == [(done, 6) for done in range(1, 7)]

    calls.clear()
    extract_themes([], progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
