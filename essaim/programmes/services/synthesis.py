"""Across territories: the grid of territories × themes, the theme analysis of every note and
quote (run by the worker, its progress kept on its row) whose proposals the team accepts,
renames, merges into a theme it has, or leaves; merging two themes; the synthesis document."""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from essaim.lib.errors import DomainError
from essaim.programmes.models import (
    ExtractionStatus,
    Interview,
    Programme,
    ProgrammeTerritory,
    Quote,
    Synthesis,
    SynthesisSection,
    Theme,
    ThemeExtraction,
    ThemeOrigin,
    Workshop,
)

logger = logging.getLogger(__name__)

QUOTE_WEIGHT = 2.0  # a key quote, chosen by the expert, counts more than a line of notes
# The progress is written at most this often (in steps of the analysis).
PROGRESS_EVERY = 1


class SynthesisError(DomainError):
    """A step of the synthesis that is refused."""


# The grid ---------------------------------------------------------------------------------------


@dataclass
class GridCell:
    interviews: int = 0
    quotes: int = 0

    @property
    def weight(self) -> int:
        return self.interviews + self.quotes


@dataclass
class Grid:
    territories: list[ProgrammeTerritory]
    themes: list[Theme]
    cells: dict[tuple[int, int], GridCell]

    def rows(self) -> list[tuple[ProgrammeTerritory, list[tuple[Theme, GridCell]]]]:
        return [
            (
                territory,
                [
                    (theme, self.cells.get((territory.pk, theme.pk), GridCell()))
                    for theme in self.themes
                ],
            )
            for territory in self.territories
        ]

    def territories_of(self, theme: Theme) -> int:
        """In how many territories ``theme`` came up."""
        return sum(
            1
            for territory in self.territories
            if self.cells.get((territory.pk, theme.pk), GridCell()).weight
        )


