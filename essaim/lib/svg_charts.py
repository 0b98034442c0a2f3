"""Django-free SVG charts of indicators: a line of measurements against its baseline and targets,
a qualitative scale, and a small progress bar; and horizontal bars for counts and averages (the
answers to a survey).

Each function returns one standalone ``<svg>`` string with ``role="img"``, a ``<title>`` and a
``<desc>`` summarising the data in French. Only presentation attributes are used (``fill=``,
``stroke=``, ``font-size=``…): no ``style`` attribute and no external stylesheet, so that the
charts obey a strict Content-Security-Policy, print, embed in PDF and convert to PNG.
"""

import datetime
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from essaim.lib import french

__all__ = [
    "Bar",
    "nice_ticks",
    "render_bar_chart",
    "render_indicator_chart",
    "render_progress_bar",
    "render_scale_chart",
]

# Colours: the stylesheet's palette, each at least 3:1 against white for lines and 4.5:1 for text.
INK = "#1f2a24"
MUTED = "#4a5650"
GRID = "#d9ddd6"
LINE = "#0b5c4a"
TARGET = "#b44d00"
BASELINE = "#4a5650"
TRACK = "#e4e7e1"
FONT = "DejaVu Sans, Noto Sans, Arial, sans-serif"


def _with_unit(value: Decimal | int, unit: str) -> str:
    return french.number(value, unit=unit)


# --- Scales -----------------------------------------------------------------------------------


def nice_ticks(low: Decimal | float, high: Decimal | float, max_ticks: int = 6) -> list[Decimal]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) covering ``low``–``high``.

    >>> nice_ticks(0, 17)
    [Decimal('0'), Decimal('5'), Decimal('10'), Decimal('15'), Decimal('20')]
    """
    low, high = Decimal(str(low)), Decimal(str(high))
    if high < low:
        low, high = high, low
    if high == low:
        if low == 0:
            high = Decimal(1)
        else:
            pad = abs(low) / 10
            low, high = low - pad, high + pad
    raw = (high - low) / max(1, max_ticks - 1)
    exponent = math.floor(raw.log10())
    fraction = raw.scaleb(-exponent)
    for nice in (1, 2, 5, 10):
        if fraction <= nice:
            break
    step = Decimal(nice).scaleb(exponent).normalize()
    places = step.as_tuple().exponent
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    last = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    ticks = []
    value = first
    while value <= last:
        ticks.append(value.quantize(Decimal(1).scaleb(min(0, places))))
        value += step
    return ticks


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


# Steps between month ticks: months, then years, then centuries, so that any span between two
# dates Python knows gets a handful of ticks.
_MONTH_STEPS = (
    1,
    2,
    3,
    6,
    12,
    24,
    60,
    120,
    240,
    600,
    1200,
    2400,
    6000,
    12000,
    24000,
    60000,
    120000,
)


def _date_ticks(
    first: datetime.date, last: datetime.date, max_ticks: int
) -> tuple[list[datetime.date], bool]:
    """Dates for the horizontal axis, and whether they are labelled by month (else by day);
    never more than ``max_ticks``, whatever the span."""
    first_month = _month_index(first) + (first.day > 1)
    last_month = _month_index(last)
    for step in _MONTH_STEPS:
        months = range(-(-first_month // step) * step, last_month + 1, step)
        if len(months) <= max_ticks:
            if len(months) >= 2 or step > 1:
                return [_month_start(index) for index in months], True
            break
    # Less than two months: ticks every few days.
    span = (last - first).days
    for step in (1, 2, 7, 14, 28):
        if span // step + 1 <= max_ticks:
            break
    ticks = [first + datetime.timedelta(days=n) for n in range(0, span + 1, step)]
    return ticks, False


# --- SVG helpers ------------------------------------------------------------------------------


def _attr(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


def _num(value: float) -> str:
    """A coordinate, short and locale-free."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(
    x: float, y: float, content: str, *, size: int = 11, anchor: str = "start", **attrs
) -> str:
    attrs.setdefault("fill", INK)
    extra = "".join(f' {name.replace("_", "-")}="{_attr(v)}"' for name, v in attrs.items())
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}"{extra}>'
        f"{escape(content)}</text>"
    )


