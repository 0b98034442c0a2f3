"""Time the « expériences similaires » of a library of sheets (``essaim.lib.similar_texts``)
against a floor.

    .venv/bin/python bench/similar_texts.py [--sizes 1000 10000] [--full] [--seed 7]
        [--no-refresh] [--check]

For each size, a synthetic but French-looking library (seeded random): each sheet of 40 to 120
words mostly about one of the six themes of ``bench/theme_extraction.py``, partly about a
second, with one or two of them as its themes and a kind of territory. It prints, for the floor
— a plain scikit-learn ``TfidfVectorizer`` fit on the raw texts (no lemmas, no neighbours) — and
for ``similar`` (5 neighbours each): the time, the peak of Python and NumPy allocations
(tracemalloc, measured in a second run since tracing slows Python code down), the process's
peak resident memory so far (``ru_maxrss``), the ratio to the floor, and the share of sheets
whose first neighbour has the same main theme. ``--full`` adds 100,000 sheets (about 5 minutes
per run on 2 CPUs, twice with the traced run: the time grows as n²). No Django, no database.

Then, unless ``--no-refresh``, what the background task does when one sheet changes in a
library that large (``refreshed``): the sheet in the middle rewritten on another theme, the
library weighed again (``Index``), that sheet's row against all, the lists it enters or leaves;
and one experiment asked against the whole library (``Index.nearest_to``). Each with its time
and allocation peak, and how many lists changed. ``--check`` also computes the whole library
again after the change and counts the lists that differ from the refreshed ones (their keys:
the scores of pairs left alone keep the weights of their time).
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sklearn.feature_extraction.text import TfidfVectorizer
from theme_extraction import FILLERS, THEMES, measure, resident_mib, sentence

from essaim.lib.similar_texts import Document, Index, refreshed, similar

KINDS = ["commune", "epci", "pnr", "pays", "département"]
TITLES = ["Retour d'expérience :", "Fiche :", "Expérimentation :", "Essaimage :"]


def make_sheets(count: int, seed: int) -> tuple[list[Document], list[str]]:
    """The sheets and the main theme of each."""
    rng = random.Random(seed)
    names = list(THEMES)
    sheets, mains = [], []
    for number in range(count):
        main, other = rng.sample(names, 2)
        target = rng.randint(40, 120)
        parts = [f"{rng.choice(TITLES)} {sentence(rng, main)}"]
        words = len(parts[0].split())
        while words < target:
            draw = rng.random()
            text = (
                sentence(rng, main)
                if draw < 0.65
                else sentence(rng, other)
                if draw < 0.9
                else rng.choice(FILLERS)
            )
            parts.append(text)
            words += len(text.split())
        themes = frozenset({main, other} if rng.random() < 0.4 else {main})
        sheets.append(Document(number, " ".join(parts), themes, rng.choice(KINDS)))
        mains.append(main)
    return sheets, mains


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--full", action="store_true", help="adds 100,000 sheets")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-refresh", action="store_true", help="the full computation only")
    parser.add_argument("--check", action="store_true", help="compare with a full computation")
    options = parser.parse_args()
    sizes = [*options.sizes, *([100_000] if options.full else [])]

    similar(make_sheets(30, options.seed)[0])  # loads simplemma's dictionary once
    print(f"resident memory once the libraries are loaded: {resident_mib():.0f} MiB\n")
    print(
        "| sheets | words | floor: time / peak | similar: time / peak | ratio "
        "| maxrss so far | first neighbour on the same main theme |"
    )
    print("|---|---|---|---|---|---|---|")
    refreshes: list[str] = []
    for size in sizes:
        sheets, mains = make_sheets(size, options.seed)
        words = sum(len(sheet.text.split()) for sheet in sheets)
        texts = [sheet.text for sheet in sheets]
        floor_time, floor_peak, _ = measure(lambda t=texts: TfidfVectorizer().fit_transform(t))
        elapsed, peak, found = measure(lambda s=sheets: similar(s))
        same = sum(
            bool(neighbours) and mains[neighbours[0].key] == mains[key]
            for key, neighbours in found.items()
        )
        print(
            f"| {size:,} | {words:,} | {floor_time:.2f} s / {floor_peak / 2**20:.0f} MiB "
            f"| {elapsed:.2f} s / {peak / 2**20:.0f} MiB | × {elapsed / floor_time:.1f} "
            f"| {resident_mib():.0f} MiB | {same / size:.0%} |",
            flush=True,
        )
        if not options.no_refresh:
            refreshes.append(measure_refresh(sheets, found, options.check))
    if refreshes:
        print(
            "\n| sheets | one sheet changed: time / peak | lists changed "
            "| one experiment asked: time / peak | differing from a full computation |"
        )
        print("|---|---|---|---|---|")
        for row in refreshes:
            print(row, flush=True)


def measure_refresh(sheets: list[Document], found: dict, check: bool) -> str:
    """One sheet rewritten on another theme: the lists that change, found by ``refreshed``."""
    middle = sheets[len(sheets) // 2]
    edited = Document(
        middle.key,
        " ".join(sentence(random.Random(1), "mobilité") for _ in range(6)),
        frozenset({"mobilité"}),
        middle.territory_kind,
    )
    library = [edited if sheet.key == middle.key else sheet for sheet in sheets]
    floors = {key: ns[-1].score for key, ns in found.items() if len(ns) == 5}
    holders = [key for key, ns in found.items() if any(n.key == middle.key for n in ns)]

    def run() -> dict:
        index = Index(library)
        return refreshed(
            index,
            [middle.key],
            floors=floors,
            holders=holders,
            lists=lambda keys: {key: found[key] for key in keys},
        )

    elapsed, peak, changed = measure(run)
    experiment = Document("expérimentation", edited.text, frozenset({"mobilité"}))
    ask_time, ask_peak, _ = measure(lambda: Index(library).nearest_to([experiment]))
    differing = "not checked"
    if check:
        full = similar(library)
        merged = {**found, **changed}
        keys = [key for key in full if [n.key for n in full[key]] != [n.key for n in merged[key]]]
        gap = max(
            (
                abs(a.score - b.score)
                for key in keys
                for a, b in zip(full[key], merged[key], strict=False)
            ),
            default=0,
        )
        differing = f"{len(keys)} of {len(full):,} (scores within {gap:.4f})"
    return (
        f"| {len(sheets):,} | {elapsed:.2f} s / {peak / 2**20:.0f} MiB | {len(changed)} "
        f"| {ask_time:.2f} s / {ask_peak / 2**20:.0f} MiB | {differing} |"
    )


if __name__ == "__main__":
    main()
