"""French words: tokens, stop words, lemmas (simplemma), and the integer ids of one corpus.

Stop words: the French list of stopwords-iso, shipped by the ``stopwordsiso`` package (MIT,
maintained, its data inside the wheel, nothing fetched). It is the broadest of the packaged
French lists (about 690 words) and has the fillers of spoken French that interview notes carry
(« euh », « bah », « hein ») and the common adverbs, which the Snowball list (about 150 words)
lacks. ``EXTRA_STOP_WORDS`` adds the lemmas of frequent verbs (the list has some of their
inflected forms only) and the vague words of an interview.
"""

import re
from functools import lru_cache

import simplemma
import stopwordsiso

__all__ = ["STOP_WORDS", "Lexicon", "classify", "lemmas", "sentences"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


EXTRA_STOP_WORDS = _word_set(
    "aller année an avoir chose croire côté devoir dire donner exemple falloir faire fois "
    "genre jour mettre moment mois ouais oui parler partie passer penser pouvoir prendre "
    "savoir sembler trouver truc venir voir vouloir vraiment"
)
STOP_WORDS = frozenset(stopwordsiso.stopwords("fr")) | EXTRA_STOP_WORDS

# The words that may join the two content words of a three-word phrase (« conseil de
# développement », « accès aux soins »), each written as one lemma.
LINKERS = {"de": "de", "du": "de", "des": "de", "d'": "de", "d’": "de"}
LINKERS |= {"à": "à", "au": "à", "aux": "à"}

# Without tagging parts of speech, the words around a word tell that it is a verb, which
# would join a subject to its object in a phrase (« le technicien monte les dossiers »): no
# phrase of several words ends before a determiner nor starts after a subject pronoun.
DETERMINERS = _word_set(
    "l' l’ le la les un une ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos "
    "leur leurs"
)
SUBJECTS = _word_set("j' j’ je tu il elle on nous vous ils elles qui n' n’ ne")

# Kinds of token. A VERB (a conjugated form: « coopèrent », « rénove ») is a theme word alone
# but never part of a longer phrase. DETERMINER and SUBJECT are stop words too.
CONTENT, VERB, LINKER, STOP, BREAK, DETERMINER, SUBJECT = range(7)

TOKEN = re.compile(
    r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=[^\W\d_])"  # l', d', qu'…
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"  # words, hyphenated or with an apostrophe inside
    r"|\d+(?:[.,]\d+)*"
    r"|[^\w\s]",  # punctuation: no phrase crosses it
    re.IGNORECASE,
)
# « pense-t-on », « faut-il »: the verb is what counts.
_CLITIC = re.compile(r"(?:-t)?-(?:je|tu|il|elle|on|nous|vous|ils|elles|ce|là|ci)$", re.IGNORECASE)
_LINE = re.compile(r"\s*\n\s*")


@lru_cache(maxsize=1 << 16)
def classify(token: str) -> tuple[str, int]:
    """The lower-case lemma of ``token`` (a match of ``TOKEN``) and its kind: CONTENT, VERB,
    LINKER, STOP, BREAK, DETERMINER or SUBJECT."""
    lower = token.lower()
    if lower in LINKERS:
        return LINKERS[lower], LINKER
    if lower in DETERMINERS:
        return lower, DETERMINER
    if lower in SUBJECTS:
        return lower, SUBJECT
    if not lower[0].isalnum():
        return "", BREAK
    if lower[-1] in "'’" or lower[0].isdigit():  # an elided pronoun or conjunction, a number
        return lower, STOP
    word = _CLITIC.sub("", lower) or lower
    if len(word) < 2 or word in STOP_WORDS or all(p in STOP_WORDS for p in word.split("-")):
        return word, STOP
    lemma = simplemma.lemmatize(word, "fr").lower()
    if lemma in STOP_WORDS or len(lemma) < 2:
        return lemma, STOP
    return lemma, VERB if _is_conjugated(word, lemma) else CONTENT


def _is_conjugated(word: str, lemma: str) -> bool:
    """Whether ``word`` is a conjugated form of the verb ``lemma``; a participle is not, since
    it qualifies a noun as an adjective would (« compétences transférées »)."""
    if not lemma.endswith(("er", "ir", "re")) or word in (lemma, lemma + "s", lemma + "x"):
        return False
    feminine = word.rstrip("s") == lemma[:-2] + "ère"  # « infirmière », « conseillère »
    return not feminine and not word.endswith(("é", "ée", "és", "ées"))


def lemmas(text: str) -> list[str]:
    """The lower-case lemmas of the content words of ``text``, in order (no stop words, no
    numbers).

    >>> lemmas("Les intercommunalités coopèrent avec 12 techniciens partagés.")
    ['intercommunalité', 'coopérer', 'technicien', 'partagé']
    """
    found = (classify(token) for token in TOKEN.findall(text))
    return [lemma for lemma, kind in found if kind in (CONTENT, VERB)]


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, a line break ending one too (notes are often lists)."""
    return [
        sentence
        for line in _LINE.split(text.strip())
        for sentence in simplemma.split_sentences(line, "fr")
    ]


class Lexicon:
    """The integer ids of the lemmas and written forms met in one corpus."""

    def __init__(self) -> None:
        self.lemma_ids: dict[str, int] = {}
        self.forms: dict[str, int] = {}
        self.verbs: set[int] = set()  # lemmas met as a conjugated verb
        self.linkers: set[int] = set()
        self._tokens: dict[str, tuple[int, int, int]] = {}

    def encode(self, text: str, *, add: bool = True) -> tuple[list[int], list[int], list[int]]:
        """The lemma id, kind and form id of each token of ``text``, then a break (id -1).
        With ``add`` false, nothing is added: a lemma never met is a stop word, a form -1."""
        lemma_ids, kinds, forms = [], [], []
        for token in TOKEN.findall(text):
            entry = self._tokens.get(token) or self._entry(token, add)
            lemma_ids.append(entry[0])
            kinds.append(entry[1])
            forms.append(entry[2])
        lemma_ids.append(-1)
        kinds.append(BREAK)
        forms.append(-1)
        return lemma_ids, kinds, forms

    def _entry(self, token: str, add: bool) -> tuple[int, int, int]:
        lemma, kind = classify(token)
        lemma_id = -1
        if kind in (CONTENT, VERB, LINKER):
            lemma_id = self.lemma_ids.get(lemma, -1)
            if lemma_id < 0 and add:
                lemma_id = self.lemma_ids[lemma] = len(self.lemma_ids)
            if lemma_id < 0:
                kind = STOP
            elif kind == VERB:
                self.verbs.add(lemma_id)
            elif kind == LINKER:
                self.linkers.add(lemma_id)
        if not add:
            return lemma_id, kind, -1
        entry = self._tokens[token] = (
            lemma_id,
            kind,
            self.forms.setdefault(token, len(self.forms)),
        )
        return entry
