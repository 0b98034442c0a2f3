"""Time the themes proposed from interview notes (``essaim.lib.french_themes``) against a floor.

    .venv/bin/python bench/theme_extraction.py [--sizes 200 10000] [--seed 7]

For each size, a synthetic but French-looking corpus of notes of 80 to 150 words (seeded
random): each note mostly about one of six themes, partly about a second, with the fillers of
spoken French between. It prints, for the floor — a plain scikit-learn ``TfidfVectorizer`` fit on
the raw texts (no lemmatisation, no clustering) — and for ``extract_themes``: the time, the peak
of Python and NumPy allocations (tracemalloc, measured in a second run since tracing slows
Python code down), the number of themes, and the ratio of the extraction to the floor. The
process's peak resident memory (``ru_maxrss``) closes the run. No Django, no database.
"""

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.feature_extraction.text import TfidfVectorizer

from essaim.lib.french_themes import Passage, extract_themes

# Each theme: subjects, verbs (already conjugated) and objects, with their plurals and
# inflections, so that lemmatisation has something to merge.
THEMES = {
    "ingénierie": (
        ["le technicien partagé", "les techniciens partagés", "la chargée de mission",
         "notre secrétaire de mairie", "le bureau d'études", "l'ingénierie départementale"],
        ["monte", "montent", "accompagne", "accompagnent", "prépare", "instruisent"],
        ["les dossiers de subvention", "un dossier de subvention", "les marchés publics",
         "l'ingénierie territoriale", "les appels à projets", "un appel à projets",
         "les études techniques"],
    ),
    "coopération": (
        ["les intercommunalités", "notre intercommunalité", "les présidents d'EPCI",
         "le pôle d'équilibre territorial", "les communautés de communes"],
        ["coopèrent", "coopère", "signent", "négocient", "mutualisent"],
        ["une convention de coopération", "la coopération intercommunale",
         "les compétences transférées", "le schéma de mutualisation",
         "les coopérations entre territoires"],
    ),
    "participation": (
        ["les habitants", "le conseil de développement", "les membres du conseil",
         "une habitante", "les jeunes du village"],
        ["participent", "participe", "proposent", "débattent", "votent"],
        ["la participation des habitants", "les ateliers participatifs", "un budget participatif",
         "les réunions publiques", "un avis du conseil de développement"],
    ),
    "énergie": (
        ["la commune", "les centrales villageoises", "le conseiller en énergie",
         "le syndicat d'énergie", "les élus"],
        ["rénove", "rénovent", "installe", "installent", "financent"],
        ["la transition énergétique", "la rénovation énergétique des bâtiments",
         "des panneaux photovoltaïques", "un réseau de chaleur au bois",
         "les énergies renouvelables"],
    ),
    "mobilité": (
        ["le transport à la demande", "les navettes", "la région", "les covoitureurs",
         "l'autorité organisatrice"],
        ["dessert", "desservent", "relie", "relient", "organise"],
        ["les gares du territoire", "les lignes de car", "le covoiturage quotidien",
         "les pistes cyclables", "la mobilité solidaire"],
    ),
    "santé": (
        ["la maison de santé", "les médecins généralistes", "l'infirmière libérale",
         "le centre de santé", "les professionnels de santé"],
        ["accueille", "accueillent", "recrutent", "soignent", "coordonnent"],
        ["les patients sans médecin traitant", "la télémédecine", "les internes en médecine",
         "les consultations avancées", "le contrat local de santé"],
    ),
}  # fmt: skip
LINKS = ["pour", "avec", "depuis deux ans pour", "grâce à", "malgré", "autour de"]
FILLERS = [
    "Euh, c'est compliqué, vraiment.",
    "On en parle souvent, mais bon, ça avance doucement.",
    "Il faut voir avec le temps, on verra bien.",
    "Honnêtement, je ne sais pas trop quoi vous dire là-dessus.",
    "C'est-à-dire que tout le monde n'est pas d'accord, hein.",
    "Bref, on fait comme on peut avec ce qu'on a.",
]


def sentence(rng: random.Random, theme: str) -> str:
    subjects, verbs, objects = THEMES[theme]
    text = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}"
    if rng.random() < 0.6:
        text += f" {rng.choice(LINKS)} {rng.choice(objects)}"
    return text[0].upper() + text[1:] + "."


def make_notes(count: int, seed: int) -> list[Passage]:
    rng = random.Random(seed)
    names = list(THEMES)
    notes = []
    for number in range(count):
        main, other = rng.sample(names, 2)
        target = rng.randint(80, 150)
        sentences: list[str] = []
        words = 0
        while words < target:
            draw = rng.random()
            text = (
                sentence(rng, main)
                if draw < 0.6
                else sentence(rng, other)
                if draw < 0.85
                else rng.choice(FILLERS)
            )
            sentences.append(text)
            words += len(text.split())
        notes.append(Passage(("note", number), " ".join(sentences), 2.0 if number % 10 else 1.0))
    return notes


def measure(run: Callable[[], object]) -> tuple[float, int, object]:
    """Seconds of one run, then the allocation peak of a second, traced run."""
    started = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 10_000])
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()

    started = resident_mib()
    extract_themes(make_notes(30, options.seed))  # loads simplemma's dictionary once
    print(f"resident memory once the libraries are loaded: {resident_mib():.0f} MiB "
          f"({started:.0f} MiB before simplemma's dictionary)\n")  # fmt: skip
    print("| notes | words | floor: time / peak | themes: time / peak | ratio | themes | steps |")
    print("|---|---|---|---|---|---|---|")
    for size in options.sizes:
        notes = make_notes(size, options.seed)
        words = sum(len(note.text.split()) for note in notes)
        texts = [note.text for note in notes]
        floor_time, floor_peak, _ = measure(lambda t=texts: TfidfVectorizer().fit_transform(t))
        calls: list[tuple[int, int]] = []

        def run(notes=notes, calls=calls):
            calls.clear()
            return extract_themes(notes, progress=lambda done, total: calls.append((done, total)))

        elapsed, peak, themes = measure(run)
        print(
            f"| {size:,} | {words:,} | {floor_time:.2f} s / {floor_peak / 2**20:.0f} MiB "
            f"| {elapsed:.2f} s / {peak / 2**20:.0f} MiB | × {elapsed / floor_time:.1f} "
            f"| {len(themes)} | {len(calls)} |"
        )
        for theme in themes:
            phrases = ", ".join(theme.key_phrases[1:4])
            print(f"  - {theme.label} ({theme.weight:.0%}, {theme.passages} notes): {phrases}")
    print(f"\npeak resident memory of the process (ru_maxrss): {resident_mib():.0f} MiB")


def resident_mib() -> float:
    """The peak resident memory of the process so far (kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
