"""Taking a person's name out of everything a programme holds: the texts its team wrote (notes,
quotes, group descriptions, debriefs, agendas, report sheets and their remarks, synthesis,
workshops, themes), what the apps above this one hold of it (the library's sheets and
notebooks, through :data:`EXTRA_REPLACERS`), the proposals of its theme analyses, the history
of its rows, the e-mails still waiting or kept in the task table, and the search index. What
pseudonymising a person met and erasing someone's data both do, with the pseudonym or
« Personne effacée »."""

import base64
import re
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from essaim.core.models import HistoryEntry
from essaim.core.search import index_object
from essaim.programmes.models import (
    REPORT_SECTIONS,
    Deliverable,
    ExpenseClaim,
    Interview,
    Programme,
    ProgrammeTerritory,
    Quote,
    ReportComment,
    ReportSheet,
    Synthesis,
    SynthesisSection,
    Theme,
    ThemeExtraction,
    Visit,
    VisitSlot,
    Workshop,
)

# Every text of a programme where a name may have been written: (model, the path from it to its
# programme, its text columns).
TEXTS: list[tuple[type[models.Model], str, tuple[str, ...]]] = [
    (Interview, "programme", ("notes", "group_description")),
    (Quote, "interview__programme", ("text",)),
    (Visit, "territory__programme", ("debrief_notes",)),
    (VisitSlot, "visit__territory__programme", ("who", "title")),
    (ReportSheet, "territory__programme", tuple(REPORT_SECTIONS)),
    (ReportComment, "sheet__territory__programme", ("body",)),
    (Synthesis, "programme", ("introduction", "conclusion")),
    (SynthesisSection, "synthesis__programme", ("text",)),
    (Workshop, "programme", ("description", "outputs")),
    (Theme, "programme", ("description",)),
]
# What the apps above this one hold of a programme (the library's sheets copied from its report
# sheets, its notebooks), which this app cannot import: each registers here a callable
# ``(programme, name, replacement) -> rows changed``, called by :func:`replace_name`.
Replacer = Callable[[Programme, str, str], int]
EXTRA_REPLACERS: list[Replacer] = []
# The rows whose history may name someone: (model, the path from it to its programme).
HISTORIES: list[tuple[type[models.Model], str]] = [
    (Programme, "pk"),
    (ProgrammeTerritory, "programme"),
    (Deliverable, "programme"),
    (Workshop, "programme"),
    (ExpenseClaim, "programme"),
]
TEXT_MIMETYPES = ("text/",)


def register_replacer(replacer: Replacer) -> None:
    """Have :func:`replace_name` call ``replacer`` too (once, however often registered)."""
    if replacer not in EXTRA_REPLACERS:
        EXTRA_REPLACERS.append(replacer)


def name_pattern(name: str) -> re.Pattern:
    """The full name as written, whatever the case or the spaces between its words."""
    words = [re.escape(word) for word in name.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)


def mentioning(name: str) -> Callable[[str], Q]:
    """(column) -> the condition that keeps the rows whose ``column`` may hold ``name``: its
    longest word, when the database compares it without case (ASCII); else every row."""
    longest = max(name.split(), key=len, default="")

    def condition(column: str) -> Q:
        if not longest or not longest.isascii():
            return Q()
        return Q(**{f"{column}__icontains": longest})

    return condition


def scrubbed(value, pattern: re.Pattern, replacement: str):
    """``value`` (text, or JSON made of dicts and lists) with ``pattern`` replaced."""
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, dict):
        return {key: scrubbed(item, pattern, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [scrubbed(item, pattern, replacement) for item in value]
    return value


def replace_name(programme: Programme, name: str, replacement: str) -> int:
    """Replace ``name`` by ``replacement`` everywhere ``programme`` holds it; returns how many
    rows changed."""
    if not name.strip():
        return 0
    pattern, mentions = name_pattern(name), mentioning(name)
    changed = _texts(programme, pattern, replacement, mentions)
    changed += _analyses(programme, pattern, replacement)
    changed += _histories(programme, pattern, replacement, mentions)
    changed += _waiting_emails(programme, pattern, replacement, mentions)
    for replacer in EXTRA_REPLACERS:
        changed += replacer(programme, name, replacement)
    for interview in Interview.objects.filter(programme=programme).select_related("interviewee"):
        index_object(interview)
    return changed


def _texts(programme, pattern, replacement, mentions) -> int:
    changed = 0
    for model, path, columns in TEXTS:
        condition = Q()
        for column in columns:
            condition |= mentions(column)
        for row in model.objects.filter(condition, **{path: programme}).only("pk", *columns):
            values = {column: pattern.sub(replacement, getattr(row, column)) for column in columns}
            if any(values[column] != getattr(row, column) for column in columns):
                model.objects.filter(pk=row.pk).update(**values)
                changed += 1
    return changed


def _analyses(programme, pattern, replacement) -> int:
    changed = 0
    for extraction in ThemeExtraction.objects.filter(programme=programme).only("pk", "proposals"):
        proposals = scrubbed(extraction.proposals, pattern, replacement)
        if proposals != extraction.proposals:
            ThemeExtraction.objects.filter(pk=extraction.pk).update(proposals=proposals)
            changed += 1
    return changed


def _histories(programme, pattern, replacement, mentions) -> int:
    owners = Q()
    for model, path in HISTORIES:
        keys = model.objects.filter(**{path: programme.pk if path == "pk" else programme})
        owners |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=keys.values("pk"),
        )
    rows = HistoryEntry.objects.filter(owners).filter(mentions("summary") | mentions("changes"))
    changed = 0
    for entry in rows.only("pk", "summary", "changes"):
        summary = pattern.sub(replacement, entry.summary)
        changes = scrubbed(entry.changes, pattern, replacement)
        if (summary, changes) != (entry.summary, entry.changes):
            HistoryEntry.objects.filter(pk=entry.pk).update(summary=summary, changes=changes)
            changed += 1
    return changed


def _waiting_emails(programme, pattern, replacement, mentions) -> int:
    """The e-mails about the programme's rows in the task table (waiting, or kept once sent):
    their text, and the text of their attachments (an agenda's calendar file)."""
    changed = 0
    rows = (
        DBTaskResult.objects.filter(args_kwargs__icontains="programmes.")
        .filter(mentions("args_kwargs"))
        .only("pk", "args_kwargs")
    )
    for row in rows:
        about = (row.args_kwargs.get("kwargs") or {}).get("about") or {}
        if not str(about.get("model", "")).startswith("programmes."):
            continue
        arguments = scrubbed(row.args_kwargs, pattern, replacement)
        for item in (arguments.get("kwargs") or {}).get("attachments") or []:
            if str(item.get("mimetype", "")).startswith(TEXT_MIMETYPES):
                text = base64.b64decode(item["content"]).decode("utf-8", errors="replace")
                text = text.replace("\r\n ", "")  # a calendar's long lines, unfolded
                item["content"] = base64.b64encode(pattern.sub(replacement, text).encode()).decode(
                    "ascii"
                )
        if arguments != row.args_kwargs:
            DBTaskResult.objects.filter(pk=row.pk).update(args_kwargs=arguments)
            changed += 1
    return changed
