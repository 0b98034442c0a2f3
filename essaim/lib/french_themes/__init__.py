"""Themes proposed from French interview notes and key quotes, each with the passages that
support it, for a team to accept, rename or merge (Django-free).

How: each passage is cut into words (:mod:`.words`), each word lemmatised with simplemma,
whose French dictionary ships in the package, so that « intercommunalités » and
« intercommunalité », or « coopèrent » and « coopérons », count as one. The phrases of one to
three words that neither start nor end with a stop word (« ingénierie », « techniciens
partagés », « participation des habitants ») fill a sparse passage × phrase matrix of capped
vocabulary, which scikit-learn weighs by TF-IDF (:mod:`.corpus`) and factorises by NMF, with a
fixed ``random_state``, into about the square root of the number of passages themes
(:mod:`.themes`). A theme is shown by its phrases as most often written in the corpus; its
supports are the passages that load most on it, each cut to the sentences that carry it; its
weight is its share of the corpus. Stop words come from the ``stopwordsiso`` package (why:
:mod:`.words`). Nothing is fetched at run time.

Importing this package loads scikit-learn and SciPy (about a second): import it from the task
that proposes the themes, not from a view or a model.
"""

from essaim.lib.french_themes.corpus import Passage
from essaim.lib.french_themes.themes import ProposedTheme, Support, extract_themes
from essaim.lib.french_themes.words import lemmas

__all__ = ["Passage", "ProposedTheme", "Support", "extract_themes", "lemmas"]
