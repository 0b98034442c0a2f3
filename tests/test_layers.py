"""The apps form layers: an app imports only the apps below it, or the apps before it in its own
layer, so that no import goes up and no cycle can form. Python imports (at the top of a module
or inside a function) and templates (``{% load %}``, ``{% include %}``, ``{% extends %}``) are
checked; no database is needed."""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "essaim"

# Lowest first. Within a layer, an app may import the apps listed before it.
LAYERS: list[list[str]] = [
    ["lib"],
    ["env", "formatting", "mail", "accounts"],
    ["roles"],
    ["core", "api_errors"],
    ["territories", "organisations", "attachments", "themes", "governance"],
    [],  # the pillars: see PILLARS
    ["library"],  # the library of experiences reads every pillar
    ["privacy", "dashboard", "demo"],
]
PILLAR_LAYER = 5

# The pillars, each an ordered chain: an app may import the apps before it in its chain, never
# an app after it, nor (except the crossings below) an app of another chain.
PILLARS: list[list[str]] = [
    ["experiments", "evaluation", "dossiers", "scaling"],
    ["trainings", "memberships", "registrations", "attendance", "surveys"],
    ["programmes"],
]
# A session's testimonies present an experiment: the sessions' chain reads experiments.
PILLAR_CROSSINGS: dict[str, set[str]] = {"trainings": {"experiments"}}
PILLAR_CROSSINGS["programmes"] = {"trainings"}  # Seminars are organised as training sessions

# The project's own modules, which put everything together, may import anything.
TOP_MODULES = {"__init__", "__main__", "cli", "settings", "urls", "api", "wsgi"}

# The site's frame, which every page extends, whatever its app.
SITE_FRAME = "base.html"


@dataclass(frozen=True)
class Edge:
    source: str  # the importing app
    target: str  # the imported app
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where} : {self.source} → {self.target}"


def rank(app: str) -> tuple[int, int]:
    """(layer, position within the layer) of ``app``."""
    for number, layer in enumerate(LAYERS):
        if app in layer:
            return number, layer.index(app)
    for chain in PILLARS:
        if app in chain:
            return PILLAR_LAYER, chain.index(app)
    raise KeyError(f"L'application « {app} » n'a pas de couche : ajoutez-la à LAYERS.")


def chain_of(app: str) -> int:
    return next(number for number, chain in enumerate(PILLARS) if app in chain)


def is_allowed(source: str, target: str) -> bool:
    if source == target or source in TOP_MODULES:
        return True
    if target in TOP_MODULES:
        return False
    (source_layer, source_position), (target_layer, target_position) = rank(source), rank(target)
    if source_layer != target_layer:
        return target_layer < source_layer
    if source_layer == PILLAR_LAYER and chain_of(source) != chain_of(target):
        return target in PILLAR_CROSSINGS.get(source, set())
    return target_position < source_position


def app_of(path: Path) -> str:
    """The app a file of the package belongs to (a top-level module is its own app)."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def imported_modules(source: str) -> list[tuple[str, int]]:
    """Every module imported by ``source``, at the top or inside a function, with its line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            if node.module == "essaim":
                found.extend((f"essaim.{alias.name}", node.lineno) for alias in node.names)
    return found


def python_edges(source: str, app: str, where: str) -> list[Edge]:
    edges = []
    for module, line in imported_modules(source):
        parts = module.split(".")
        if parts[0] == "essaim" and len(parts) > 1 and parts[1] != app:
            edges.append(Edge(app, parts[1], f"{where}:{line}"))
    return edges


def python_files() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts]


def all_python_edges() -> list[Edge]:
    edges = []
    for path in python_files():
        where = str(path.relative_to(PACKAGE.parent))
        edges.extend(python_edges(path.read_text(encoding="utf-8"), app_of(path), where))
    return edges


TAG = re.compile(r"{%\s*(load|include|extends)\s+(.*?)\s*%}")
QUOTED = re.compile(r"""^["']([^"']+)["']""")
BUILTIN_LIBRARIES = {"static", "l10n", "i18n", "tz", "cache", "humanize", "partials"}


def template_libraries() -> dict[str, str]:
    """Each template tag library of the package, and the app that owns it."""
    return {
        path.stem: app_of(path)
        for path in PACKAGE.glob("*/templatetags/*.py")
        if path.stem != "__init__"
    }


def template_owners() -> dict[str, str]:
    """Each template name (as loaded) of the package, and the app that owns it."""
    owners = {}
    for folder in PACKAGE.glob("*/templates"):
        for path in folder.rglob("*"):
            if path.is_file():
                owners[str(path.relative_to(folder))] = app_of(folder)
    return owners


def template_edges(
    text: str, app: str, where: str, libraries: dict[str, str], owners: dict[str, str]
) -> list[Edge]:
    edges = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for kind, argument in TAG.findall(line):
            if kind == "load":
                names = argument.split()
                if "from" in names:
                    names = names[names.index("from") + 1 :]
                targets = [
                    libraries.get(name, f"?{name}")
                    for name in names
                    if name not in BUILTIN_LIBRARIES
                ]
            else:
                quoted = QUOTED.match(argument)
                if quoted is None:  # a variable: checked where its value is chosen
                    continue
                name = quoted.group(1).partition("#")[0]  # "x/y.html#partial" is in x/y.html
                if kind == "extends" and name == SITE_FRAME:
                    continue
                if name.startswith("django/"):
                    continue
                targets = [owners.get(name, f"?{name}")]
            edges.extend(
                Edge(app, target, f"{where}:{line_number}") for target in targets if target != app
            )
    return edges


