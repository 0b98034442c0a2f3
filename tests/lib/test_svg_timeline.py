import xml.etree.ElementTree as ET
from datetime import date

from essaim.lib.svg_timeline import TimelineItem, render_timeline, truncate

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def rows(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "timeline-row"]


def test_it_returns_an_empty_string_without_items():
    assert render_timeline([], title="Frise") == ""


def test_it_draws_a_standalone_accessible_svg():
    items = [
        TimelineItem("Diagnostic", date(2025, 1, 15), date(2025, 3, 31), "terminee", "phase"),
        TimelineItem("Ateliers", date(2025, 3, 1), date(2025, 6, 30), "en_cours", "etape"),
    ]
    svg = render_timeline(items, title="Frise du projet")
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").text == "Frise du projet"
    assert root.find(f"{SVG}title").get("id") == title_id
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert desc.text == "2 éléments, du 15 janvier 2025 au 30 juin 2025."
    assert "style=" not in svg
    assert len(rows(root)) == 2


def test_it_draws_bars_for_periods_and_diamonds_for_milestones():
    items = [
        TimelineItem("Phase", date(2025, 1, 1), date(2025, 2, 28), "en_cours", "phase"),
        TimelineItem("Comité", date(2025, 2, 10), None, "prevue", "jalon"),
    ]
    phase, milestone = rows(parse(render_timeline(items, title="Frise")))
    assert phase.find(f"{SVG}rect") is not None
    assert phase.find(f"{SVG}polygon") is None
    assert milestone.find(f"{SVG}polygon") is not None
    assert milestone.find(f"{SVG}rect") is None
    assert milestone.find(f"{SVG}title").text == "Comité — le 10 février 2025 (prévue)"


def test_it_colours_bars_by_status():
    items = [
        TimelineItem("A", date(2025, 1, 1), date(2025, 1, 31), "terminee"),
        TimelineItem("B", date(2025, 1, 1), date(2025, 1, 31), "en_retard"),
        TimelineItem("C", date(2025, 1, 1), date(2025, 1, 31), "inconnu"),
    ]
    root = parse(render_timeline(items, title="Frise"))
    fills = [row.find(f"{SVG}rect").get("fill") for row in rows(root)]
    assert len(set(fills)) == 3
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "timeline-legend")
    labels = [text.text for text in legend.iter(f"{SVG}text")]
    assert labels == ["terminée", "en retard"]


def test_it_ticks_months_with_french_abbreviations():
    items = [TimelineItem("A", date(2025, 1, 20), date(2025, 8, 5))]
    root = parse(render_timeline(items, title="Frise"))
    axis = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "timeline-axis")
    labels = [text.text for text in axis.iter(f"{SVG}text")]
    assert labels == [
        "janv.",
        "2025",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
    ]


def test_it_thins_month_labels_over_long_periods():
    items = [TimelineItem("A", date(2024, 1, 1), date(2027, 12, 31))]
    root = parse(render_timeline(items, title="Frise", width=600))
    axis = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "timeline-axis")
    labels = [text.text for text in axis.iter(f"{SVG}text")]
    assert len(axis.findall(f"{SVG}line")) == 48
    months = [label for label in labels if not label.isdigit()]
    assert 4 <= len(months) <= 16
    assert {"2024", "2025", "2026", "2027"} <= set(labels)


def test_it_escapes_labels_and_titles():
    items = [TimelineItem('Élus & <habitants> "ensemble"\x0b', date(2025, 1, 1), None)]
    svg = render_timeline(items, title="R&D <pilote>")
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "R&D <pilote>"
    (row,) = rows(root)
    assert row.find(f"{SVG}text").text == 'Élus & <habitants> "ensemble"'
    assert "<habitants>" not in svg


def test_it_truncates_long_labels_and_keeps_the_full_one_in_the_row_title():
    label = "Une étape au nom vraiment très long qui ne tiendrait jamais dans la colonne"
    items = [TimelineItem(label, date(2025, 1, 1), date(2025, 2, 1))]
    (row,) = rows(parse(render_timeline(items, title="Frise", width=500)))
    shown = row.find(f"{SVG}text").text
    assert shown.endswith("…")
    assert len(shown) < len(label)
    assert row.find(f"{SVG}title").text.startswith(label + " — du 1er janvier 2025")


def test_it_grows_with_the_number_of_rows():
    def height(count: int) -> int:
        items = [TimelineItem(f"É{n}", date(2025, 1, 1), date(2025, 2, 1)) for n in range(count)]
        return int(parse(render_timeline(items, title="Frise")).get("height"))

    assert height(3) < height(10) < height(30)


def test_it_marks_today_only_inside_the_range():
    items = [TimelineItem("A", date(2025, 1, 1), date(2025, 6, 30))]

    def today_marks(today: date) -> list[ET.Element]:
        root = parse(render_timeline(items, title="Frise", today=today))
        return [g for g in root.iter(f"{SVG}g") if g.get("class") == "timeline-today"]

    (mark,) = today_marks(date(2025, 3, 15))
    assert mark.find(f"{SVG}text").text == "aujourd'hui"
    assert today_marks(date(2026, 3, 15)) == []
    assert today_marks(date(2024, 3, 15)) == []


def test_it_gives_each_timeline_its_own_ids():
    first = parse(render_timeline([TimelineItem("A", date(2025, 1, 1), None)], title="Un"))
    second = parse(render_timeline([TimelineItem("B", date(2025, 1, 1), None)], title="Deux"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


def test_it_truncates_in_french():
    assert truncate("  court  ", 10) == "court"
    assert truncate("abcdefghij", 5) == "abcd…"
