"""Measure what asking for a dossier costs the request, before (the file built in the request)
and now (the build left to the worker), and how long the worker takes to build it.

    .venv/bin/python bench/dossier.py [--rows 12] [--repeat 5]

In a scratch database (SQLite in a temporary directory by default; ``DATABASE_URL`` for
PostgreSQL, emptied before and after), one experiment with something in every chapter of its
dossier (``--rows`` sets how many hypotheses, meetings, indicators and measurements), and, through
Django's test client, as its owner, the median server time and number of queries of:

- asking for the dossier while its file is out of date, the build run in the request (what the
  request cost before the worker built dossiers; the immediate task backend);
- the same request today: the build enqueued, the answer a redirection to the status page;
- the build itself, as the worker runs it, in PDF and in DOCX;
- asking again while the file is current (the stored file sent);
- the status polled by htmx, against a floor built in the same run: the same row fetched by one
  hand-written SQL query and rendered by a minimal template, through the same middleware.
"""

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
scratch_dir = None
if "ESSAIM_DATA_DIR" not in os.environ:
    scratch_dir = tempfile.mkdtemp(prefix="essaim-bench-dossier-")
    os.environ["ESSAIM_DATA_DIR"] = scratch_dir
os.environ.setdefault("ESSAIM_DEBUG", "1")
os.environ.setdefault("ESSAIM_HTTPS", "0")
os.environ.setdefault("ESSAIM_LOG_LEVEL", "ERROR")
os.environ["ESSAIM_TASK_BACKEND"] = "database"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")

import django  # noqa: E402

django.setup()

from asgiref.local import Local  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.tasks import task_backends  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path, reverse  # noqa: E402

from essaim.accounts.models import User  # noqa: E402
from essaim.dossiers.models import DossierFile  # noqa: E402
from essaim.dossiers.services import build_file  # noqa: E402
from tests.dossiers.factories import make_rich_experiment  # noqa: E402
from tests.themes.factories import restore_vocabulary  # noqa: E402

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
HTMX = {"HTTP_HX_REQUEST": "true"}
FLOOR = Template('<p role="status">{{ status }} {{ file }} {{ finished_at }}</p>')


@login_required
def floor(request, pk: int, format: str) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, file, finished_at FROM dossiers_dossierfile"
            " WHERE experiment_id = %s AND format = %s",
            [pk, format],
        )
        status, file, finished_at = cursor.fetchone()
    context = Context({"status": status, "file": file, "finished_at": finished_at})
    return HttpResponse(FLOOR.render(context))


urlpatterns = [
    path("plancher/<int:pk>/<str:format>/", floor, name="floor"),
    path("", include("essaim.urls")),
]


def reset_task_backends() -> None:
    task_backends._settings = None
    task_backends._connections = Local(task_backends.thread_critical)


def timed(action: Callable, repeat: int, before: Callable = lambda: None) -> tuple[float, int]:
    """Median time (ms) of ``action`` over ``repeat`` runs (each after ``before``), and the
    number of queries of one more run."""
    durations = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        action()
        durations.append((time.perf_counter() - started) * 1000)
    before()
    with CaptureQueriesContext(connection) as queries:
        action()
    return statistics.median(durations), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=5, help="mesures par ligne (médiane)")
    options = parser.parse_args()
    logging.getLogger("django.tasks").setLevel(logging.WARNING)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", interactive=False, verbosity=0)
    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
        restore_vocabulary()  # seeded by a migration, emptied by the flush
    owner = User.objects.create_user(
        email="chargee@example.org", password="banc-d-essai", full_name="Chargée de mission"
    )
    experiment = make_rich_experiment(owner, rows=options.rows)
    if engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client(SERVER_NAME="localhost")
    client.force_login(owner)
    ask, status = reverse("dossiers:pdf", args=[experiment.pk]), "dossiers:status"

    def change() -> None:
        experiment.log_action(owner, "updated", "Cadrage modifié")

    def build(format: str) -> Callable:
        def run() -> None:
            dossier_file = DossierFile.objects.get(experiment=experiment, format=format)
            assert build_file(dossier_file_id=dossier_file.pk, attempt=dossier_file.attempt)

        return run

    def asked(format: str) -> Callable:
        return lambda: (change(), client.get(reverse(f"dossiers:{format}", args=[experiment.pk])))

    rows = []
    with override_settings(TASKS=IMMEDIATE):
        reset_task_backends()
        rows.append(
            (
                "avant : demande, dossier PDF écrit dans la requête",
                timed(lambda: client.get(ask), options.repeat, change),
            )
        )
    reset_task_backends()
    rows.append(
        (
            "après : demande, écriture mise en file",
            timed(lambda: client.get(ask), options.repeat, change),
        )
    )
    for format in ("pdf", "docx"):
        rows.append(
            (
                f"écriture par le worker, {format.upper()}",
                timed(build(format), options.repeat, asked(format)),
            )
        )
    rows.append(
        ("demande, fichier à jour (fichier envoyé)", timed(lambda: client.get(ask), options.repeat))
    )
    with override_settings(ROOT_URLCONF=__name__):
        floor_url = reverse("floor", args=[experiment.pk, "pdf"])
        status_url = reverse(status, args=[experiment.pk, "pdf"])
        floor_row = timed(lambda: client.get(floor_url), options.repeat * 4)
        status_row = timed(lambda: client.get(status_url, **HTMX), options.repeat * 4)
    rows.append(("état (htmx), plancher : une requête SQL", floor_row))
    rows.append(("état (htmx)", status_row))

    print(f"Dossier d'une expérimentation ({engine}, {options.rows} lignes par chapitre)")
    print(f"  {'':<52} {'médiane':>11} {'requêtes':>9}")
    for label, (median, queries) in rows:
        print(f"  {label:<52} {median:8.1f} ms {queries:>9}")
    print(f"\nÉtat : × {status_row[0] / floor_row[0]:.2f} du plancher")
    before, after = rows[0][1][0], rows[1][1][0]
    print(f"Demande : {before:.0f} ms avant, {after:.0f} ms après (÷ {before / after:.0f})")

    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    connection.close()
    if scratch_dir:
        shutil.rmtree(scratch_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
