"""The bounds of the values people type, and the pictures that must survive values typed
before them, without a database."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from essaim.lib.bounds import (
    DATE_OUT_OF_RANGE,
    NOT_SINGLE_LINE,
    OutOfBounds,
    check_count,
    check_date,
    check_single_line,
    one_line,
    sentence,
)
from essaim.lib.french_csv import CellError, parse_date, parse_datetime
from essaim.lib.svg_charts import render_indicator_chart, render_scale_chart
from essaim.lib.svg_timeline import TimelineItem, render_timeline

FAR_PAST = datetime.date(1, 1, 1)
FAR_FUTURE = datetime.date(9999, 12, 31)


@pytest.mark.parametrize(
    "day", [datetime.date(1900, 1, 1), datetime.date(2050, 12, 31), datetime.date(2100, 12, 31)]
)
def test_it_accepts_the_dates_within_the_bounds(day):
    check_date(day)
    check_date(datetime.datetime.combine(day, datetime.time(23, 59)))


@pytest.mark.parametrize(
    "day", [FAR_PAST, datetime.date(1899, 12, 31), datetime.date(2101, 1, 1), FAR_FUTURE]
)
def test_it_refuses_the_dates_out_of_bounds(day):
    with pytest.raises(OutOfBounds) as refused:
        check_date(day)
    assert refused.value.message == DATE_OUT_OF_RANGE
    assert sentence(refused.value.message) == (
        "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."
    )


@pytest.mark.parametrize("text", ["9999-12-31", "31/12/9999", "01/01/0001", "0001-01-01"])
def test_an_import_refuses_the_same_dates_with_the_same_words(text):
    with pytest.raises(CellError) as refused:
        parse_date(text)
    assert refused.value.message == DATE_OUT_OF_RANGE

    with pytest.raises(CellError) as refused:
        parse_datetime(f"{text} 10:30")
    assert refused.value.message == DATE_OUT_OF_RANGE


def test_an_import_refuses_a_spreadsheet_cell_out_of_bounds():
    with pytest.raises(CellError, match="01/01/1900"):
        parse_date(datetime.datetime(9999, 12, 31, 8, 0))
    with pytest.raises(CellError, match="01/01/1900"):
        parse_datetime(datetime.datetime(1, 1, 1, 8, 0))
    assert parse_date("31/12/2100") == datetime.date(2100, 12, 31)


def test_it_bounds_whole_numbers_to_a_million():
    check_count(1_000_000)
    with pytest.raises(OutOfBounds, match="un million au plus"):
        check_count(2_147_483_648)


@pytest.mark.parametrize(
    "text", ["Atelier\ncompost", "Atelier\r\ncompost", "A\tB", "A\x00B", "A\u2028B"]
)
def test_it_refuses_a_line_break_or_a_control_character_in_a_single_line_text(text):
    with pytest.raises(OutOfBounds) as refused:
        check_single_line(text)
    assert refused.value.message == NOT_SINGLE_LINE


def test_it_accepts_a_single_line_text_with_accents_and_punctuation():
    check_single_line("Atelier « compost » : l'été, 14 h – 16 h")


def test_it_puts_a_text_kept_before_the_rule_on_one_line():
    assert one_line("Atelier\r\n  compost\t\x07 ") == "Atelier compost"


# Pictures of the dates kept before the bounds ---------------------------------------------------


def ticks(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [text.text for text in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize(
    "first, last", [(FAR_PAST, datetime.date(2024, 5, 1)), (datetime.date(2024, 5, 1), FAR_FUTURE)]
)
def test_a_chart_over_thousands_of_years_has_a_handful_of_ticks(first, last):
    points = [(first, Decimal(1)), (last, Decimal(2))]

    svg = render_indicator_chart(title="Trajets", unit="", points=points, targets=[(last, 3)])
    scale = render_scale_chart(
        title="Confiance", levels=["faible", "forte"], points=[(first, 0), (last, 1)]
    )

    assert len(svg) < 10_000
    assert len(scale) < 10_000
    assert len(ticks(svg)) < 30


@pytest.mark.parametrize(
    "first, last",
    [
        (FAR_PAST, datetime.date(2024, 5, 1)),
        (datetime.date(2024, 5, 1), FAR_FUTURE),
        (FAR_PAST, FAR_FUTURE),
    ],
)
def test_a_timeline_over_thousands_of_years_has_a_handful_of_months(first, last):
    items = [
        TimelineItem("Diagnostic", first, last, "en_cours", "phase"),
        TimelineItem("Bilan", last, None, "prevue", "jalon"),
    ]

    svg = render_timeline(items, title="Frise", today=datetime.date(2026, 1, 1))

    root = ET.fromstring(svg)
    lines = list(root.iter("{http://www.w3.org/2000/svg}line"))
    assert len(lines) < 30
    assert len(svg) < 10_000


def test_a_timeline_of_a_few_years_keeps_a_line_for_each_month():
    items = [TimelineItem("Diagnostic", datetime.date(2024, 1, 1), datetime.date(2025, 12, 31))]

    root = ET.fromstring(render_timeline(items, title="Frise"))

    axis = next(
        g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "timeline-axis"
    )
    assert len(list(axis.iter("{http://www.w3.org/2000/svg}line"))) == 24
