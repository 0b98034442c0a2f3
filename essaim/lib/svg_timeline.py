"""A printable timeline (frise chronologique) drawn as a standalone SVG string.

Django-free: the caller gives plain ``TimelineItem`` values and gets markup back. Everything is
drawn with presentation attributes (``fill=``, ``stroke=``…), never ``style=``, so the picture
obeys a strict Content-Security-Policy, prints, and embeds in a PDF without any stylesheet.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from essaim.lib import french

# status → (fill, stroke, dash pattern, French label). "prevue" is drawn hollow and
# "abandonnee" dashed, so the statuses stay distinct when printed in black and white.
STATUS_STYLES = {
    "prevue": ("#ffffff", "#4a5a70", "", "prévue"),
    "en_cours": ("#2b6cb0", "#1e4e80", "", "en cours"),
    "terminee": ("#2f7a4f", "#1f5636", "", "terminée"),
    "en_retard": ("#c4501a", "#8f3a12", "", "en retard"),
    "abandonnee": ("#d5dae1", "#6b7685", "4 3", "abandonnée"),
}
DEFAULT_STYLE = ("#5a6678", "#3d4756", "", "")

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
TEXT_COLOUR = "#1f2933"
MUTED_COLOUR = "#52606d"
GRID_COLOUR = "#d9dee4"
STRIPE_COLOUR = "#f4f6f8"
TODAY_COLOUR = "#b42318"

ROW_HEIGHT = 28
AXIS_HEIGHT = 60
LEGEND_LINE = 22
PADDING = 8
# Widest average width of a 13 px character (regular, bold) among common sans-serif fonts:
# enough to decide where to cut a label so that it never runs into the bars.
CHAR_WIDTH = 7.5
BOLD_CHAR_WIDTH = 8.5

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class TimelineItem:
    label: str
    start: date
    end: date | None  # None = milestone (a diamond)
    status: str = ""  # "prevue", "en_cours", "terminee", "en_retard", "abandonnee"
    kind: str = ""  # "phase" | "etape" | "jalon"

    @property
    def is_milestone(self) -> bool:
        return self.end is None or self.kind == "jalon"

    @property
    def last_day(self) -> date:
        if self.end is None:
            return self.start
        return max(self.start, self.end)


def truncate(text: str, max_chars: int) -> str:
    """Cut ``text`` to ``max_chars`` characters, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 1)].rstrip() + "…"


