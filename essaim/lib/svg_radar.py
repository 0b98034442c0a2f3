"""A Django-free radar chart (graphique en radar) of percentages, drawn as a standalone SVG string.

One spoke per dimension, a concentric grid at 25, 50, 75 and 100 %, the current answers as a
filled polygon with its points, their values written under the axis labels (outside the rings,
where they never run into each other), and up to two earlier answers as dashed outlines. Same
conventions as :mod:`essaim.lib.svg_charts`: presentation attributes only (no ``style``), every
text escaped, French numbers, a ``<desc>`` telling the values, so that the chart obeys a strict
Content-Security-Policy, prints in a PDF and converts to PNG.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from essaim.lib import french
from essaim.lib.svg_charts import FONT, GRID, INK, LINE, MUTED

__all__ = ["RadarSeries", "radar_point", "render_radar_chart"]

RINGS = (25, 50, 75, 100)
# The current series, then the earlier ones: colour, dash pattern.
SERIES_STYLES = ((LINE, ""), (MUTED, "6 4"), ("#8a5a2b", "2 3"))
FILL_OPACITY = "0.18"
AXIS_SIZE = 13
LINE_HEIGHT = 15
CHAR = 0.6  # a generous average width of a character, in ems, so that labels never clip
LABEL_GAP = 12  # between the outer ring and the axis labels
MARGIN = 10
MIN_LAYOUT_WIDTH = 420
UNANSWERED = "non renseigné"

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class RadarSeries:
    label: str  # e.g. "12 mars 2026"
    values: Sequence[float | None]  # one per axis, 0–100 (percent); None = not answered


# --- Helpers ----------------------------------------------------------------------------------


def _clean(text: object) -> str:
    """``text`` fit for XML, its runs of spaces and line breaks made one space (no-break
    spaces kept)."""
    return _XML_INVALID.sub("", _SPACES.sub(" ", str(text)).strip(" "))


def _escape(text: object) -> str:
    return escape(_clean(text))


def _attr(text: object) -> str:
    return escape(_clean(text), {'"': "&quot;"})


def _num(value: float) -> str:
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _text(
    x: float, y: float, content: str, *, size: float, anchor: str = "start", **attrs: object
) -> str:
    attrs.setdefault("fill", INK)
    extra = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{_attr(v)}"' for name, v in attrs.items()
    )
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}"'
        f"{extra}>{_escape(content)}</text>"
    )


def _wrap(text: str, limit: int, max_lines: int = 3) -> list[str]:
    """``text`` on lines of at most ``limit`` characters, cut between words (a longer word
    alone on its line is cut), at most ``max_lines`` of them, the last shortened with « … »
    when they are not enough."""
    lines: list[str] = []
    for word in _clean(text).split(" "):
        if lines and len(f"{lines[-1]} {word}") <= limit:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > limit:
            lines.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        lines.append(word)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], last[: limit - 1].rstrip(" -") + "…"]
    return lines


def _value(value: float | None) -> float | None:
    """A value as a float; None (or not a number) when not answered."""
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _percent(value: float) -> str:
    return french.percent(value)


def _angle(index: int, count: int) -> float:
    """The direction of axis ``index``: the first straight up, the others clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def radar_point(
    centre: tuple[float, float], radius: float, index: int, count: int, value: float
) -> tuple[float, float]:
    """Where ``value`` (0–100, clamped) of axis ``index`` of ``count`` lands, for a chart of
    ``centre`` and outer ``radius`` (the ring of 100 %)."""
    share = max(0.0, min(100.0, float(value))) / 100
    angle = _angle(index, count)
    return (
        centre[0] + radius * share * math.cos(angle),
        centre[1] + radius * share * math.sin(angle),
    )


