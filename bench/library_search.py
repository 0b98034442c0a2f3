"""Time the search of the library (``/experiences/``) over 100,000 published sheets, against a
LIKE scan of the same text in the same run.

    .venv/bin/python bench/library_search.py [--sheets 100000] [--repeat 5] [--seed 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/essaim_bench .venv/bin/python \\
        bench/library_search.py

The sheets are French-looking (seeded): their words are drawn from a vocabulary of real words
of local development (those of ``bench/theme_extraction.py``, with the nouns in -age and their
verbs) and rarer made-up names, with Zipf-like frequencies (the n-th word drawn in proportion to
1/n); each has one or two themes, up to two publics, a département (and its région), a kind of
territory, a stage, a strategy and years. The sheets, their themes and publics and their index
entries are written with ``bulk_create`` (the index words computed once per distinct word, as
``lib/search_terms.index_words`` would for the whole text), then ``ANALYZE`` (run again with
``--reuse``, after the migrations).

What is timed is what the page asks of the database and of Python before rendering
(``services.catalogue.browse`` and the snippets of the page): the first page of results, every
facet count, the counts of the map. For each query of the mix (one or two words, common and
rare, with and without filters), ``repeat`` times, with the index (``search``) and with a LIKE
scan (``icontains`` on the title and the six text columns, every word in one of them) put in its
place; it prints the p50 and p95 of each, and their ratio. Targets: p95 ≤ 30 ms, and ≤ 1/20 of
the LIKE scan's. The LIKE scan takes the place of the full-text query only
(``catalogue.matching_entries``): the facets are counted the same way for both.

Before the queries it reads the facet index of the process (``services/facet_index.py``) once
more and prints the time and the memory it takes (its arrays, and the peak of allocations while
it is read, ``tracemalloc``); the queries then use the kept index, as a process in service does
between two changes of the sheets.
"""

import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

harness.configure("library_search")

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from theme_extraction import FILLERS, THEMES  # noqa: E402

from essaim.core.models import SearchEntry  # noqa: E402
from essaim.core.search import Matches  # noqa: E402
from essaim.experiments.models.stages import Stage  # noqa: E402
from essaim.lib.search_terms import index_words  # noqa: E402
from essaim.lib.svg_france_map import DEPARTEMENT_NAMES  # noqa: E402
from essaim.lib.text import search_words  # noqa: E402
from essaim.library.models import ExperienceSheet, Public, Setting  # noqa: E402
from essaim.library.search import BODY_FIELDS  # noqa: E402
from essaim.library.services import catalogue, facet_index  # noqa: E402
from essaim.library.services.filters import SheetFilters  # noqa: E402
from essaim.library.services.snippets import sheet_snippets  # noqa: E402
from essaim.scaling.models.strategy import StrategyKind  # noqa: E402
from essaim.territories.models import Departement, Region  # noqa: E402
from essaim.themes.models import Theme  # noqa: E402

BATCH = 2_000
EXTRA_WORDS = str.split(
    "covoiturage covoiturer autopartage bricolage recyclage compostage jardinage maraîchage "
    "équipement équipements mobilité mobilités épicerie solidaire tiers-lieu ressourcerie "
    "navette autostop organisé jeunes habitants agriculteurs circuits courts cantine "
    "chaufferie bois énergie centrale villageoise médiathèque numérique fablab santé "
    "maison médicale permanence mutualisation emploi insertion"
)
# Queries of the mix: words typed, filters.
QUERIES = [
    ("mobilité", {}),
    ("covoiturage", {}),
    ("covoiturer", {}),
    ("equipement", {}),
    ("épicerie solidaire", {}),
    ("jeunes", {"theme": "mobilite"}),
    ("centrale villageoise", {}),
    ("autostop organisé", {}),
    ("zorblanc", {}),  # a rare made-up name
    ("tiers-lieu", {"departement": "07"}),
    ("", {}),
    ("", {"departement": "69", "setting": "rural"}),
    ("habitants", {"year": "2020"}),
    ("projet", {}),
]


