"""The horizontal bar chart the results are drawn with (Django-free)."""

import xml.etree.ElementTree as ET

import pytest

from essaim.lib.svg_charts import Bar, render_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def bars_of(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]


def test_it_draws_one_bar_per_row_proportional_to_its_value():
    svg = render_bar_chart(
        title="Utilité",
        bars=[Bar("Oui", 6, "6 (75 %)"), Bar("Non", 2, "2 (25 %)"), Bar("Ne sait pas", 0, "0")],
        maximum=6,
        summary="Choix de 8 réponses :",
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Utilité"
    assert root.find(f"{SVG}desc").text == (
        "Choix de 8 réponses : Oui : 6 (75 %) ; Non : 2 (25 %) ; Ne sait pas : 0."
    )
    yes, no = bars_of(svg)  # nothing drawn for zero
    assert float(yes.get("width")) == pytest.approx(float(no.get("width")) * 3, abs=0.2)
    assert yes.find(f"{SVG}title").text == "Oui : 6 (75 %)"
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts == ["Oui", "6 (75 %)", "Non", "2 (25 %)", "Ne sait pas", "0"]
    assert "style=" not in svg


def test_it_escapes_labels_and_shortens_long_ones():
    svg = render_bar_chart(
        title="<Titre> & co",
        bars=[Bar("Élus & <agents> " + "très " * 30, 1, "1")],
        maximum=1,
        summary="",
    )
    root = ET.fromstring(svg)  # well-formed
    assert root.find(f"{SVG}title").text == "<Titre> & co"
    label = next(root.iter(f"{SVG}text")).text
    assert label.startswith("Élus & <agents>") and label.endswith("…")


def test_it_keeps_bars_within_the_scale():
    svg = render_bar_chart(
        title="Moyennes", bars=[Bar("A", 7, "7"), Bar("B", -1, "-1")], maximum=5, summary=""
    )
    [bar] = bars_of(svg)
    track = ET.fromstring(svg).findall(f"{SVG}rect")[1]
    assert bar.get("width") == track.get("width")


def test_it_says_when_there_is_nothing_to_draw():
    svg = render_bar_chart(title="Utilité", bars=[], maximum=0, summary="")
    assert "Aucune réponse" in ET.fromstring(svg).find(f"{SVG}desc").text