@dataclass
class _Label:
    """An axis label: its name on one to three lines, then the current value (``value``, None
    without a current series), hung outside the outer ring."""

    lines: list[str]
    value: str | None
    answered: bool
    anchor: str
    sin: float  # of the axis' direction: -1 at the top, 1 at the bottom

    @property
    def count(self) -> int:
        return len(self.lines) + (self.value is not None)

    @property
    def width(self) -> float:
        widths = [len(line) * AXIS_SIZE * CHAR for line in self.lines]
        if self.value is not None:
            widths.append(len(self.value) * AXIS_SIZE * (CHAR + 0.06))  # bold
        return max(widths)

    @property
    def height(self) -> float:
        return self.count * LINE_HEIGHT

    def top(self, y: float) -> float:
        """The top of the block hung from ``y`` (relative to the centre), away from the
        chart: above the point at the top, below it at the bottom, centred on it at the sides,
        in between elsewhere."""
        return y - (self.height + 4) * (1 - self.sin) / 2 + 2


def _labels(axes: Sequence[str], values: list[float | None] | None, limit: int) -> list[_Label]:
    labels = []
    count = len(axes)
    for index, axis in enumerate(axes):
        angle = _angle(index, count)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        # Labels above and below the chart spread sideways, those beside it take its width.
        lines = _wrap(axis, limit if anchor != "middle" else max(limit, 22))
        value = answered = None
        if values is not None:
            answered = values[index] is not None
            value = _percent(values[index]) if answered else UNANSWERED
        labels.append(_Label(lines, value, bool(answered), anchor, sin))
    return labels


def _fitting_radius(labels: list[_Label], half: float) -> float:
    """The largest outer radius that keeps every label inside ``half`` of the width from the
    centre (less the margin)."""
    room = half - MARGIN
    radius = room * 0.8
    count = len(labels)
    for index, label in enumerate(labels):
        cos = abs(math.cos(_angle(index, count)))
        needed = label.width if label.anchor != "middle" else label.width / 2
        if cos > 1e-9:
            radius = min(radius, (room - needed) / cos - LABEL_GAP)
    return radius


# --- Chart ------------------------------------------------------------------------------------