def theme_grid(programme: Programme) -> Grid:
    """Which themes came up where, and how often: the interviews and the quotes tagged with
    each theme in each territory, in four queries whatever their number."""
    territories = list(
        ProgrammeTerritory.objects.filter(programme=programme, visits__interviews__isnull=False)
        .distinct()
        .order_by("name")
    )
    themes = list(Theme.objects.filter(programme=programme).order_by("name"))
    cells: dict[tuple[int, int], GridCell] = defaultdict(GridCell)
    interviews = (
        Interview.objects.filter(programme=programme, themes__isnull=False)
        .values("visit__territory", "themes")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    for row in interviews:
        cells[(row["visit__territory"], row["themes"])].interviews = row["count"]
    quotes = (
        Quote.objects.filter(interview__programme=programme, themes__isnull=False)
        .values("interview__visit__territory", "themes")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    for row in quotes:
        cells[(row["interview__visit__territory"], row["themes"])].quotes = row["count"]
    return Grid(territories=territories, themes=themes, cells=dict(cells))


# The theme analysis -------------------------------------------------------------------------------


def request_extraction(*, programme: Programme, actor) -> ThemeExtraction:
    """A new analysis, run by the worker once committed; the one under way if there is one."""
    from essaim.programmes.tasks import extract_programme_themes

    with transaction.atomic():
        Programme.objects.select_for_update().filter(pk=programme.pk).first()
        running = ThemeExtraction.objects.filter(
            programme=programme,
            status__in=[ExtractionStatus.QUEUED, ExtractionStatus.RUNNING],
        ).first()
        if running is not None:
            return running
        extraction = ThemeExtraction.objects.create(programme=programme, requested_by=actor)
        programme.log_action(actor, "themes", "Analyse des thèmes des entretiens demandée")
        transaction.on_commit(lambda: extract_programme_themes.enqueue(extraction_id=extraction.pk))
    return extraction


def passages_of(programme: Programme) -> list:
    """Every quote (weighing more) and every paragraph of notes of the programme, each keyed
    by where it comes from: « q:<quote> », « n:<interview>:<paragraph> »."""
    from essaim.lib.french_themes import Passage

    passages = [
        Passage(key=f"q:{pk}", text=text, weight=QUOTE_WEIGHT)
        for pk, text in Quote.objects.filter(interview__programme=programme).values_list(
            "pk", "text"
        )
    ]
    for pk, notes in Interview.objects.filter(programme=programme).values_list("pk", "notes"):
        paragraphs = [part for part in notes.split("\n\n") if part.strip()]
        passages += [
            Passage(key=f"n:{pk}:{number}", text=text) for number, text in enumerate(paragraphs)
        ]
    return passages


def run_extraction(extraction_id: int) -> None:
    """Analyse the programme's notes and keep the proposals on the row; the progress is written
    as it goes, a failure too (then raised)."""
    from essaim.lib.french_themes import extract_themes

    claimed = ThemeExtraction.objects.filter(
        pk=extraction_id, status=ExtractionStatus.QUEUED
    ).update(status=ExtractionStatus.RUNNING)
    if not claimed:
        return
    extraction = ThemeExtraction.objects.select_related("programme").get(pk=extraction_id)
    rows = ThemeExtraction.objects.filter(pk=extraction_id)

    def progress(done: int, total: int) -> None:
        rows.update(done=done, total=total)

    try:
        passages = passages_of(extraction.programme)
        rows.update(passage_count=len(passages), total=max(len(passages), 1))
        proposed = extract_themes(passages, progress=progress)
    except Exception as error:
        rows.update(status=ExtractionStatus.FAILED, error=str(error), finished_at=timezone.now())
        raise
    rows.update(
        status=ExtractionStatus.DONE,
        proposals=[as_proposal(theme) for theme in proposed],
        finished_at=timezone.now(),
    )
    logger.info(
        "Analyse des thèmes du programme %s : %s passages, %s thèmes",
        extraction.programme_id,
        len(passages),
        len(proposed),
    )


def as_proposal(theme) -> dict:
    return {
        "label": theme.label,
        "key_phrases": list(theme.key_phrases),
        "weight": round(theme.weight, 4),
        "supports": [
            {"key": support.key, "excerpt": support.excerpt, "score": round(support.score, 3)}
            for support in theme.supports
        ],
        "state": "proposee",
    }


def _proposal(extraction: ThemeExtraction, index: int) -> dict:
    if extraction.status != ExtractionStatus.DONE:
        raise SynthesisError("L'analyse n'est pas terminée.")
    if not 0 <= index < len(extraction.proposals):
        raise SynthesisError("Cette proposition n'existe pas.")
    proposal = extraction.proposals[index]
    if proposal.get("state") != "proposee":
        raise SynthesisError("Cette proposition a déjà reçu une réponse.")
    return proposal


def tag_supports(theme: Theme, supports: list[dict]) -> int:
    """Tag the quotes and the interviews that support a proposal with ``theme``; returns how
    many were tagged."""
    quote_ids, interview_ids = set(), set()
    for support in supports:
        kind, _, rest = support["key"].partition(":")
        if kind == "q":
            quote_ids.add(int(rest))
        elif kind == "n":
            interview_ids.add(int(rest.partition(":")[0]))
    quotes = Quote.objects.filter(pk__in=quote_ids, interview__programme_id=theme.programme_id)
    interviews = Interview.objects.filter(pk__in=interview_ids, programme_id=theme.programme_id)
    theme.quotes.add(*quotes)
    theme.interviews.add(*interviews)
    return len(quote_ids) + len(interview_ids)


def answer_proposal(
    *, extraction: ThemeExtraction, index: int, actor, name: str = "", into: Theme | None = None
) -> Theme | None:
    """Accept the proposal ``index`` as a theme named ``name`` (its label by default), merge it
    into the theme ``into``, or — with neither — leave it aside. Its supports are tagged."""
    with transaction.atomic():
        extraction = ThemeExtraction.objects.select_for_update().get(pk=extraction.pk)
        proposal = _proposal(extraction, index)
        programme = extraction.programme
        theme = None
        if into is not None:
            theme = into
            proposal["state"], proposal["theme"] = "fusionnee", into.pk
            summary = f"Thème proposé « {proposal['label']} » fusionné dans « {into.name} »"
        elif name is not None and name.strip():
            theme, _ = Theme.objects.get_or_create(
                programme=programme,
                name=name.strip(),
                defaults={
                    "origin": ThemeOrigin.EXTRACTED,
                    "description": "Expressions clés : " + ", ".join(proposal["key_phrases"]),
                },
            )
            proposal["state"], proposal["theme"] = "retenue", theme.pk
            summary = f"Thème proposé « {proposal['label']} » retenu : « {theme.name} »"
        else:
            proposal["state"] = "ecartee"
            summary = f"Thème proposé « {proposal['label']} » écarté"
        if theme is not None:
            tag_supports(theme, proposal["supports"])
        extraction.save(update_fields=["proposals"])
        programme.log_action(actor, "themes", summary)
    return theme


def merge_themes(*, source: Theme, target: Theme, actor) -> None:
    """Put everything tagged ``source`` under ``target``, then delete ``source``."""
    if source.pk == target.pk or source.programme_id != target.programme_id:
        raise SynthesisError("Choisissez deux thèmes différents du programme.")
    with transaction.atomic():
        target.interviews.add(*source.interviews.all())
        target.quotes.add(*source.quotes.all())
        Workshop.objects.filter(theme=source).update(theme=target)
        _merge_notebooks(source=source, target=target, actor=actor)
        for section in SynthesisSection.objects.filter(theme=source):
            kept = SynthesisSection.objects.filter(synthesis=section.synthesis, theme=target)
            if kept.exists():
                merged = kept.get()
                merged.text = "\n\n".join(part for part in (merged.text, section.text) if part)
                merged.save(update_fields=["text"])
                section.delete()
            else:
                section.theme = target
                section.save(update_fields=["theme"])
        name = source.name
        source.delete()
        target.programme.log_action(
            actor, "themes", f"Thème « {name} » fusionné dans « {target.name} »"
        )


def _merge_notebooks(*, source: Theme, target: Theme, actor) -> None:
    """The notebook of ``source`` joins that of ``target``: its texts follow the kept one's, its
    sheets come after the kept one's (those both held once). Without a notebook on ``target``,
    the notebook of ``source`` becomes its notebook. A published notebook is never deleted: when
    only the notebook of ``source`` is published, it is the one kept (its public address goes
    on); when both are, the merge is refused. The notebooks are rows of the library, reached
    through ``theme.notebooks`` without importing it."""
    merged = source.notebooks.select_for_update().first()
    if merged is None:
        return
    kept = target.notebooks.select_for_update().first()
    if kept is None:
        source.notebooks.update(programme_theme=target)
        return
    if merged.is_published:
        if kept.is_published:
            raise SynthesisError(
                f"Les cahiers de « {source.name} » et de « {target.name} » sont tous deux "
                "publiés dans la bibliothèque : retirez-en un de la publication avant de "
                "fusionner ces thèmes."
            )
        kept, merged = merged, kept
    for name in ("introduction", "conclusion"):
        texts = (getattr(kept, name), getattr(merged, name))
        setattr(kept, name, "\n\n".join(text for text in texts if text.strip()))
    held = set(kept.entries.values_list("sheet_id", flat=True))
    position = max((entry.position for entry in kept.entries.all()), default=0)
    moved = []
    for entry in merged.entries.order_by("position", "pk"):
        if entry.sheet_id not in held:
            position += 1
            moved.append((entry.sheet_id, position))
    title = merged.title
    # The notebook left is deleted (with its entries) before the kept one takes ``target``:
    # one notebook per theme.
    merged.delete()
    kept.entries.bulk_create(
        [kept.entries.model(notebook=kept, sheet_id=sheet, position=pos) for sheet, pos in moved]
    )
    kept.programme_theme = target
    kept.save(update_fields=["introduction", "conclusion", "programme_theme", "updated_at"])
    kept.log_action(
        actor,
        "edited",
        f"Cahier « {title} » réuni à ce cahier ({len(moved)} fiche(s) reprise(s)) : "
        f"thème « {source.name} » fusionné dans « {target.name} »",
    )


# The synthesis document ------------------------------------------------------------------------


def synthesis_of(programme: Programme) -> Synthesis:
    synthesis, _ = Synthesis.objects.get_or_create(programme=programme)
    return synthesis
