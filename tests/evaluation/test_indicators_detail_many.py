"""An indicator with thousands of measurements: its page stays small, with a page of the
latest measurements, a chart summarised by month, and a constant number of queries."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.evaluation.charts import MAX_CHART_POINTS, chart_series
from essaim.evaluation.models import Measurement
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

FIRST = datetime.date(2012, 1, 1)


def url(indicator, **query) -> str:
    path = reverse("evaluation:indicator", args=[indicator.experiment_id, indicator.pk])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def fill(indicator, count: int, start: int = 0) -> None:
    """One measurement a day; the value of day n is n modulo 10, plus 1."""
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            measured_on=FIRST + datetime.timedelta(days=n),
            value=Decimal(n % 10 + 1),
        )
        for n in range(start, start + count)
    )


def rows_of(text: str) -> list[str]:
    body = text[text.index('class="table table--stack evaluation-table measurements"') :]
    body = body[: body.index("</table>")]
    return re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', body)


def test_5000_measurements_make_a_small_page_with_the_latest_50(
    reader, experiment, django_assert_max_num_queries
):
    indicator = IndicatorFactory(experiment=experiment, unit="trajets", cumulative=True)
    fill(indicator, 5000)
    client = client_for(reader)
    # session, user, experiment with role, indicator, the rows of every measurement,
    # the page of measurements, targets
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_max_num_queries(8):
        response = client.get(url(indicator))
    assert response.status_code == 200
    text = response.text
    # It weighed 5 MB when every measurement had its row and its dot.
    assert len(response.content) < 120_000
    last = FIRST + datetime.timedelta(days=4999)
    days = rows_of(text)
    assert len(days) == 50
    assert days[0] == last.isoformat()
    assert "Mesures 1 à 50 sur 5\u00a0000, de la plus récente à la plus ancienne" in text
    assert "Page 1 sur 100" in text
    assert reverse("evaluation:export_xlsx", args=[experiment.pk]) in text
    # The chart: one point per month (165 months, 5,000 days), said in the caption.
    assert text.count("<circle") <= MAX_CHART_POINTS
    assert "Les 5\u00a0000 mesures y sont résumées par trimestre : leur somme." in text
    # The total of every measurement, not only of those shown.
    assert sum(n % 10 + 1 for n in range(5000)) == 27_500
    assert "27\u00a0500 sur 20\u00a0trajets" in text


def test_a_later_page_keeps_the_running_totals_of_all_measurements(reader, experiment):
    indicator = IndicatorFactory(experiment=experiment, unit="trajets", cumulative=True)
    fill(indicator, 120)
    response = client_for(reader).get(url(indicator, page=3))
    days = rows_of(response.text)
    assert len(days) == 20
    assert days[0] == (FIRST + datetime.timedelta(days=19)).isoformat()
    # Day 19 closes two full cycles of 1 to 10: 110 trips so far.
    assert '<td data-label="Total cumulé" class="num">110\u00a0trajets</td>' in response.text


def test_the_query_count_does_not_grow_with_the_measurements(
    reader, experiment, django_assert_num_queries
):
    indicator = IndicatorFactory(experiment=experiment)
    fill(indicator, 3)
    client = client_for(reader)
    client.get(url(indicator))
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_num_queries(8) as few:
        client.get(url(indicator))
    fill(indicator, 3000, start=3)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url(indicator))


def test_a_long_series_is_summarised_by_month_with_its_lowest_and_highest():
    indicator = IndicatorFactory.build(cumulative=False)
    rows = [(FIRST + datetime.timedelta(days=n), Decimal(n % 10 + 1), None) for n in range(366)]
    series = chart_series(indicator, rows)
    assert series.period == "mois"
    assert series.count == 366
    assert len(series.points) == 12
    assert series.points[0][0] == datetime.date(2012, 1, 1)
    january = [n % 10 + 1 for n in range(31)]
    assert series.points[0][1] == (Decimal(sum(january)) / 31).quantize(Decimal("0.001"))
    assert series.ranges[0] == (datetime.date(2012, 1, 1), Decimal(1), Decimal(10))


def test_a_short_series_keeps_every_measurement():
    indicator = IndicatorFactory.build(cumulative=False)
    rows = [(FIRST + datetime.timedelta(days=n), Decimal(n), None) for n in range(30)]
    series = chart_series(indicator, rows)
    assert series.period == ""
    assert series.points == [(day, value) for day, value, _ in rows]
    assert series.ranges == []
