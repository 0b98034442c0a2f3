"""What the benchmarks of pages share: a scratch database with production settings, the floor of
each page, the timings and the table that compares them.

A script imports this module first and calls :func:`configure` before anything touches Django::

    import harness

    harness.configure("experiments")
    ...
    options = harness.parser(__doc__).parse_args()
    with harness.scratch_database(keep=options.keep):
        generate()            # the script's data
        harness.analyze()     # statistics for the planner
        results = harness.measure(client, pages, repeat=options.repeat)
    harness.report(results, json_path=options.json)

Settings are those of production (``DEBUG`` off, cached templates, static files from their
manifest, built by ``collectstatic`` in the scratch directory), with a random secret key.
SQLite in a temporary directory by default; ``DATABASE_URL`` for PostgreSQL, a database kept for
benchmarks: its tables are dropped before the migrations and again at the end.

The floor of a page is the same rows fetched by one hand-written SQL query and rendered by a
minimal template, served by a view through the same middleware (session, authentication,
security headers…), so that the ratio page ÷ floor says what the page's own code costs, and
moves little from one machine or one load to another. Pages and floors are measured in turn
(one request of each, ``repeat`` times), after a warm-up.

A page is measured twice: as it is served again, kept in memory while its data has not changed
(``essaim/core/page_cache.py``), and made anew from the data, the kept pages emptied just
before the request.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import types
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_scratch_dir: str | None = None


def configure(name: str) -> None:
    """Production-like settings in a scratch directory, then ``django.setup()``."""
    global _scratch_dir
    sys.path.insert(0, str(ROOT))
    if "ESSAIM_DATA_DIR" not in os.environ:
        _scratch_dir = tempfile.mkdtemp(prefix=f"essaim-bench-{name}-")
        os.environ["ESSAIM_DATA_DIR"] = _scratch_dir
    os.environ["ESSAIM_DEBUG"] = "0"
    os.environ.setdefault("ESSAIM_SECRET_KEY", secrets.token_urlsafe(60))
    os.environ.setdefault("ESSAIM_HTTPS", "0")
    os.environ.setdefault("ESSAIM_LOG_LEVEL", "ERROR")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")

    import django

    django.setup()


def parser(doc: str | None) -> argparse.ArgumentParser:
    """The options every page benchmark takes: ``--repeat``, ``--json``, ``--keep``."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="mesures par page (médiane)")
    parser.add_argument(
        "--json", type=Path, help="écrire aussi les résultats dans ce fichier, pour comparer"
    )
    parser.add_argument(
        "--keep", action="store_true", help="garder la base de travail et afficher son adresse"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reprendre les données d'une base gardée par --keep (ESSAIM_DATA_DIR pour SQLite)"
        " au lieu de les générer ; implique --keep",
    )
    parser.add_argument("--only", help="ne mesurer que les pages dont le nom contient ce texte")
    parser.add_argument(
        "--profile",
        type=Path,
        help="profiler aussi chaque page (cProfile) et écrire ses statistiques dans ce dossier",
    )
    return parser


def engine() -> str:
    from django.db import connection

    return connection.vendor


class scratch_database:
    """Migrate (and empty, on PostgreSQL) the scratch database, collect the static files;
    at the end, empty it and remove the scratch directory unless ``keep``."""

    def __init__(self, *, keep: bool = False, reuse: bool = False) -> None:
        self.keep = keep or reuse
        self.reuse = reuse

    def __enter__(self) -> "scratch_database":
        from django.core.management import call_command

        if engine() == "postgresql" and not self.reuse:
            _empty_postgresql()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        _use_floors()
        return self

    def __exit__(self, *exc) -> None:
        from django.db import connection

        if self.keep:
            print(f"\nBase conservée : {connection.settings_dict['NAME']}")
        elif engine() == "postgresql":
            _empty_postgresql()
        connection.close()
        if _scratch_dir and not (self.keep and engine() == "sqlite"):
            shutil.rmtree(_scratch_dir, ignore_errors=True)


def _empty_postgresql() -> None:
    """Drop every table of the benchmark's database: migrations then start from nothing and
    write their own rows again (themes…), which ``flush`` would leave out."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")


def analyze() -> None:
    """Statistics for the query planner, as a database in service has them (``ANALYZE``, on
    PostgreSQL and on SQLite)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# Floors ------------------------------------------------------------------------------------------


@dataclass
class Floor:
    """One hand-written query and a minimal template that shows its ``rows`` (dicts).

    A floor is served to signed-in people only, as the pages behind the login are; ``public``
    serves it to anonymous visitors too, as the public pages are."""

    sql: str
    params: list = field(default_factory=list)
    template: str = "{% for row in rows %}<p>{{ row }}</p>{% endfor %}"
    public: bool = False
    compiled: object = field(default=None, repr=False, compare=False)


FLOORS: list[Floor] = []


def floor_url(floor: Floor) -> str:
    if floor not in FLOORS:
        FLOORS.append(floor)
    return f"/plancher/{FLOORS.index(floor)}/"


def concat(expression: str) -> str:
    """SQL joining the values of ``expression`` of a group with commas, on either database."""
    if engine() == "postgresql":
        return f"string_agg({expression}, ', ')"
    return f"group_concat({expression}, ', ')"


def floor_view(request, key: int):
    from django.contrib.auth.views import redirect_to_login
    from django.db import connection
    from django.http import HttpResponse
    from django.template import engines

    floor = FLOORS[key]
    if not floor.public and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    with connection.cursor() as cursor:
        cursor.execute(floor.sql, floor.params)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    if floor.compiled is None:
        floor.compiled = engines["django"].from_string(floor.template)
    return HttpResponse(floor.compiled.render({"rows": rows}, request))