def render_timeline(
    items: list[TimelineItem], *, title: str, today: date | None = None, width: int = 960
) -> str:
    """Return a standalone ``<svg>`` string, or an empty string when there is nothing to draw.

    One row per item, in the order given: a bar for a period, a diamond for a milestone, months
    ticked along the top with their French abbreviations, a dashed « aujourd'hui » line when
    ``today`` falls inside the period shown, and a legend of the statuses used.
    """
    if not items:
        return ""
    width = max(width, 360)
    first = min(item.start for item in items)
    last = max(item.last_day for item in items)
    range_start = first.replace(day=1)
    range_end = _next_month(last.replace(day=1)) if last < date(9999, 12, 1) else date.max
    total_days = (range_end - range_start).days

    label_width = min(300, max(140, width * 3 // 10))
    chart_left = label_width + PADDING
    chart_right = width - PADDING * 2
    chart_width = chart_right - chart_left
    rows_top = AXIS_HEIGHT
    rows_bottom = rows_top + ROW_HEIGHT * len(items)
    legend, legend_height = _legend(items, rows_bottom + 14, width)
    height = rows_bottom + 14 + legend_height + PADDING

    def x_of(day: date, days_after: int = 0) -> float:
        return chart_left + ((day - range_start).days + days_after) / total_days * chart_width

    uid = (
        "tl-" + hashlib.sha1(repr((title, items)).encode(), usedforsecurity=False).hexdigest()[:10]
    )
    description = (
        f"{french.counted(len(items), 'élément')}, du {french.long_date(first)} "
        f"au {french.long_date(last)}."
    )
    if today is not None and range_start <= today < range_end:
        description += f" Aujourd'hui : {french.long_date(today)}."

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{uid}-title {uid}-desc" '
        f'font-family="{FONT}" font-size="13" class="timeline-svg">',
        f'<title id="{uid}-title">{_text(title)}</title>',
        f'<desc id="{uid}-desc">{_text(description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]

    # Stripes first, so that month lines and bars are drawn above them.
    for index in range(len(items)):
        if index % 2 == 0:
            y = rows_top + index * ROW_HEIGHT
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{ROW_HEIGHT}" '
                f'fill="{STRIPE_COLOUR}"/>'
            )

    parts.append(_month_axis(range_start, range_end, x_of, chart_width, rows_top, rows_bottom))

    room = label_width - 2 * PADDING
    for index, item in enumerate(items):
        char_width = BOLD_CHAR_WIDTH if item.kind == "phase" else CHAR_WIDTH
        max_chars = max(int(room // char_width), 4)
        parts.append(_row(item, rows_top + index * ROW_HEIGHT, x_of, max_chars))

    if today is not None and range_start <= today < range_end:
        today_x = x_of(today) + 0.5 * chart_width / total_days
        x = _num(today_x)
        # Keep the label inside the picture when today is near either end.
        anchor = "middle"
        if today_x > width - 45:
            anchor = "end"
        elif today_x < chart_left + 45:
            anchor = "start"
        parts.append(
            f'<g class="timeline-today"><line x1="{x}" y1="{rows_top - 44}" x2="{x}" '
            f'y2="{rows_bottom}" stroke="{TODAY_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="5 3"/>'
            f'<text x="{x}" y="{rows_top - 48}" text-anchor="{anchor}" font-size="11" '
            f'font-weight="bold" fill="{TODAY_COLOUR}">aujourd\'hui</text></g>'
        )

    parts.append(
        f'<line x1="{chart_left}" y1="{rows_bottom}" x2="{chart_right}" y2="{rows_bottom}" '
        f'stroke="{GRID_COLOUR}"/>'
    )
    parts.append(legend)
    parts.append("</svg>")
    return "".join(parts)


def _row(item: TimelineItem, top: int, x_of, max_chars: int) -> str:
    fill, stroke, dash, status_label = STATUS_STYLES.get(item.status, DEFAULT_STYLE)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    middle = top + ROW_HEIGHT / 2
    if item.is_milestone:
        period = f"le {french.long_date(item.start)}"
    else:
        period = f"du {french.long_date(item.start)} au {french.long_date(item.last_day)}"
    tooltip = " ".join(item.label.split()) + f" — {period}"
    if status_label:
        tooltip += f" ({status_label})"
    bold = ' font-weight="bold"' if item.kind == "phase" else ""
    shape: str
    if item.is_milestone:
        cx = x_of(item.start) + 0.5 * (x_of(item.start, days_after=1) - x_of(item.start))
        half = 7
        points = " ".join(
            f"{_num(px)},{_num(py)}"
            for px, py in (
                (cx, middle - half),
                (cx + half, middle),
                (cx, middle + half),
                (cx - half, middle),
            )
        )
        shape = (
            f'<polygon points="{points}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="1.5"{dash_attr}/>'
        )
    else:
        x1 = x_of(item.start)
        x2 = x_of(item.last_day, days_after=1)
        bar_height = 18 if item.kind == "phase" else 12
        shape = (
            f'<rect x="{_num(x1)}" y="{_num(middle - bar_height / 2)}" '
            f'width="{_num(max(x2 - x1, 2))}" height="{bar_height}" rx="3" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="1.5"{dash_attr}/>'
        )
    return (
        f'<g class="timeline-row"><title>{_text(tooltip)}</title>'
        f'<text x="{PADDING}" y="{_num(middle + 4.5)}" fill="{TEXT_COLOUR}"{bold}>'
        f"{_text(truncate(item.label, max_chars))}</text>{shape}</g>"
    )


# Years between labels when the months are too many to label each month or each year.
_YEAR_STEPS = (2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
# Beyond so many months, only the labelled months get a line, so that the picture stays small.
_MAX_MONTH_LINES = 600


def _month_axis(range_start: date, range_end: date, x_of, chart_width: float, top, bottom) -> str:
    first = range_start.year * 12 + range_start.month - 1
    count = (range_end.year * 12 + range_end.month - 1) - first + (range_end == date.max)
    # Label every month when there is room, otherwise every 2, 3, 6 or 12 months, or every
    # few years in round numbers.
    step = next((s for s in (1, 2, 3, 6, 12) if chart_width / count * s >= 44), None)
    if step is None:
        years = count / 12 * 44 / chart_width
        step = 12 * next((s for s in _YEAR_STEPS if s >= years), _YEAR_STEPS[-1])
    every = 1 if count <= _MAX_MONTH_LINES else step
    start = -(-first // every) * every
    parts = ['<g class="timeline-axis">']
    for index in range(start, first + count, every):
        month = date(index // 12, index % 12 + 1, 1)
        x = _num(x_of(month))
        if step > 12:
            labelled = month.month == 1 and month.year % (step // 12) == 0
        else:
            labelled = (month.month - 1) % step == 0 if step > 1 else True
        parts.append(
            f'<line x1="{x}" y1="{top - (8 if labelled else 4)}" x2="{x}" y2="{bottom}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        if not labelled:
            continue
        parts.append(
            f'<text x="{_num(x_of(month) + 3)}" y="{top - 12}" font-size="11" '
            f'fill="{MUTED_COLOUR}">{_text(french.MONTHS_SHORT[month.month - 1])}</text>'
        )
        if index == first or month.month == 1 or (1 < step <= 12 and month.month <= step):
            parts.append(
                f'<text x="{_num(x_of(month) + 3)}" y="{top - 26}" font-size="11" '
                f'font-weight="bold" fill="{MUTED_COLOUR}">{month.year}</text>'
            )
    parts.append("</g>")
    return "".join(parts)


def _legend(items: list[TimelineItem], top: int, width: int) -> tuple[str, int]:
    """The legend's markup and its height; entries wrap onto several lines when narrow."""
    used = sorted(
        {item.status for item in items if item.status in STATUS_STYLES},
        key=list(STATUS_STYLES).index,
    )
    entries = []  # (markup drawn at x=0, y=0 then translated, width)
    for status in used:
        fill, stroke, dash, label = STATUS_STYLES[status]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        entries.append(
            (
                f'<rect x="0" y="0" width="22" height="12" rx="3" fill="{fill}" '
                f'stroke="{stroke}" stroke-width="1.5"{dash_attr}/>'
                f'<text x="28" y="10.5" font-size="12" fill="{TEXT_COLOUR}">{_text(label)}</text>',
                round(28 + len(label) * CHAR_WIDTH + 18),
            )
        )
    if any(item.is_milestone for item in items):
        entries.append(
            (
                f'<polygon points="7,-1 14,6 7,13 0,6" fill="{MUTED_COLOUR}"/>'
                f'<text x="20" y="10.5" font-size="12" fill="{TEXT_COLOUR}">jalon</text>',
                round(20 + 5 * CHAR_WIDTH + 18),
            )
        )
    if not entries:
        return "", 0
    parts = ['<g class="timeline-legend">']
    x, y = PADDING, top
    for markup, entry_width in entries:
        if x > PADDING and x + entry_width > width:
            x, y = PADDING, y + LEGEND_LINE
        parts.append(f'<g transform="translate({x} {y})">{markup}</g>')
        x += entry_width
    parts.append("</g>")
    return "".join(parts), y - top + LEGEND_LINE


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _text(value: str) -> str:
    return escape(_XML_INVALID.sub("", value))


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