def render_radar_chart(
    axes: Sequence[str],
    series: Sequence[RadarSeries],
    *,
    title: str,
    width: int = 520,
) -> str:
    """The ``series`` (the current one first, then up to two earlier ones) on the ``axes``
    (French labels, 3 or more; 5 to 12 read best). Values are percentages (clamped to 0–100 on
    the chart); None, not answered, is drawn as 0 with a hollow marker and said « non
    renseigné ». The current values are written under the axis labels, outside the rings, where
    they never run into each other."""
    axes = [_clean(axis) for axis in axes]
    series = list(series)
    if len(axes) < 3:
        raise ValueError("Un graphique en radar demande au moins trois axes.")
    if len(series) > len(SERIES_STYLES):
        raise ValueError(f"Un graphique en radar montre au plus {len(SERIES_STYLES)} séries.")
    for one in series:
        if len(one.values) != len(axes):
            raise ValueError(
                f"La série « {one.label} » a {len(one.values)} valeurs pour {len(axes)} axes."
            )
    count = len(axes)
    current = [_value(value) for value in series[0].values] if series else None

    layout = max(int(width), MIN_LAYOUT_WIDTH)
    half = layout / 2
    for limit in (18, 15, 12, 10):
        labels = _labels(axes, current, limit)
        radius = _fitting_radius(labels, half)
        if radius >= layout * 0.25:
            break
    radius = max(radius, 40.0)

    # Vertically: the title, then the labels above the centre, the chart, the labels below.
    title_bottom = 34
    sines = [math.sin(_angle(index, count)) for index in range(count)]
    tops, bottoms = [radius * min(sines) - 8], [radius * max(sines) + 8]
    for index, label in enumerate(labels):
        y = (radius + LABEL_GAP) * math.sin(_angle(index, count))
        tops.append(label.top(y))
        bottoms.append(label.top(y) + label.height)
    cx = half
    cy = title_bottom + 8 - min(tops)
    chart_bottom = cy + max(bottoms)

    parts: list[str] = [
        f'<rect width="{layout}" height="@HEIGHT@" fill="#ffffff"/>',
        _text(MARGIN, 22, _shorten(title, int((layout - 2 * MARGIN) / (15 * CHAR))), size=15,
              font_weight="bold"),
    ]  # fmt: skip
    parts.extend(_grid(cx, cy, radius, count))

    # Earlier series first, so that the current one is drawn on top.
    for position in range(len(series) - 1, 0, -1):
        colour, dash = SERIES_STYLES[position]
        points = [
            radar_point((cx, cy), radius, index, count, _value(value) or 0)
            for index, value in enumerate(series[position].values)
        ]
        parts.append(
            f'<polygon class="radar-series" points="{_points(points)}" fill="none" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}" '
            f'stroke-linejoin="round"><title>{_escape(series[position].label)}</title></polygon>'
        )
    if current is not None:
        parts.extend(_current(series[0], axes, current, cx, cy, radius))

    # Axis labels and current values, outside the outer ring.
    for index, label in enumerate(labels):
        angle = _angle(index, count)
        x = cx + (radius + LABEL_GAP) * math.cos(angle)
        y = cy + (radius + LABEL_GAP) * math.sin(angle)
        top = label.top(y - cy) + cy
        lines = [
            f'<tspan x="{_num(x)}" y="{_num(top + 11 + number * LINE_HEIGHT)}">'
            f"{_escape(line)}</tspan>"
            for number, line in enumerate(label.lines)
        ]
        if label.value is not None:
            look = (
                f'fill="{LINE}" font-weight="bold"'
                if label.answered
                else f'fill="{MUTED}" font-style="italic"'
            )
            lines.append(
                f'<tspan class="radar-value" x="{_num(x)}" '
                f'y="{_num(top + 11 + len(label.lines) * LINE_HEIGHT)}" {look}>'
                f"{_escape(label.value)}</tspan>"
            )
        parts.append(
            f'<text class="radar-axis" font-size="{AXIS_SIZE}" text-anchor="{label.anchor}" '
            f'fill="{INK}"><title>{_escape(axes[index])}</title>{"".join(lines)}</text>'
        )

    hollow = current is not None and None in current
    legend, bottom = _legend(series, hollow, MARGIN, chart_bottom + 14, layout - MARGIN)
    parts.extend(legend)
    height = math.ceil(bottom + MARGIN)
    parts[0] = parts[0].replace("@HEIGHT@", str(height))
    display_height = round(height * int(width) / layout)
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(width)}" '
            f'height="{display_height}" viewBox="0 0 {layout} {height}" '
            f'preserveAspectRatio="xMidYMid meet" role="img" font-family="{_attr(FONT)}">',
            f"<title>{_escape(title)}</title>",
            f"<desc>{_escape(_describe(axes, series, current or []))}</desc>",
            *parts,
            "</svg>",
        ]
    )