def rendered_template_edges(
    source: str, app: str, where: str, owners: dict[str, str]
) -> list[Edge]:
    """The templates of other apps that Python code names (``render(request, "x/y.html")``)."""
    return [
        Edge(app, owners[node.value], f"{where}:{node.lineno}")
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and owners.get(node.value, app) != app
    ]


def all_rendered_template_edges() -> list[Edge]:
    owners = template_owners()
    edges = []
    for path in python_files():
        where = str(path.relative_to(PACKAGE.parent))
        source = path.read_text(encoding="utf-8")
        edges.extend(rendered_template_edges(source, app_of(path), where, owners))
    return edges


def all_template_edges() -> list[Edge]:
    libraries, owners = template_libraries(), template_owners()
    edges = []
    for folder in PACKAGE.glob("*/templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".html", ".txt", ".ics", ".xml"}:
                where = str(path.relative_to(PACKAGE.parent))
                text = path.read_text(encoding="utf-8")
                edges.extend(template_edges(text, app_of(folder), where, libraries, owners))
    return edges


def violations(edges: list[Edge]) -> list[Edge]:
    return [edge for edge in edges if not is_allowed(edge.source, edge.target)]


def report(found: list[Edge]) -> str:
    return "Imports qui montent d'une couche, ou qui sortent de leur chaîne :\n" + "\n".join(
        f"  {edge}" for edge in found
    )


def test_every_app_has_a_layer():
    apps = {app_of(path) for path in python_files()}
    for app in apps - TOP_MODULES:
        rank(app)  # raises with a readable message


def test_no_python_import_goes_up_a_layer():
    found = violations(all_python_edges())
    assert not found, report(found)


def test_no_template_loads_includes_or_extends_a_higher_app():
    found = violations(all_template_edges())
    unknown = [edge for edge in found if edge.target.startswith("?")]
    assert not unknown, "Bibliothèques ou gabarits introuvables :\n" + "\n".join(map(str, unknown))
    assert not found, report(found)


def test_no_python_code_renders_a_template_of_a_higher_app():
    found = violations(all_rendered_template_edges())
    assert not found, report(found)


def test_apps_import_each_other_without_a_cycle():
    graph: dict[str, set[str]] = {}
    for edge in all_python_edges():
        if edge.source not in TOP_MODULES:
            graph.setdefault(edge.source, set()).add(edge.target)
    visiting, done = [], set()

    def visit(app: str) -> None:
        if app in visiting:
            cycle = [*visiting[visiting.index(app) :], app]
            pytest.fail("Cycle d'imports : " + " → ".join(cycle))
        if app in done:
            return
        visiting.append(app)
        for target in sorted(graph.get(app, ())):
            visit(target)
        visiting.pop()
        done.add(app)

    for app in sorted(graph):
        visit(app)


def test_lib_needs_no_django():
    for path in sorted((PACKAGE / "lib").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for module, line in imported_modules(source):
            outside = module.split(".")[0] in {"django", "ninja"} or (
                module.startswith("essaim") and not module.startswith("essaim.lib")
            )
            assert not outside, f"{path.name}:{line} importe {module}"


@pytest.mark.parametrize(
    ("source", "app", "edge"),
    [
        ("from essaim.evaluation.models import Indicator\n", "experiments", "evaluation"),
        (
            "def offer():\n    from essaim.registrations import services\n",
            "trainings",
            "registrations",
        ),
        ("import essaim.dashboard.views\n", "core", "dashboard"),
        ("from essaim import registrations\n", "memberships", "registrations"),
        ("from essaim.experiments.models import Experiment\n", "memberships", "experiments"),
        ("from essaim.core.tasks import read_task_state\n", "roles", "core"),
        ("from essaim.wsgi import application\n", "core", "wsgi"),
    ],
)
def test_the_checker_catches_an_import_that_goes_up(source, app, edge):
    found = violations(python_edges(source, app, "essai.py"))
    assert [(item.source, item.target) for item in found] == [(app, edge)]


def test_the_checker_catches_an_import_from_another_chain():
    found = violations(python_edges("from essaim.registrations import models\n", "dossiers", "x"))
    assert [str(edge) for edge in found] == ["x:1 : dossiers → registrations"]
    assert violations(python_edges("from essaim.dossiers import pdf\n", "memberships", "y"))


def test_the_checker_lets_an_app_import_below_or_before_it():
    source = "from essaim.core.models import HistoryEntry\nfrom essaim.trainings import models\n"
    assert violations(python_edges(source, "registrations", "z")) == []
    assert (
        violations(python_edges("from essaim.territories import models\n", "organisations", "z"))
        == []
    )
    assert violations(python_edges("from essaim.organisations import models\n", "territories", "z"))


def test_the_checker_finds_the_templates_python_code_renders():
    owners = {"registrations/manage.html": "registrations", "core/_filters.html": "core"}
    source = (
        "def view(request):\n"
        '    render(request, "core/_filters.html")\n'
        '    return render(request, "registrations/manage.html")\n'
    )
    found = violations(rendered_template_edges(source, "trainings", "v.py", owners))
    assert [str(edge) for edge in found] == ["v.py:3 : trainings → registrations"]


def test_the_checker_reads_templates():
    libraries = {"trainings": "trainings", "french": "core"}
    owners = {"registrations/_row.html": "registrations", "core/_pagination.html": "core"}
    text = (
        '{% extends "base.html" %}\n{% load static french trainings %}\n'
        '{% include "registrations/_row.html" with row=row %}\n'
        '{% include "core/_pagination.html" %}\n'
    )
    found = violations(template_edges(text, "trainings", "t.html", libraries, owners))
    assert [str(edge) for edge in found] == ["t.html:3 : trainings → registrations"]
    found = violations(template_edges("{% load trainings %}", "roles", "r.html", libraries, owners))
    assert [str(edge) for edge in found] == ["r.html:1 : roles → trainings"]
