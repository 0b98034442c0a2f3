"""What an indicator looks like to its readers — its chart, its progress and its measurements
written in words — for the pages of the evaluation tab and for the documents built from them.

Every function takes rows already fetched (the indicator's measurements, oldest first, and its
targets), so that pages and documents keep a constant number of queries.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from essaim.evaluation.models import Direction, Indicator, IndicatorTarget, Measurement
from essaim.lib import french
from essaim.lib.svg_charts import (
    render_indicator_chart,
    render_progress_bar,
    render_scale_chart,
)

# Past this many measurements, a chart draws one point per month (or quarter, or year): a
# line of thousands of dots is unreadable, and heavy to send.
MAX_CHART_POINTS = 120

# A row of a chart: (day, value, level), as ``values_list("measured_on", "value", "level")``.
Row = tuple[datetime.date, Decimal | None, int | None]

PERIODS: list[tuple[str, Callable[[datetime.date], datetime.date]]] = [
    ("mois", lambda day: day.replace(day=1)),
    ("trimestre", lambda day: datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)),
    ("année", lambda day: datetime.date(day.year, 1, 1)),
]


def measurement_text(measurement: Measurement) -> str:
    """The value with its unit, or the level of the scale."""
    if measurement.value is not None:
        return french.number(measurement.value, unit=measurement.indicator.unit)
    return measurement.level_label() or "—"


@dataclass(frozen=True)
class Progress:
    percent: int | None
    text: str
    measured: bool


def standing_of(indicator: Indicator, rows: Sequence[Row]) -> list[Measurement]:
    """What :func:`progress_of` needs, from the ``rows`` of all of ``indicator``'s measurements
    (oldest first) rather than the measurements themselves: the latest one, carrying the sum
    of every value when the indicator is cumulative."""
    if not rows:
        return []
    day, value, level = rows[-1]
    if indicator.cumulative:
        value = sum((row[1] for row in rows if row[1] is not None), Decimal(0))
    return [Measurement(indicator=indicator, measured_on=day, value=value, level=level)]


def standing_from_database(indicator: Indicator) -> list[Measurement]:
    """What :func:`progress_of` needs, for an indicator read
    :meth:`~essaim.evaluation.models.IndicatorQuerySet.with_standing`: its latest measurement,
    carrying the current value (the sum of every value when the indicator is cumulative)."""
    if indicator.latest_on is None:
        return []
    return [
        Measurement(
            indicator=indicator,
            measured_on=indicator.latest_on,
            value=indicator.current,
            level=indicator.latest_level,
        )
    ]


def progress_of(indicator: Indicator, measurements: list[Measurement]) -> Progress:
    """Where ``indicator`` stands: « 12 sur 20 trajets » and 60 %, or its latest level."""
    if not measurements:
        return Progress(None, "Aucune mesure pour l'instant", measured=False)
    if not indicator.is_quantitative:
        latest = measurements[-1]
        label = latest.level_label() or "—"
        position = f"niveau {latest.level + 1} sur {len(indicator.scale)}"
        return Progress(None, f"{label} ({position})", measured=True)
    current = indicator.current_value(measurements)
    if current is None:
        return Progress(None, "Aucune mesure pour l'instant", measured=False)
    unit = indicator.unit
    if indicator.target_value is None:
        prefix = "total" if indicator.cumulative else "dernière valeur"
        return Progress(None, f"{prefix} : {french.number(current, unit=unit)}", measured=True)
    if indicator.direction == Direction.INCREASE:
        text = f"{french.number(current)} sur {french.number(indicator.target_value, unit=unit)}"
    else:
        text = (
            f"{french.number(current, unit=unit)} pour une cible de "
            f"{french.number(indicator.target_value, unit=unit)}"
        )
    return Progress(indicator.progress(measurements), text, measured=True)


@dataclass(frozen=True)
class ChartSeries:
    """What a chart draws: each measurement, or, when there are many, one point per period
    (``period``: « mois », « trimestre », « année »; "" when nothing is summarised)."""

    points: list[tuple[datetime.date, Decimal | int]]
    count: int
    period: str = ""
    # (first day of the period, lowest, highest), for the periods of several values.
    ranges: list[tuple[datetime.date, Decimal, Decimal]] = field(default_factory=list)


def chart_series(indicator: Indicator, rows: Sequence[Row]) -> ChartSeries:
    """The points of ``indicator``'s chart from its ``rows``, oldest first. Up to
    ``MAX_CHART_POINTS`` measurements, each is a point; past that, each period of the shortest
    length that gives few enough points is one: the sum of its values for a cumulative
    indicator (the chart adds them up), else their mean with the lowest and the highest, and
    the last level reached for a qualitative one."""
    quantitative = indicator.is_quantitative
    kept = [
        (day, value if quantitative else level)
        for day, value, level in rows
        if (value if quantitative else level) is not None
    ]
    if len(kept) <= MAX_CHART_POINTS:
        return ChartSeries(points=kept, count=len(kept))
    for name, start_of in PERIODS:
        period, groups = name, {}
        for day, value in kept:
            groups.setdefault(start_of(day), []).append(value)
        if len(groups) <= MAX_CHART_POINTS:
            break
    points, ranges = [], []
    for start, values in groups.items():
        if not quantitative:
            points.append((start, values[-1]))
        elif indicator.cumulative:
            points.append((start, sum(values, Decimal(0))))
        else:
            mean = sum(values, Decimal(0)) / len(values)
            points.append((start, mean.quantize(Decimal("0.001"))))
            if len(values) > 1:
                ranges.append((start, min(values), max(values)))
    return ChartSeries(points=points, count=len(kept), period=period, ranges=ranges)


def indicator_chart(
    indicator: Indicator,
    measurements: list[Measurement],
    targets: list[IndicatorTarget] = (),
    *,
    width: int = 640,
    height: int | None = None,
    series: ChartSeries | None = None,
) -> SafeString:
    """The SVG chart of ``indicator``: a line against baseline and targets, or its scale;
    summarised by period past ``MAX_CHART_POINTS`` measurements (``series``, when the caller
    has it already, else from ``measurements``)."""
    if series is None:
        series = chart_series(indicator, [(m.measured_on, m.value, m.level) for m in measurements])
    if indicator.is_quantitative:
        svg = render_indicator_chart(
            title=indicator.name,
            unit=indicator.unit,
            points=series.points,
            baseline=indicator.baseline_value,
            target=indicator.target_value,
            targets=[(target.due_on, target.value) for target in targets],
            cumulative=indicator.cumulative,
            width=width,
            height=height or 280,
            ranges=series.ranges,
        )
    else:
        svg = render_scale_chart(
            title=indicator.name,
            levels=indicator.scale,
            points=series.points,
            width=width,
            height=height or 240,
        )
    # The charts escape every text they write.
    return mark_safe(svg)


def progress_bar(indicator: Indicator, progress: Progress) -> SafeString:
    svg = render_progress_bar(percent=progress.percent, label=f"Progression : {indicator.name}")
    return mark_safe(svg)