def vocabulary(rng: random.Random) -> list[str]:
    """Real words first (the commonest), then made-up names (the rarest)."""
    words: list[str] = []
    for subjects, verbs, objects in THEMES.values():
        for phrase in [*subjects, *verbs, *objects]:
            words += phrase.replace("'", " ").split()
    for filler in FILLERS:
        words += filler.replace("'", " ").replace(",", " ").replace(".", " ").split()
    words += EXTRA_WORDS
    unique = list(dict.fromkeys(word.lower() for word in words if len(word) > 1))
    rng.shuffle(unique)
    syllables = ["bla", "zor", "mi", "tan", "quel", "vor", "nic", "pes", "lu", "gar", "blanc"]
    names = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(20_000)
    }
    return unique + sorted(names)


def generate(count: int, seed: int) -> None:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    forms = {word: index_words(word) for word in words}  # what the index stores, per word

    regions = Region.objects.bulk_create(
        [Region(code=f"{number:02d}", name=f"Région {number}") for number in range(1, 14)]
    )
    departements = Departement.objects.bulk_create(
        [
            Departement(code=code, name=name, region=regions[index % len(regions)])
            for index, (code, name) in enumerate(DEPARTEMENT_NAMES.items())
        ]
    )
    themes = list(Theme.objects.all())
    publics = list(Public.objects.all())
    content_type = ContentType.objects.get_for_model(ExperienceSheet)
    now = timezone.now()
    through_themes = ExperienceSheet.themes.through
    through_publics = ExperienceSheet.publics.through

    def text(size: int) -> list[str]:
        return rng.choices(words, cum_weights=cumulative, k=size)

    started = time.perf_counter()
    for first in range(0, count, BATCH):
        sheets, texts = [], []
        for number in range(first, min(count, first + BATCH)):
            title = text(rng.randint(3, 7))
            body = {name: text(rng.randint(15, 30)) for name in BODY_FIELDS}
            departement = rng.choice(departements)
            start = rng.randint(1995, 2024)
            sheets.append(
                ExperienceSheet(
                    title=" ".join(title).capitalize(),
                    slug=slugify(" ".join(title))[:80],
                    **{name: " ".join(part) for name, part in body.items()},
                    departement=departement,
                    region_id=departement.region_id,
                    setting=rng.choice(Setting.values),
                    stage=rng.choice(Stage.values),
                    strategy=rng.choice(StrategyKind.values),
                    year_start=start,
                    year_end=rng.choice([None, start + rng.randint(0, 4)]),
                    publication_status="published",
                    published_at=now - timezone.timedelta(minutes=number),
                )
            )
            texts.append((title, [word for part in body.values() for word in part]))
        with transaction.atomic():
            created = ExperienceSheet.objects.bulk_create(sheets)
            links, audiences, entries = [], [], []
            for sheet, (title, body) in zip(created, texts, strict=True):
                for theme in rng.sample(themes, rng.randint(1, 2)):
                    links.append(through_themes(experiencesheet_id=sheet.pk, theme_id=theme.pk))
                for public in rng.sample(publics, rng.randint(0, 2)):
                    audiences.append(
                        through_publics(experiencesheet_id=sheet.pk, public_id=public.pk)
                    )
                entries.append(
                    SearchEntry(
                        content_type=content_type,
                        object_id=sheet.pk,
                        title=" ".join(forms[word] for word in title),
                        body=" ".join(forms[word] for word in body),
                    )
                )
            through_themes.objects.bulk_create(links)
            through_publics.objects.bulk_create(audiences)
            SearchEntry.objects.bulk_create(entries)
    print(f"{count} fiches écrites et indexées en {time.perf_counter() - started:.0f} s")


def like_entries(text, *, synonyms=(), in_title=False, using="default"):
    """The floor: the search entries of the published sheets that hold every typed word in the
    title or one of the text columns (``icontains``), and with ``in_title`` those that hold
    them in the title."""
    words = search_words(text)
    if not words:
        return None
    return Matches(
        like_scan(words, BODY_FIELDS, using),
        like_scan(words, (), using) if in_title else None,
    )


