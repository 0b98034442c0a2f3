"""The radar chart, without a database: parsed as XML, checked for its geometry, the values
told in French, escaping, earlier series and missing answers."""

import math
import xml.etree.ElementTree as ET

import pytest

from essaim.lib.svg_radar import RadarSeries, radar_point, render_radar_chart

SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"
AXES = ["Impact prouvé", "Modèle codifié", "Gouvernance partagée", "Financement", "Ancrage"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def coordinates(points: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split(",")) for pair in points.split()]


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [node for node in root.iter() if node.get("class") == name]


def ring(root: ET.Element, percent: int) -> list[tuple[float, float]]:
    (polygon,) = [
        node for node in by_class(root, "radar-ring") if node.get("data-percent") == str(percent)
    ]
    return coordinates(polygon.get("points"))


def centre(root: ET.Element) -> tuple[float, float]:
    spokes = by_class(root, "radar-spoke")
    assert len({(spoke.get("x1"), spoke.get("y1")) for spoke in spokes}) == 1
    return float(spokes[0].get("x1")), float(spokes[0].get("y1"))


def point(root: ET.Element, axis: int) -> ET.Element:
    (circle,) = [
        node for node in by_class(root, "radar-point") if node.get("data-axis") == str(axis)
    ]
    return circle


def position(circle: ET.Element) -> tuple[float, float]:
    return float(circle.get("cx")), float(circle.get("cy"))


def current() -> RadarSeries:
    return RadarSeries("12 mars 2026", [67, 33, 100, 0, 50])


def test_it_draws_a_standalone_accessible_svg():
    svg = render_radar_chart(AXES, [current()], title="Maturité pour l'essaimage")
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "520"
    assert root.get("viewBox").startswith("0 0 520 ")
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    assert root.find(f"{SVG}title").text == "Maturité pour l'essaimage"
    assert "style=" not in svg
    assert "<script" not in svg
    # The grid: four rings, one spoke per axis, the rings' percentages.
    assert [len(ring(root, percent)) for percent in (25, 50, 75, 100)] == [5, 5, 5, 5]
    assert len(by_class(root, "radar-spoke")) == 5
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert {f"25{NBSP}%", f"50{NBSP}%", f"75{NBSP}%", f"100{NBSP}%"} <= set(texts)


def test_a_full_value_lands_on_the_outer_ring_and_zero_at_the_centre():
    root = parse(render_radar_chart(AXES, [current()], title="Radar"))
    middle = centre(root)
    outer = ring(root, 100)
    # Axis 2 is at 100 %: its point is the outer ring's third corner.
    assert position(point(root, 2)) == outer[2]
    radius = math.dist(middle, outer[0])
    assert math.dist(middle, position(point(root, 2))) == pytest.approx(radius, abs=0.15)
    # The first axis goes straight up.
    assert outer[0][0] == pytest.approx(middle[0], abs=0.05)
    assert outer[0][1] < middle[1]
    # Axis 3 is at 0 %: its point is the centre.
    assert position(point(root, 3)) == pytest.approx(middle, abs=0.05)
    # Axis 4 at 50 %: halfway along its spoke, on the 50 % ring.
    assert position(point(root, 4)) == ring(root, 50)[4]
    assert radar_point((0, 0), 100, 0, 4, 150) == pytest.approx((0, -100))  # clamped


def test_the_description_lists_the_values_and_the_weakest_axis():
    root = parse(render_radar_chart(AXES, [current()], title="Radar"))
    assert root.find(f"{SVG}desc").text == (
        f"12 mars 2026 — Impact prouvé : 67{NBSP}% ; Modèle codifié : 33{NBSP}% ; "
        f"Gouvernance partagée : 100{NBSP}% ; Financement : 0{NBSP}% ; Ancrage : 50{NBSP}%. "
        f"Axe le plus faible : Financement (0{NBSP}%)."
    )
    values = ["".join(node.itertext()) for node in by_class(root, "radar-value")]
    assert values == [f"{n}{NBSP}%" for n in (67, 33, 100, 0, 50)]


def test_ties_for_the_weakest_axis_are_all_named():
    series = RadarSeries("Aujourd'hui", [20, 20, 80, 90, 100])
    desc = parse(render_radar_chart(AXES, [series], title="Radar")).find(f"{SVG}desc").text
    assert desc.endswith(f"Axes les plus faibles : Impact prouvé et Modèle codifié (20{NBSP}%).")


