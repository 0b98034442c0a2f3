"""The current value and the progress of indicators computed by the database
(``Indicator.objects.with_standing``) are those computed from their measurements."""

import datetime
from decimal import Decimal

import pytest

from essaim.evaluation.models import Direction, Indicator
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db


def measured(indicator, *values, start=datetime.date(2024, 2, 1)) -> None:
    """Measurements of ``indicator`` one day apart, given newest last but inserted newest
    first, so that neither the order of insertion nor the keys give the latest."""
    for day, value in reversed(list(enumerate(values))):
        level = None
        if isinstance(value, tuple):
            value, level = value
        MeasurementFactory(
            indicator=indicator,
            measured_on=start + datetime.timedelta(days=day),
            value=value,
            level=level,
        )


def test_it_gives_the_same_numbers_as_the_measurements():
    experiment = ExperimentFactory()

    def indicator(**fields):
        return IndicatorFactory(experiment=experiment, **fields)

    latest = indicator()
    measured(latest, Decimal("4"), Decimal("12.5"), Decimal("10"))
    cumulative = indicator(cumulative=True)
    measured(cumulative, Decimal("0.1"), Decimal("0.2"), Decimal("3.7"))
    above_target = indicator(cumulative=True)
    measured(above_target, Decimal("15"), Decimal("15"))
    decreasing = indicator(
        baseline_value=Decimal("80"), target_value=Decimal("20"), direction=Direction.DECREASE
    )
    measured(decreasing, Decimal("70"), Decimal("35"))
    below_baseline = indicator(baseline_value=Decimal("10"))
    measured(below_baseline, Decimal("2"))
    no_span = indicator(baseline_value=Decimal("20"))
    measured(no_span, Decimal("20"))
    no_target = indicator(target_value=None)
    measured(no_target, Decimal("7"))
    never_measured = indicator()
    qualitative = indicator(qualitative=True)
    measured(qualitative, (None, 0), (None, 2))
    levels_then_value = indicator(qualitative=True)
    measured(levels_then_value, (Decimal("3"), 1), (None, 3))
    other = IndicatorFactory()
    measured(other, Decimal("19"))

    rows = Indicator.objects.filter(experiment=experiment).with_standing()
    computed = {
        row.pk: (row.current, row.progress_towards(row.current), row.scale_label(row.latest_level))
        for row in rows
    }
    expected = {}
    for row in Indicator.objects.filter(experiment=experiment):
        measurements = list(row.measurements.all())
        expected[row.pk] = (
            row.current_value(measurements),
            row.progress(measurements),
            measurements[-1].level_label() if measurements else "",
        )
    assert computed == expected
    # What the numbers are, so that both ways cannot be wrong together.
    assert computed[latest.pk] == (Decimal("10"), 50, "")
    assert computed[cumulative.pk][:2] == (Decimal("4"), 20)
    assert computed[above_target.pk][:2] == (Decimal("30"), 100)
    assert computed[decreasing.pk][:2] == (Decimal("35"), 75)
    assert computed[below_baseline.pk][:2] == (Decimal("2"), 0)
    assert computed[no_span.pk][:2] == (Decimal("20"), 100)
    assert computed[no_target.pk][:2] == (Decimal("7"), None)
    assert computed[never_measured.pk] == (None, None, "")
    assert computed[qualitative.pk] == (None, None, "forte")
    assert computed[levels_then_value.pk] == (Decimal("3"), None, "très forte")


def test_it_reads_the_indicators_in_one_query(django_assert_num_queries):
    experiment = ExperimentFactory()
    for _ in range(5):
        measured(IndicatorFactory(experiment=experiment), Decimal("1"), Decimal("2"))
    with django_assert_num_queries(1):
        rows = list(Indicator.objects.filter(experiment=experiment).with_standing())
    assert [row.current for row in rows] == [Decimal("2")] * 5