def _open_svg(width: int, height: int, title: str, desc: str, extra: str = "") -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{_attr(FONT)}"{extra}>',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(desc)}</desc>",
    ]


def _empty_chart(title: str, width: int, height: int, message: str = "Aucune mesure") -> str:
    parts = _open_svg(width, height, title, f"{message} pour l'instant.")
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#ffffff" '
        f'stroke="{GRID}" rx="6"/>'
    )
    parts.append(_text(16, 24, _shorten(title, width // 7), size=14, font_weight="bold"))
    parts.append(_text(width / 2, height / 2 + 5, message, size=13, anchor="middle", fill=MUTED))
    parts.append("</svg>")
    return "".join(parts)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


class _Frame:
    """The plotting area and its mapping from dates and values to pixels."""

    def __init__(self, *, left, top, right, bottom, first, last, ticks):
        self.left, self.top, self.right, self.bottom = left, top, right, bottom
        self.first, self.last = first.toordinal(), last.toordinal()
        self.low, self.high = float(ticks[0]), float(ticks[-1])
        self.pad = 12  # keeps the first and last dots off the axes

    def x(self, day: datetime.date) -> float:
        span = self.last - self.first
        inner = self.right - self.left - 2 * self.pad
        if span == 0:
            return self.left + (self.right - self.left) / 2
        return self.left + self.pad + (day.toordinal() - self.first) / span * inner

    def y(self, value: Decimal | float) -> float:
        span = self.high - self.low or 1
        return self.bottom - (float(value) - self.low) / span * (self.bottom - self.top)


def _x_axis(frame: _Frame, first: datetime.date, last: datetime.date) -> list[str]:
    max_ticks = max(2, int((frame.right - frame.left) // 78))
    ticks, by_month = _date_ticks(first, last, max_ticks)
    parts = [
        f'<line x1="{_num(frame.left)}" y1="{_num(frame.bottom)}" x2="{_num(frame.right)}" '
        f'y2="{_num(frame.bottom)}" stroke="{MUTED}" stroke-width="1"/>'
    ]
    for day in ticks:
        x = frame.x(day)
        label = french.month_year(day) if by_month else french.short_date(day)
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(frame.bottom)}" x2="{_num(x)}" '
            f'y2="{_num(frame.bottom + 4)}" stroke="{MUTED}" stroke-width="1"/>'
        )
        parts.append(_text(x, frame.bottom + 17, label, size=11, anchor="middle", fill=MUTED))
    return parts


# --- Charts -----------------------------------------------------------------------------------


def render_indicator_chart(
    *,
    title: str,
    unit: str,
    points: Sequence[tuple[datetime.date, Decimal]],
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    targets: Iterable[tuple[datetime.date, Decimal]] = (),
    cumulative: bool = False,
    width: int = 640,
    height: int = 280,
    ranges: Sequence[tuple[datetime.date, Decimal, Decimal]] = (),
) -> str:
    """The measurements of a quantitative indicator as a line with dots (their running total
    when ``cumulative``), the baseline (« départ ») and the target (« cible ») as horizontal
    lines, and the periodic targets as hollow diamonds. ``ranges`` (day, lowest, highest)
    draws a thin vertical bar at each day: the spread of the values a point summarises."""
    points = sorted(((day, Decimal(value)) for day, value in points), key=lambda p: p[0])
    targets = sorted(((day, Decimal(value)) for day, value in targets), key=lambda p: p[0])
    if not points:
        return _empty_chart(title, width, height)
    if cumulative:
        running, total = [], Decimal(0)
        for day, value in points:
            total += value
            running.append((day, total))
        points = running

    values = [value for _, value in points] + [value for _, value in targets]
    values += [value for value in (baseline, target) if value is not None]
    values += [bound for _, low, high in ranges for bound in (Decimal(low), Decimal(high))]
    low, high = min(values), max(values)
    if low >= 0:
        low = Decimal(0)
    elif high <= 0:
        high = Decimal(0)
    ticks = nice_ticks(low, high, max_ticks=6 if height >= 200 else 4)
    days = [day for day, _ in points] + [day for day, _ in targets]
    first, last = min(days), max(days)

    tick_labels = [french.number(tick) for tick in ticks]
    label_width = max(len(label) for label in tick_labels) * 7 + 14
    has_legend = bool(targets) or baseline is not None or target is not None
    frame = _Frame(
        left=max(40, label_width),
        top=60,
        right=width - 16,
        bottom=height - (52 if has_legend else 30),
        first=first,
        last=last,
        ticks=ticks,
    )

    parts = _open_svg(
        width,
        height,
        title,
        _describe_quantities(points, unit, baseline, target, targets, cumulative),
    )
    parts.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    parts.append(_text(frame.left, 20, _shorten(title, width // 8), size=14, font_weight="bold"))
    subtitle = (f"en {unit}" if unit else "valeurs") + (", total cumulé" if cumulative else "")
    parts.append(_text(frame.left, 38, subtitle, size=11, fill=MUTED))

    # Horizontal grid and value labels.
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = frame.y(tick)
        parts.append(
            f'<line x1="{_num(frame.left)}" y1="{_num(y)}" x2="{_num(frame.right)}" '
            f'y2="{_num(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(frame.left - 6, y + 4, label, size=11, anchor="end", fill=MUTED))
    parts.extend(_x_axis(frame, first, last))

    if baseline is not None:
        y = frame.y(baseline)
        parts.append(
            f'<line x1="{_num(frame.left)}" y1="{_num(y)}" x2="{_num(frame.right)}" '
            f'y2="{_num(y)}" stroke="{BASELINE}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
        # The line starts near the baseline and ends near the target: label each at the
        # other end, where the line is not.
        parts.append(
            _text(
                frame.right - 4,
                y - 5,
                f"départ {_with_unit(baseline, unit)}",
                size=11,
                anchor="end",
                fill=MUTED,
            )
        )
    if target is not None:
        y = frame.y(target)
        parts.append(
            f'<line x1="{_num(frame.left)}" y1="{_num(y)}" x2="{_num(frame.right)}" '
            f'y2="{_num(y)}" stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        parts.append(
            _text(frame.left + 4, y - 5, f"cible {_with_unit(target, unit)}", size=11, fill=TARGET)
        )

    for day, value in targets:
        x, y = frame.x(day), frame.y(value)
        parts.append(
            f'<path d="M{_num(x)} {_num(y - 6)} L{_num(x + 6)} {_num(y)} L{_num(x)} {_num(y + 6)} '
            f'L{_num(x - 6)} {_num(y)} Z" fill="#ffffff" stroke="{TARGET}" stroke-width="2">'
            f"<title>{escape(f'Cible intermédiaire au {french.long_date(day)} : ')}"
            f"{escape(_with_unit(value, unit))}</title></path>"
        )

    for day, low, high in ranges:
        x = _num(frame.x(day))
        parts.append(
            f'<line x1="{x}" y1="{_num(frame.y(Decimal(low)))}" x2="{x}" '
            f'y2="{_num(frame.y(Decimal(high)))}" stroke="{LINE}" stroke-width="1.5" '
            f'stroke-opacity="0.45"/>'
        )
    coordinates = " ".join(f"{_num(frame.x(day))},{_num(frame.y(value))}" for day, value in points)
    if len(points) > 1:
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="2.5" '
            f'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    for day, value in points:
        parts.append(
            f'<circle cx="{_num(frame.x(day))}" cy="{_num(frame.y(value))}" r="4" fill="{LINE}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{escape(french.long_date(day))} : '
            f"{escape(_with_unit(value, unit))}</title></circle>"
        )

    if has_legend:
        parts.extend(_legend(frame.left, height - 12, baseline, target, bool(targets)))
    parts.append("</svg>")
    return "".join(parts)


def _legend(x: float, y: float, baseline, target, periodic: bool) -> list[str]:
    parts = [
        f'<line x1="{_num(x)}" y1="{_num(y - 4)}" x2="{_num(x + 18)}" y2="{_num(y - 4)}" '
        f'stroke="{LINE}" stroke-width="2.5"/>',
        f'<circle cx="{_num(x + 9)}" cy="{_num(y - 4)}" r="3.5" fill="{LINE}"/>',
        _text(x + 24, y, "mesures", size=11, fill=MUTED),
    ]
    x += 90
    if periodic:
        parts.append(
            f'<path d="M{_num(x + 9)} {_num(y - 10)} L{_num(x + 15)} {_num(y - 4)} '
            f'L{_num(x + 9)} {_num(y + 2)} L{_num(x + 3)} {_num(y - 4)} Z" fill="#ffffff" '
            f'stroke="{TARGET}" stroke-width="2"/>'
        )
        parts.append(_text(x + 24, y, "cibles intermédiaires", size=11, fill=MUTED))
        x += 160
    if target is not None:
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(y - 4)}" x2="{_num(x + 18)}" y2="{_num(y - 4)}" '
            f'stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        parts.append(_text(x + 24, y, "cible", size=11, fill=MUTED))
        x += 70
    if baseline is not None:
        parts.append(
            f'<line x1="{_num(x)}" y1="{_num(y - 4)}" x2="{_num(x + 18)}" y2="{_num(y - 4)}" '
            f'stroke="{BASELINE}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
        parts.append(_text(x + 24, y, "départ", size=11, fill=MUTED))
    return parts


def _describe_quantities(points, unit, baseline, target, targets, cumulative) -> str:
    count = len(points)
    first, last = points[0][0], points[-1][0]
    if count == 1:
        text = f"1 mesure, le {french.long_date(first)}"
    else:
        text = f"{count} mesures du {french.long_date(first)} au {french.long_date(last)}"
    latest = _with_unit(points[-1][1], unit)
    text += f" ; total cumulé : {latest}" if cumulative else f" ; dernière valeur : {latest}"
    if baseline is not None:
        text += f" ; valeur de départ : {_with_unit(baseline, unit)}"
    if target is not None:
        text += f" ; cible : {_with_unit(target, unit)}"
    if targets:
        listed = ", ".join(
            f"{_with_unit(value, unit)} au {french.long_date(day)}" for day, value in targets
        )
        text += f" ; cibles intermédiaires : {listed}"
    return text + "."


def render_scale_chart(
    *,
    title: str,
    levels: Sequence[str],
    points: Sequence[tuple[datetime.date, int]],
    width: int = 640,
    height: int = 240,
) -> str:
    """The measurements of a qualitative indicator on its scale (``levels``, lowest first):
    one row per level, a line with dots through the levels measured over time."""
    levels = list(levels)
    points = sorted(
        ((day, int(level)) for day, level in points if 0 <= int(level) < len(levels)),
        key=lambda p: p[0],
    )
    if not points or not levels:
        return _empty_chart(title, width, height)

    labels = [_shorten(level, 24) for level in levels]
    left = min(width // 3, max(48, max(len(label) for label in labels) * 7 + 14))
    # Each level is a band; its line runs through the middle of the band.
    ticks = [Decimal("-0.5"), Decimal(len(levels)) - Decimal("0.5")]
    first, last = points[0][0], points[-1][0]
    frame = _Frame(
        left=left, top=48, right=width - 16, bottom=height - 30, first=first, last=last, ticks=ticks
    )

    parts = _open_svg(width, height, title, _describe_levels(levels, points))
    parts.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    parts.append(_text(left, 20, _shorten(title, width // 8), size=14, font_weight="bold"))
    parts.append(_text(left, 38, f"échelle en {len(levels)} niveaux", size=11, fill=MUTED))
    for index, label in enumerate(labels):
        y = frame.y(index)
        parts.append(
            f'<line x1="{_num(left)}" y1="{_num(y)}" x2="{_num(frame.right)}" y2="{_num(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, label, size=11, anchor="end", fill=MUTED))
    parts.extend(_x_axis(frame, first, last))
    coordinates = " ".join(f"{_num(frame.x(day))},{_num(frame.y(level))}" for day, level in points)
    if len(points) > 1:
        parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{LINE}" stroke-width="2.5" '
            f'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    for day, level in points:
        parts.append(
            f'<circle cx="{_num(frame.x(day))}" cy="{_num(frame.y(level))}" r="4" fill="{LINE}" '
            f'stroke="#ffffff" stroke-width="1.5"><title>{escape(french.long_date(day))} : '
            f"{escape(levels[level])}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe_levels(levels: list[str], points: list[tuple[datetime.date, int]]) -> str:
    text = f"Échelle en {len(levels)} niveaux, de « {levels[0]} » à « {levels[-1]} » ; "
    if len(points) == 1:
        text += f"1 mesure, le {french.long_date(points[0][0])}"
    else:
        text += (
            f"{len(points)} mesures du {french.long_date(points[0][0])} "
            f"au {french.long_date(points[-1][0])}"
        )
    return text + f" ; dernier niveau : « {levels[points[-1][1]]} »."


def render_progress_bar(
    *, percent: int | None, label: str, width: int = 160, height: int = 14
) -> str:
    """A small bar for lists: filled to ``percent`` (0–100), grey and empty when unknown."""
    if percent is None:
        desc = "Progression inconnue : pas encore de mesure ou pas de cible."
    else:
        percent = max(0, min(100, int(percent)))
        desc = f"Progression : {french.percent(percent)} de la cible."
    parts = _open_svg(width, height, label, desc)
    radius = min(height / 2, 4)
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="{_num(radius)}" '
        f'fill="{TRACK}" stroke="{MUTED}" stroke-width="1"/>'
    )
    if percent:
        filled = (width - 1) * percent / 100
        parts.append(
            f'<rect x="0.5" y="0.5" width="{_num(filled)}" height="{height - 1}" '
            f'rx="{_num(radius)}" fill="{LINE}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Bar:
    """One bar: its label (left), its length in the chart's unit, and the figure written at its
    end (« 3 (25 %) », « 4,2 »)."""

    label: str
    value: float
    text: str


def render_bar_chart(
    *,
    title: str,
    bars: Sequence[Bar],
    maximum: float,
    summary: str,
    width: int = 400,
    label_share: float = 0.45,
) -> str:
    """Horizontal bars, one per row, from 0 to ``maximum``, each labelled and followed by its
    figure. The page shows the title as a heading, so the SVG only names itself with it;
    ``summary`` opens the ``<desc>``, which then lists every bar with its figure. Labels take
    at most ``label_share`` of the width, shortened with « … » beyond."""
    bars = list(bars)
    if not bars:
        return _empty_chart(title, width, 80, "Aucune réponse")
    size, row_height = 13, 30
    char = 7.6  # a generous average width of a character at 13 px, so that labels never clip
    label_width = min(width * label_share, max(len(bar.label) for bar in bars) * char + 12)
    text_width = max(len(bar.text) for bar in bars) * char + 10
    left, right = label_width, width - text_width
    height = len(bars) * row_height + 8
    maximum = maximum or 1
    listed = " ; ".join(f"{bar.label} : {bar.text}" for bar in bars)
    parts = _open_svg(width, height, title, f"{summary} {listed}.".strip())
    parts.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    label_limit = max(4, int((label_width - 12) / char))
    for index, bar in enumerate(bars):
        middle = 4 + index * row_height + row_height / 2
        length = (right - left) * max(0.0, min(float(bar.value), maximum)) / maximum
        label = _shorten(bar.label, label_limit)
        parts.append(_text(left - 8, middle + 4.5, label, size=size, anchor="end"))
        parts.append(
            f'<rect x="{_num(left)}" y="{_num(middle - 9)}" width="{_num(right - left)}" '
            f'height="18" fill="{TRACK}"/>'
        )
        if length:
            parts.append(
                f'<rect x="{_num(left)}" y="{_num(middle - 9)}" width="{_num(length)}" '
                f'height="18" fill="{LINE}"><title>{escape(f"{bar.label} : {bar.text}")}'
                "</title></rect>"
            )
        parts.append(_text(left + length + 6, middle + 4.5, bar.text, size=size))
    parts.append("</svg>")
    return "".join(parts)
