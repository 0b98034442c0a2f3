"""The pages, documents and e-mails of sessions, attendance and surveys name people in words that
include everyone (« inscrit·es confirmé·es », « présent·e », « participant·e »), never in the
masculine for all."""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "essaim"
APPS = ("trainings", "attendance", "surveys")
# A word about people, in the masculine, not followed by the middle dot of its inclusive form.
MASCULINE = re.compile(
    r"\b(?:[Ii]nscrits?|[Cc]onfirmés?|[Pp]résents?|[Aa]bsents?|[Pp]articipants?|[Ii]nvités?"
    r"|[Rr]etrouvés?|[Rr]approchés?)\b(?!·)"
)
TAG = re.compile(r"<[^>]*>|\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)
COMMENT = re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.DOTALL)


def visible_text(path: Path) -> str:
    """What a reader sees of a template: no comments, tags, attributes nor variables."""
    return TAG.sub(" ", COMMENT.sub(" ", path.read_text(encoding="utf-8")))


TEMPLATES = sorted(
    path
    for app in APPS
    for path in (PACKAGE / app / "templates").rglob("*")
    if path.suffix in {".html", ".txt"}
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_people_are_named_inclusively(path):
    text = visible_text(path)
    # « présent·e{{ n|plural_fr }} » is written whole once the tags are gone.
    found = [match.group() for match in MASCULINE.finditer(text)]
    assert found == [], f"{path.name} : {found}"