def _use_floors() -> None:
    """Serve the floors beside the site's pages, through the same middleware."""
    from django.conf import settings
    from django.urls import clear_url_caches, include, path

    module = types.ModuleType("bench_floor_urls")
    module.urlpatterns = [
        path("plancher/<int:key>/", floor_view),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


# Measures ----------------------------------------------------------------------------------------


@dataclass
class Page:
    """A page and its floor; ``client`` measures both instead of the one given to
    :func:`measure` (an anonymous visitor beside a signed-in person, for instance)."""

    label: str
    url: str
    floor: Floor | None = None
    client: object | None = field(default=None, repr=False, compare=False)


@dataclass
class Result:
    label: str
    status: int
    page_ms: float
    page_p90_ms: float
    page_queries: int
    size_kb: float
    made_ms: float
    made_queries: int
    floor_ms: float | None = None
    floor_queries: int | None = None

    @property
    def ratio(self) -> float | None:
        return self.page_ms / self.floor_ms if self.floor_ms else None

    @property
    def made_ratio(self) -> float | None:
        return self.made_ms / self.floor_ms if self.floor_ms else None


def _forget_kept_pages() -> None:
    from django.core.cache import caches

    caches["pages"].clear()


def _queries_and_response(client, url: str, *, made: bool = False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if made:
        _forget_kept_pages()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response


def _time(client, url: str, *, made: bool = False) -> float:
    """Milliseconds to answer ``url``; ``made``: with no page kept, made from the data."""
    if made:
        _forget_kept_pages()
    started = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - started) * 1000


def profile(client, pages: list[Page], directory: Path, *, repeat: int = 10) -> None:
    """Write the profile of ``repeat`` requests of each page to ``directory`` (one ``.pstats``
    file a page, to read with ``python -m pstats`` or snakeviz) and print its heaviest calls.
    The pages are made from the data each time, none kept."""
    import cProfile
    import pstats

    directory.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages, start=1):
        page_client = page.client or client
        page_client.get(page.url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            _forget_kept_pages()
            page_client.get(page.url)
        profiler.disable()
        path = directory / f"{number:02d}.pstats"
        profiler.dump_stats(path)
        print(f"\n{page.label} ({path})")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def chosen(pages: list[Page], only: str | None) -> list[Page]:
    """The pages whose label contains ``only`` (all of them without it)."""
    return [page for page in pages if not only or only in page.label]


def measure(client, pages: list[Page], *, repeat: int) -> list[Result]:
    """Each page and its floor, measured in turn ``repeat`` times after a warm-up, with the
    page's own client if it has one, ``client`` otherwise."""
    results = []
    for page in pages:
        page_client = page.client or client
        floor = floor_url(page.floor) if page.floor else None
        for url in filter(None, (page.url, floor)):
            page_client.get(url)
        page_times, made_times, floor_times = [], [], []
        for _ in range(repeat):
            page_times.append(_time(page_client, page.url))
            made_times.append(_time(page_client, page.url, made=True))
            if floor:
                floor_times.append(_time(page_client, floor))
        made_queries, _ = _queries_and_response(page_client, page.url, made=True)
        queries, response = _queries_and_response(page_client, page.url)
        result = Result(
            label=page.label,
            status=response.status_code,
            page_ms=statistics.median(page_times),
            page_p90_ms=_percentile(page_times, 90),
            page_queries=queries,
            size_kb=len(response.content) / 1000,
            made_ms=statistics.median(made_times),
            made_queries=made_queries,
        )
        if floor:
            floor_queries, floor_response = _queries_and_response(page_client, floor)
            assert floor_response.status_code == 200, floor_response.status_code
            result.floor_ms = statistics.median(floor_times)
            result.floor_queries = floor_queries
        results.append(result)
    return results


def _percentile(values: list[float], percent: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def report(results: list[Result], *, title: str, json_path: Path | None = None) -> None:
    """Print the Markdown table; write the results as JSON too when asked."""
    print(f"\n{title} ({engine()}, temps serveur médians)\n")
    print("« page » : servie de nouveau, gardée en mémoire ; « refaite » : sans page gardée.\n")
    print(
        "| page | plancher ms | page ms | page p90 ms | rapport | refaite ms | rapport refaite "
        "| requêtes page/refaite/plancher | ko |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for result in results:
        floor_ms = f"{result.floor_ms:.1f}" if result.floor_ms else "—"
        ratio = f"× {result.ratio:.2f}" if result.ratio else "—"
        made_ratio = f"× {result.made_ratio:.2f}" if result.made_ratio else "—"
        floor_queries = result.floor_queries if result.floor_queries is not None else "—"
        status = "" if result.status == 200 else f" (statut {result.status})"
        print(
            f"| {result.label}{status} | {floor_ms} | {result.page_ms:.1f} | "
            f"{result.page_p90_ms:.1f} | {ratio} | {result.made_ms:.1f} | {made_ratio} | "
            f"{result.page_queries}/{result.made_queries}/{floor_queries} | "
            f"{result.size_kb:.0f} |"
        )
    if json_path:
        rows = [
            {**asdict(result), "ratio": result.ratio, "made_ratio": result.made_ratio}
            for result in results
        ]
        json_path.write_text(json.dumps({"engine": engine(), "pages": rows}, indent=2) + "\n")
        print(f"\nRésultats écrits dans {json_path}")