def test_labels_are_escaped():
    axes = ["Impact <prouvé>", "Modèle & codifié", "Gouvernance", "Financement", "Ancrage"]
    svg = render_radar_chart(
        axes, [RadarSeries("Série <b>", [10, 20, 30, 40, 50])], title="Radar & <co>"
    )
    root = parse(svg)
    assert "<prouvé>" not in svg and "<b>" not in svg and "<co>" not in svg
    assert "Impact &lt;prouvé&gt;" in svg
    assert root.find(f"{SVG}title").text == "Radar & <co>"
    axis_titles = [node.find(f"{SVG}title").text for node in by_class(root, "radar-axis")]
    assert axis_titles[:2] == ["Impact <prouvé>", "Modèle & codifié"]
    assert root.find(f"{SVG}desc").text.startswith("Série <b> — Impact <prouvé> : 10")


def test_earlier_series_are_dashed_outlines_under_the_current_one():
    earlier = RadarSeries("12 janvier 2026", [50, 20, 75, 0, 40])
    root = parse(render_radar_chart(AXES, [current(), earlier], title="Radar"))
    shapes = by_class(root, "radar-series")
    assert [shape.find(f"{SVG}title").text for shape in shapes] == [
        "12 janvier 2026",
        "12 mars 2026",
    ]
    before, now = shapes
    assert before.get("stroke-dasharray")
    assert before.get("fill") == "none"
    assert not now.get("stroke-dasharray")
    assert now.get("fill-opacity") == "0.18"
    assert before.get("stroke") != now.get("stroke")
    legend = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert {"12 mars 2026", "12 janvier 2026"} <= set(legend)
    assert root.find(f"{SVG}desc").text.endswith("En pointillé, pour comparer : 12 janvier 2026.")


def test_unanswered_axes_count_as_zero_with_a_hollow_marker():
    series = RadarSeries("Aujourd'hui", [None, 40, float("nan"), 60, 80])
    root = parse(render_radar_chart(AXES, [series], title="Radar"))
    middle = centre(root)
    unanswered = point(root, 0)
    assert position(unanswered) == pytest.approx(middle, abs=0.05)
    assert unanswered.get("fill") == "#ffffff"
    assert unanswered.find(f"{SVG}title").text == "Impact prouvé : non renseigné"
    assert point(root, 1).get("fill") != "#ffffff"
    desc = root.find(f"{SVG}desc").text
    assert f"Impact prouvé : non renseigné ; Modèle codifié : 40{NBSP}%" in desc
    assert "Gouvernance partagée : non renseigné" in desc
    assert desc.endswith(f"Axe le plus faible : Modèle codifié (40{NBSP}%).")
    texts = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert f"non renseigné (compté 0{NBSP}%)" in texts


def test_nothing_answered_and_no_series_are_drawn():
    nothing = RadarSeries("Aujourd'hui", [None] * 5)
    root = parse(render_radar_chart(AXES, [nothing], title="Radar"))
    assert root.find(f"{SVG}desc").text.endswith("Aucune réponse pour l'instant.")
    assert all(circle.get("fill") == "#ffffff" for circle in by_class(root, "radar-point"))

    root = parse(render_radar_chart(AXES, [], title="Radar"))
    assert root.find(f"{SVG}desc").text.startswith("Aucune réponse pour l'instant sur les 5 axes")
    assert not by_class(root, "radar-series")
    assert len(ring(root, 100)) == 5


def test_it_needs_three_axes_and_one_value_per_axis():
    with pytest.raises(ValueError):
        render_radar_chart(["Un", "Deux"], [RadarSeries("A", [1, 2])], title="Radar")
    with pytest.raises(ValueError):
        render_radar_chart(AXES, [RadarSeries("A", [1, 2, 3])], title="Radar")
    with pytest.raises(ValueError):
        render_radar_chart(AXES, [current()] * 4, title="Radar")


def test_long_labels_stay_inside_the_view():
    axes = [f"Dimension numéro {n} au libellé particulièrement long" for n in range(1, 13)]
    svg = render_radar_chart(
        axes, [RadarSeries("Aujourd'hui", [n * 8 for n in range(12)])], title="Radar", width=390
    )
    root = parse(svg)
    assert root.get("width") == "390"
    _, _, view_width, view_height = (float(n) for n in root.get("viewBox").split())
    assert float(root.get("height")) == pytest.approx(390 * view_height / view_width, abs=1)
    for text in by_class(root, "radar-axis"):
        for line in text.iter(f"{SVG}tspan"):
            x, y = float(line.get("x")), float(line.get("y"))
            width = len(line.text) * 13 * 0.6
            left = {"start": x, "end": x - width, "middle": x - width / 2}[text.get("text-anchor")]
            assert left >= 0 and left + width <= view_width
            assert 0 < y < view_height
            assert len(line.text) <= 22
