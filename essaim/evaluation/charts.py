"""What an indicator looks like to its readers — its chart, its progress and its measurements
written in words — for the pages of the evaluation tab and for the documents built from them.

Every function takes rows already fetched (the indicator's measurements, oldest first, and its
targets), so that pages and documents keep a constant number of queries.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from essaim.evaluation.models import Direction, Indicator, IndicatorTarget, Measurement
from essaim.lib import french
from essaim.lib.svg_charts import (
    render_indicator_chart,
    render_progress_bar,
    render_scale_chart,
)


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


def indicator_chart(
    indicator: Indicator,
    measurements: list[Measurement],
    targets: list[IndicatorTarget] = (),
    *,
    width: int = 640,
    height: int | None = None,
) -> SafeString:
    """The SVG chart of ``indicator``: a line against baseline and targets, or its scale."""
    if indicator.is_quantitative:
        svg = render_indicator_chart(
            title=indicator.name,
            unit=indicator.unit,
            points=[(m.measured_on, m.value) for m in measurements if m.value is not None],
            baseline=indicator.baseline_value,
            target=indicator.target_value,
            targets=[(target.due_on, target.value) for target in targets],
            cumulative=indicator.cumulative,
            width=width,
            height=height or 280,
        )
    else:
        svg = render_scale_chart(
            title=indicator.name,
            levels=indicator.scale,
            points=[(m.measured_on, m.level) for m in measurements if m.level is not None],
            width=width,
            height=height or 240,
        )
    # The charts escape every text they write.
    return mark_safe(svg)


def progress_bar(indicator: Indicator, progress: Progress) -> SafeString:
    svg = render_progress_bar(percent=progress.percent, label=f"Progression : {indicator.name}")
    return mark_safe(svg)