def like_scan(words: list[str], body_fields, using: str) -> np.ndarray:
    sheets = ExperienceSheet.objects.using(using).published()
    for word in words:
        match = Q(title__icontains=word)
        for name in body_fields:
            match |= Q(**{f"{name}__icontains": word})
        sheets = sheets.filter(match)
    entries = SearchEntry.objects.using(using).filter(
        content_type=ContentType.objects.get_for_model(ExperienceSheet),
        object_id__in=sheets.values("pk"),
    )
    return np.array(entries.values_list("pk", flat=True), dtype=np.int64)


def whole_search(text: str, filters: dict) -> int:
    found = catalogue.browse(
        text=text, filters=SheetFilters.from_query(filters), sort="", page_number=1
    )
    sheet_snippets(found.page.object_list, found.text, found.synonyms)
    return found.total


def timed(text: str, filters: dict, repeat: int) -> tuple[list[float], int]:
    whole_search(text, filters)  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        total = whole_search(text, filters)
        times.append((time.perf_counter() - started) * 1000)
    return times, total


def measure_index() -> None:
    """Read the facet index twice (the second time timed, then with its allocations traced) and
    keep it, as the first request after a change does."""
    facet_index.forget()
    facet_index.facet_index()
    times = []
    for _ in range(3):
        facet_index.forget()
        started = time.perf_counter()
        facet_index.facet_index()
        times.append((time.perf_counter() - started) * 1000)
    facet_index.forget()
    tracemalloc.start()
    index = facet_index.facet_index()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"Index des facettes : {len(index)} fiches lues en {statistics.median(times):.0f} ms "
        f"(médiane de 3) ; tableaux {index.nbytes / 2**20:.1f} Mio, "
        f"pic d'allocations pendant la lecture {peak / 2**20:.0f} Mio\n"
    )


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]


def main() -> None:
    options = harness.parser(__doc__)
    options.add_argument("--sheets", type=int, default=100_000)
    options.add_argument("--seed", type=int, default=3)
    options.set_defaults(repeat=5)
    options = options.parse_args()
    with harness.scratch_database(keep=options.keep, reuse=options.reuse):
        if not options.reuse:
            generate(options.sheets, options.seed)
        harness.analyze()  # after the migrations too, when the data is reused
        index_times, like_times = [], []
        print(f"\nRecherche de la bibliothèque ({harness.engine()}, {options.sheets} fiches)\n")
        measure_index()
        print("| recherche | filtres | fiches | index p50 ms | LIKE p50 ms | rapport |")
        print("|---|---|---|---|---|---|")
        searching = catalogue.matching_entries
        for text, filters in QUERIES:
            times, total = timed(text, filters, options.repeat)
            catalogue.matching_entries = like_entries
            try:
                floor, floor_total = timed(text, filters, max(1, options.repeat // 2))
            finally:
                catalogue.matching_entries = searching
            index_times += times
            like_times += floor
            shown = ", ".join(f"{k}={v}" for k, v in filters.items()) or "—"
            print(
                f"| « {text} » | {shown} | {total} ({floor_total}) | "
                f"{statistics.median(times):.1f} | {statistics.median(floor):.1f} | "
                f"1/{statistics.median(floor) / statistics.median(times):.0f} |"
            )
        ratio = p95(like_times) / p95(index_times)
        print(
            f"\nToutes les recherches : index p50 {statistics.median(index_times):.1f} ms, "
            f"p95 {p95(index_times):.1f} ms ; LIKE p50 {statistics.median(like_times):.1f} ms, "
            f"p95 {p95(like_times):.1f} ms ; p95 index = 1/{ratio:.0f} du LIKE "
            f"(cibles : ≤ 30 ms et ≤ 1/20)."
        )


if __name__ == "__main__":
    main()
