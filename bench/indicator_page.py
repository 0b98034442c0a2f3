"""Measure the page of an indicator with thousands of measurements against the same page with a
year of monthly ones, built in the same run.

    .venv/bin/python bench/indicator_page.py [--measurements 5000] [--repeat 20]

In a scratch database (SQLite in a temporary directory by default; ``DATABASE_URL`` for
PostgreSQL, emptied before and after), one experiment gets two quantitative indicators: the
floor, with 12 monthly measurements, and the large one, with one measurement a day
(``--measurements``). Through Django's test client, logged in as the experiment's owner, the
script prints for each page the median server time after a warm-up, the number of queries and
the size of the page; then the large page's time and size as ratios to the floor's. The ratios,
not the milliseconds, say whether the page grows with its measurements: they move little from
one machine to another.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
scratch_dir = None
if "ESSAIM_DATA_DIR" not in os.environ:
    scratch_dir = tempfile.mkdtemp(prefix="essaim-bench-indicator-")
    os.environ["ESSAIM_DATA_DIR"] = scratch_dir
os.environ.setdefault("ESSAIM_DEBUG", "1")
os.environ.setdefault("ESSAIM_HTTPS", "0")
os.environ.setdefault("ESSAIM_LOG_LEVEL", "ERROR")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from essaim.accounts.models import User  # noqa: E402
from essaim.evaluation.models import Indicator, Measurement  # noqa: E402
from essaim.experiments.services import create_experiment  # noqa: E402
from essaim.themes.models import Theme  # noqa: E402

FIRST_DAY = date(2012, 1, 1)


def indicator_with(experiment, name: str, days: list[date]) -> Indicator:
    indicator = Indicator.objects.create(
        experiment=experiment,
        name=name,
        unit="trajets",
        baseline_value=Decimal(0),
        target_value=Decimal(20),
    )
    Measurement.objects.bulk_create(
        (
            Measurement(indicator=indicator, measured_on=day, value=Decimal(n % 10 + 1))
            for n, day in enumerate(days)
        ),
        batch_size=2000,
    )
    return indicator


def measure(client: Client, url: str, repeat: int) -> tuple[float, int, int, int]:
    """Median server time (ms), number of queries, size (bytes) and status of ``url``."""
    client.get(url)
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(durations), len(queries), len(response.content), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measurements", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20, help="mesures par page (médiane)")
    options = parser.parse_args()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", interactive=False, verbosity=0)
    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)

    owner = User.objects.create_user(
        email="chargee@example.org", password="banc-d-essai", full_name="Chargée de mission"
    )
    experiment = create_experiment(
        by=owner, title="Autostop organisé", theme=Theme.objects.active().first()
    )
    floor = indicator_with(
        experiment, "Trajets mensuels", [date(2024, month, 1) for month in range(1, 13)]
    )
    large = indicator_with(
        experiment,
        "Trajets quotidiens",
        [FIRST_DAY + timedelta(days=n) for n in range(options.measurements)],
    )

    client = Client(SERVER_NAME="localhost")
    client.force_login(owner)
    print(f"Page d'un indicateur ({engine}, {options.repeat} mesures, temps serveur médian)")
    print(f"  {'indicateur':<28} {'médiane':>10} {'requêtes':>9} {'taille':>10} {'statut':>7}")
    results = {}
    for label, indicator in (
        ("12 mesures (plancher)", floor),
        (f"{options.measurements} mesures", large),
    ):
        url = reverse("evaluation:indicator", args=[experiment.pk, indicator.pk])
        results[label] = median, queries, size, status = measure(client, url, options.repeat)
        print(f"  {label:<28} {median:8.1f} ms {queries:>9} {size / 1000:>7.1f} ko {status:>7}")
    (floor_ms, _, floor_size, _), (large_ms, _, large_size, _) = results.values()
    print(
        f"\nRapport au plancher : temps × {large_ms / floor_ms:.2f}, "
        f"taille × {large_size / floor_size:.2f}"
    )

    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    connection.close()
    if scratch_dir:
        shutil.rmtree(scratch_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
