"""The SVG charts, without a database: parsed as XML, checked for ticks, French formatting,
escaping and empty data."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

from essaim.lib.svg_charts import (
    nice_ticks,
    render_indicator_chart,
    render_progress_bar,
    render_scale_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def dots(root: ET.Element) -> list[ET.Element]:
    """The measurement dots (the legend's dot has no tooltip)."""
    return [node for node in root.iter(f"{SVG}circle") if node.find(f"{SVG}title") is not None]


def monthly(*values: str) -> list[tuple[datetime.date, Decimal]]:
    return [
        (datetime.date(2024, month, 1), Decimal(value))
        for month, value in enumerate(values, start=2)
    ]


def test_it_chooses_nice_ticks():
    assert nice_ticks(0, 17) == [Decimal(n) for n in (0, 5, 10, 15, 20)]
    assert nice_ticks(0, 100) == [Decimal(n) for n in (0, 20, 40, 60, 80, 100)]
    assert [str(t) for t in nice_ticks(0, Decimal("0.3"))] == ["0.0", "0.1", "0.2", "0.3"]
    assert nice_ticks(0, 0) == [Decimal(n) / 5 for n in range(6)]
    ticks = nice_ticks(-3, 7)
    assert ticks[0] <= -3 and ticks[-1] >= 7 and Decimal(0) in ticks


def test_it_draws_measurements_target_and_baseline():
    svg = render_indicator_chart(
        title="Trajets réalisés",
        unit="trajets",
        points=monthly("3", "5", "1234.5"),
        baseline=Decimal("0"),
        target=Decimal("1500"),
    )
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Trajets réalisés"
    desc = root.find(f"{SVG}desc").text
    assert "3 mesures du 1er février 2024 au 1er avril 2024" in desc
    assert f"dernière valeur : 1{NBSP}234,5{NBSP}trajets" in desc
    assert f"cible : 1{NBSP}500{NBSP}trajets" in desc
    labels = texts(root)
    # Value axis: nice round ticks written the French way, from zero.
    for tick in ("0", "500", f"1{NBSP}000", f"1{NBSP}500"):
        assert tick in labels
    # Date axis: months.
    assert {"févr. 2024", "mars 2024", "avr. 2024"} <= set(labels)
    assert f"cible 1{NBSP}500{NBSP}trajets" in labels
    assert "départ 0\u00a0trajets" in labels
    assert len(root.findall(f"{SVG}polyline")) == 1
    assert len(dots(root)) == 3
    dashed = [line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dashed) >= 2
    assert "style=" not in svg
    assert "<script" not in svg


def test_it_sums_cumulative_measurements():
    svg = render_indicator_chart(
        title="Trajets", unit="trajets", points=monthly("3", "5", "4"), cumulative=True
    )
    root = parse(svg)
    tooltips = [node.find(f"{SVG}title").text for node in dots(root)]
    assert tooltips == [
        "1er février 2024 : 3\u00a0trajets",
        "1er mars 2024 : 8\u00a0trajets",
        "1er avril 2024 : 12\u00a0trajets",
    ]
    assert "total cumulé : 12\u00a0trajets" in root.find(f"{SVG}desc").text


def test_it_sorts_points_by_date():
    points = list(reversed(monthly("1", "2", "3")))
    root = parse(render_indicator_chart(title="t", unit="", points=points))
    xs = [float(node.get("cx")) for node in dots(root)]
    assert xs == sorted(xs)


def test_it_draws_periodic_targets_as_hollow_markers():
    svg = render_indicator_chart(
        title="Trajets",
        unit="trajets",
        points=monthly("3", "5"),
        targets=[(datetime.date(2024, 6, 30), Decimal("10"))],
    )
    root = parse(svg)
    markers = [path for path in root.iter(f"{SVG}path") if path.find(f"{SVG}title") is not None]
    assert len(markers) == 1
    assert markers[0].get("fill") == "#ffffff"
    assert markers[0].find(f"{SVG}title").text == (
        "Cible intermédiaire au 30 juin 2024 : 10\u00a0trajets"
    )
    assert "cibles intermédiaires" in texts(root)
    assert "cibles intermédiaires : 10\u00a0trajets au 30 juin 2024" in (
        root.find(f"{SVG}desc").text
    )


def test_it_labels_short_periods_by_day():
    points = [
        (datetime.date(2024, 3, 4), Decimal(1)),
        (datetime.date(2024, 3, 20), Decimal(2)),
    ]
    labels = texts(parse(render_indicator_chart(title="t", unit="", points=points)))
    assert "4 mars" in labels


def test_it_labels_long_periods_with_fewer_months():
    points = [(datetime.date(2020 + n // 12, n % 12 + 1, 1), Decimal(n)) for n in range(48)]
    root = parse(render_indicator_chart(title="t", unit="", points=points))
    months = [label for label in texts(root) if label[-4:].isdigit() and " " in label]
    assert 2 <= len(months) <= 8
    assert all(label.startswith("janv.") for label in months)


def test_it_escapes_text():
    svg = render_indicator_chart(
        title='Part des « <b>jeunes</b> » & "autres"',
        unit="<%>",
        points=monthly("1"),
    )
    root = parse(svg)
    assert root.find(f"{SVG}title").text == 'Part des « <b>jeunes</b> » & "autres"'
    assert "<b>" not in svg
    assert "&lt;b&gt;" in svg


def test_it_handles_a_single_point_and_equal_values():
    root = parse(render_indicator_chart(title="t", unit="", points=monthly("0")))
    assert len(dots(root)) == 1
    assert root.findall(f"{SVG}polyline") == []
    assert "1 mesure, le 1er février 2024" in root.find(f"{SVG}desc").text


def test_it_handles_negative_values():
    root = parse(render_indicator_chart(title="t", unit="", points=monthly("-5", "-2")))
    assert "0" in texts(root)
    assert "-6" in texts(root) or "-5" in texts(root)


def test_it_says_when_there_is_no_measurement():
    root = parse(render_indicator_chart(title="Trajets", unit="trajets", points=[]))
    assert root.get("role") == "img"
    assert "Aucune mesure" in texts(root)
    assert root.find(f"{SVG}desc").text == "Aucune mesure pour l'instant."


def test_it_draws_a_scale():
    svg = render_scale_chart(
        title="Confiance",
        levels=["faible", "moyenne", "forte"],
        points=[(datetime.date(2024, 1, 10), 0), (datetime.date(2024, 4, 10), 2)],
    )
    root = parse(svg)
    labels = texts(root)
    assert {"faible", "moyenne", "forte"} <= set(labels)
    circles = dots(root)
    assert [c.find(f"{SVG}title").text for c in circles] == [
        "10 janvier 2024 : faible",
        "10 avril 2024 : forte",
    ]
    # The strongest level is drawn higher.
    assert float(circles[1].get("cy")) < float(circles[0].get("cy"))
    desc = root.find(f"{SVG}desc").text
    assert "3 niveaux, de « faible » à « forte »" in desc
    assert "dernier niveau : « forte »" in desc


def test_it_ignores_levels_outside_the_scale():
    root = parse(
        render_scale_chart(
            title="Confiance", levels=["faible", "forte"], points=[(datetime.date(2024, 1, 1), 5)]
        )
    )
    assert "Aucune mesure" in texts(root)


def test_it_draws_a_progress_bar():
    root = parse(render_progress_bar(percent=60, label="Trajets & co"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Trajets & co"
    assert root.find(f"{SVG}desc").text == "Progression : 60\u00a0% de la cible."
    _track, filled = root.findall(f"{SVG}rect")
    assert float(filled.get("width")) == round(159 * 0.6, 1)


def test_it_draws_an_unknown_progress_as_an_empty_bar():
    root = parse(render_progress_bar(percent=None, label="Trajets"))
    assert len(root.findall(f"{SVG}rect")) == 1
    assert "inconnue" in root.find(f"{SVG}desc").text


def test_it_clamps_progress():
    root = parse(render_progress_bar(percent=140, label="x", width=101))
    assert float(root.findall(f"{SVG}rect")[1].get("width")) == 100
