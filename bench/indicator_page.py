"""Measure the page of an indicator with thousands of measurements against the same page with a
year of monthly ones, and each against its floor, built in the same run.

    .venv/bin/python bench/indicator_page.py [--measurements 5000] [--repeat 20] [--json FILE]

In a scratch database with production settings (``bench/harness.py``: SQLite in a temporary
directory by default; ``DATABASE_URL`` for PostgreSQL, emptied before and after), one experiment
gets two quantitative indicators: one with 12 monthly measurements, and the large one, with one
measurement a day (``--measurements``). Through Django's test client, logged in as the
experiment's owner, the script prints for each page the median server time after a warm-up,
the number of queries and the size of the page, against its floor (the indicator and its latest
50 measurements read by one SQL query and shown by a minimal template); then the large page's
time and size as ratios to the small one's. The ratios, not the milliseconds, say whether the
page grows with its measurements: they move little from one machine to another.
"""

from datetime import date, timedelta
from decimal import Decimal

import harness

harness.configure("indicator")

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from floors import indicator_floor  # noqa: E402

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


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--measurements", type=int, default=5000)
    options = parser.parse_args()

    with harness.scratch_database(keep=options.keep):
        owner = User.objects.create_user(
            email="chargee@example.org", password="banc-d-essai", full_name="Chargée de mission"
        )
        experiment = create_experiment(
            by=owner, title="Autostop organisé", theme=Theme.objects.active().first()
        )
        small = indicator_with(
            experiment, "Trajets mensuels", [date(2024, month, 1) for month in range(1, 13)]
        )
        large = indicator_with(
            experiment,
            "Trajets quotidiens",
            [FIRST_DAY + timedelta(days=n) for n in range(options.measurements)],
        )
        harness.analyze()
        client = Client(SERVER_NAME="localhost")
        client.force_login(owner)
        pages = [
            harness.Page(
                label,
                reverse("evaluation:indicator", args=[experiment.pk, indicator.pk]),
                indicator_floor(indicator.pk),
            )
            for label, indicator in (
                ("12 mesures", small),
                (f"{options.measurements} mesures", large),
            )
        ]
        results = harness.measure(client, pages, repeat=options.repeat)
    harness.report(
        results,
        title=f"Page d'un indicateur ({options.repeat} mesures par page)",
        json_path=options.json,
    )
    small_result, large_result = results
    print(
        f"\n{options.measurements} mesures rapportées à 12 : "
        f"temps (page refaite) × {large_result.made_ms / small_result.made_ms:.2f}, "
        f"taille × {large_result.size_kb / small_result.size_kb:.2f}"
    )


if __name__ == "__main__":
    main()