def _shorten(text: str, limit: int) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _grid(cx: float, cy: float, radius: float, count: int) -> list[str]:
    parts = []
    for ring in RINGS:
        points = [radar_point((cx, cy), radius, index, count, ring) for index in range(count)]
        parts.append(
            f'<polygon class="radar-ring" data-percent="{ring}" points="{_points(points)}" '
            f'fill="none" stroke="{GRID if ring < 100 else MUTED}" stroke-width="1"/>'
        )
    for index in range(count):
        x, y = radar_point((cx, cy), radius, index, count, 100)
        parts.append(
            f'<line class="radar-spoke" x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" '
            f'y2="{_num(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
    # The rings' percentages, between the last axis and the first, where no point lies.
    angle = -math.pi / 2 - math.pi / count
    for ring in RINGS:
        distance = radius * ring / 100 * math.cos(math.pi / count) - 4
        x, y = cx + distance * math.cos(angle), cy + distance * math.sin(angle)
        parts.append(_text(x, y + 3.5, _percent(ring), size=10, anchor="middle", fill=MUTED))
    return parts


def _current(
    one: RadarSeries,
    axes: Sequence[str],
    values: list[float | None],
    cx: float,
    cy: float,
    radius: float,
) -> list[str]:
    """The current series: its filled polygon, then its points (the unanswered ones, hollow,
    last: they all sit at the centre, over a point of 0 %)."""
    count = len(axes)
    colour, _ = SERIES_STYLES[0]
    points = [
        radar_point((cx, cy), radius, index, count, value or 0)
        for index, value in enumerate(values)
    ]
    parts = [
        f'<polygon class="radar-series" points="{_points(points)}" fill="{colour}" '
        f'fill-opacity="{FILL_OPACITY}" stroke="{colour}" stroke-width="2.5" '
        f'stroke-linejoin="round"><title>{_escape(one.label)}</title></polygon>'
    ]
    order = sorted(range(count), key=lambda index: values[index] is None)
    for index in order:
        value = values[index]
        x, y = points[index]
        hollow = value is None
        said = UNANSWERED if hollow else _percent(value)
        parts.append(
            f'<circle class="radar-point" data-axis="{index}" cx="{_num(x)}" cy="{_num(y)}" '
            f'r="4.5" fill="{"#ffffff" if hollow else colour}" '
            f'stroke="{colour if hollow else "#ffffff"}" stroke-width="{2 if hollow else 1.5}">'
            f"<title>{_escape(f'{axes[index]} : {said}')}</title></circle>"
        )
    return parts


def _legend(
    series: list[RadarSeries], hollow: bool, left: float, top: float, right: float
) -> tuple[list[str], float]:
    """The series and, when a value is missing, the hollow marker: left to right, wrapping."""
    parts = []
    x, y = left, top
    entries: list[tuple[int | None, str]] = [
        (position, one.label) for position, one in enumerate(series)
    ]
    if hollow:
        entries.append((None, f"{UNANSWERED} (compté {_percent(0)})"))
    size = 12
    for position, label in entries:
        label = _shorten(label, int((right - left - 34) / (size * CHAR)))
        width = 34 + len(label) * size * CHAR
        if x > left and x + width > right:
            x, y = left, y + 22
        middle = y + 8
        if position is None:
            parts.append(
                f'<circle cx="{_num(x + 13)}" cy="{_num(middle)}" r="4.5" fill="#ffffff" '
                f'stroke="{LINE}" stroke-width="2"/>'
            )
        elif position == 0:
            parts.append(
                f'<rect x="{_num(x)}" y="{_num(middle - 6)}" width="26" height="12" '
                f'fill="{LINE}" fill-opacity="{FILL_OPACITY}" stroke="{LINE}" '
                f'stroke-width="2.5"/>'
            )
        else:
            colour, dash = SERIES_STYLES[position]
            parts.append(
                f'<line x1="{_num(x)}" y1="{_num(middle)}" x2="{_num(x + 26)}" '
                f'y2="{_num(middle)}" stroke="{colour}" stroke-width="2" '
                f'stroke-dasharray="{dash}"/>'
            )
        parts.append(_text(x + 34, middle + 4.5, label, size=size, fill=INK))
        x += width + 18
    if not entries:
        return parts, top
    return parts, y + 16


def _describe(axes: Sequence[str], series: list[RadarSeries], values: list[float | None]) -> str:
    if not series:
        return f"Aucune réponse pour l'instant sur les {len(axes)} axes : {', '.join(axes)}."
    listed = " ; ".join(
        f"{axis} : {UNANSWERED if value is None else _percent(value)}"
        for axis, value in zip(axes, values, strict=True)
    )
    text = f"{_clean(series[0].label)} — {listed}."
    answered = [
        (value, axis) for axis, value in zip(axes, values, strict=True) if value is not None
    ]
    if not answered:
        text += " Aucune réponse pour l'instant."
    else:
        # Ties as the chart writes them: to the unit.
        lowest = min(round(value) for value, _ in answered)
        weakest = [axis for value, axis in answered if round(value) == lowest]
        noun = "Axe le plus faible" if len(weakest) == 1 else "Axes les plus faibles"
        text += f" {noun} : {french.enumeration(weakest)} ({_percent(lowest)})."
    if len(series) > 1:
        earlier = french.enumeration([_clean(one.label) for one in series[1:]])
        text += f" En pointillé, pour comparer : {earlier}."
    return text
