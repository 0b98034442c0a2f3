"""The « expériences similaires » of the library, computed by the background task
(``tasks.refresh_similar_sheets``): the published sheets as documents for
:mod:`essaim.lib.similar_texts`, each experiment as a question asked of them, and the lists
written as ``SimilarSheet`` and ``SimilarToExperiment`` rows.

Only published sheets are candidates, and only what their public page shows feeds the text
(title, summary, context, what was tried, its results, what was learned, the conditions): the
internal notes, the review's remarks and the contacts never do. Importing this module loads
scikit-learn: import it from the task, not from a view.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from django.db import transaction

from essaim.experiments.models import Experiment
from essaim.lib.similar_texts import Document, Index, Neighbour, refreshed
from essaim.library.models import ExperienceSheet, SimilarSheet, SimilarToExperiment
from essaim.library.models.sheets import SECTION_FIELDS

NEIGHBOURS = 5
# Up to this many published sheets, every change computes every list again (about 20 s at this
# size, exact); beyond it, a change computes the lists it may enter or leave (``refreshed``).
FULL_COMPUTATION_UP_TO = 20_000
SHEET_TEXT_FIELDS = ("title", *SECTION_FIELDS)
EXPERIMENT_TEXT_FIELDS = ("title", "summary", "need", "purposes", "target_public")
THEMES_SEPARATOR = ", "
IDS_PER_QUERY = 500


def refresh(sheet_ids: Collection[int] | None = None) -> dict:
    """Compute the neighbours again after the sheets ``sheet_ids`` changed (every list when
    ``None``) and write those that moved; what was done, for the task's result."""
    index = Index(published_sheet_documents())
    if sheet_ids is None or len(index) <= FULL_COMPUTATION_UP_TO:
        lists = index.neighbours(k=NEIGHBOURS)
        full = True
    else:
        lists = refresh_after_change(index, set(sheet_ids))
        full = False
    experiments = index.nearest_to(
        experiment_documents(), k=NEIGHBOURS, excluded=sheets_made_from_experiments()
    )
    with transaction.atomic():
        sheets_written = write_sheet_lists(lists, everything=full)
        experiments_written = write_experiment_lists(experiments)
    return {
        "fiches publiées": len(index),
        "calcul": "complet" if full else "partiel",
        "listes de fiches réécrites": sheets_written,
        "listes d'expérimentations réécrites": experiments_written,
    }


def refresh_after_change(index: Index, sheet_ids: set[int]) -> dict[int, list[Neighbour]]:
    """The lists that change, read from and compared with the rows written before."""
    floors = dict(SimilarSheet.objects.filter(rank=NEIGHBOURS).values_list("sheet_id", "score"))
    holders = set(
        SimilarSheet.objects.filter(neighbour_id__in=sheet_ids).values_list("sheet_id", flat=True)
    )
    lists = refreshed(
        index, sheet_ids, floors=floors, holders=holders, lists=stored_sheet_lists, k=NEIGHBOURS
    )
    # The sheets no longer published lose their own list.
    lists.update({pk: [] for pk in sheet_ids if pk not in index})
    return lists


# Documents ------------------------------------------------------------------------------------


def published_sheet_documents() -> list[Document]:
    """Each published sheet: its public text, the labels of its themes, its kind of territory
    (« rural », « urbain »…)."""
    themes = themes_of_published_sheets()
    rows = ExperienceSheet.objects.published().values_list("pk", "setting", *SHEET_TEXT_FIELDS)
    return [
        Document(pk, "\n".join(texts), frozenset(themes.get(pk, ())), setting)
        for pk, setting, *texts in rows.order_by("pk").iterator(chunk_size=2000)
    ]


def themes_of_published_sheets() -> dict[int, list[str]]:
    """The labels of the themes of every published sheet, in one query."""
    links = ExperienceSheet.themes.through.objects.filter(
        experiencesheet__publication_status="published"
    ).values_list("experiencesheet_id", "theme__label")
    themes: dict[int, list[str]] = defaultdict(list)
    for sheet_id, label in links.iterator(chunk_size=5000):
        themes[sheet_id].append(label)
    return themes


def experiment_documents() -> list[Document]:
    """Each experiment as a question: its framing (title, summary, need, purposes, public) and
    its theme. Its kind of territory is left unknown: its perimeters are communes or EPCI, the
    sheets' kinds are « rural », « urbain »…, which do not compare."""
    rows = Experiment.objects.values_list("pk", "theme__label", *EXPERIMENT_TEXT_FIELDS)
    return [
        Document(pk, "\n".join(texts), frozenset({theme}) if theme else frozenset())
        for pk, theme, *texts in rows.order_by("pk").iterator(chunk_size=2000)
    ]


def sheets_made_from_experiments() -> dict[int, set[int]]:
    """The published sheets written from each experiment: never shown as similar to it."""
    made: dict[int, set[int]] = defaultdict(set)
    rows = ExperienceSheet.objects.published().filter(experiment__isnull=False)
    for pk, experiment_id in rows.values_list("pk", "experiment_id"):
        made[experiment_id].add(pk)
    return made


# Rows ----------------------------------------------------------------------------------------


def stored_sheet_lists(sheet_ids: Iterable[int] | None = None) -> dict[int, list[Neighbour]]:
    """The lists written before for ``sheet_ids`` (every list when ``None``), closest first."""
    rows = SimilarSheet.objects.order_by("sheet_id", "rank")
    parts = (
        [rows]
        if sheet_ids is None
        else [rows.filter(sheet_id__in=part) for part in _parts(sorted(sheet_ids))]
    )
    found: dict[int, list[Neighbour]] = defaultdict(list)
    for part in parts:
        for sheet_id, neighbour_id, score, themes in part.values_list(
            "sheet_id", "neighbour_id", "score", "shared_themes"
        ).iterator(chunk_size=5000):
            found[sheet_id].append(Neighbour(neighbour_id, score, _themes_of(themes)))
    return found


def write_sheet_lists(lists: Mapping[int, list[Neighbour]], *, everything: bool) -> int:
    """Write the lists that differ from those stored; with ``everything``, ``lists`` holds
    every sheet that has one and the others lose theirs. Returns how many lists were written.
    A list unchanged is not written again, so that the pages that show it stay kept."""
    stored = stored_sheet_lists(None if everything else lists)
    moved = [pk for pk, found in lists.items() if _rows_of(found) != _rows_of(stored.get(pk, []))]
    gone = [pk for pk in stored if pk not in lists] if everything else []
    return _replace_lists(SimilarSheet, "sheet_id", "neighbour_id", lists, moved, gone)


def write_experiment_lists(lists: Mapping[int, list[Neighbour]]) -> int:
    """Write every experiment's list that moved (``lists`` holds them all); returns how many."""
    stored: dict[int, list[tuple]] = defaultdict(list)
    rows = SimilarToExperiment.objects.order_by("experiment_id", "rank").values_list(
        "experiment_id", "sheet_id", "score", "shared_themes"
    )
    for experiment_id, sheet_id, score, themes in rows:
        stored[experiment_id].append((sheet_id, score, themes))
    moved = [pk for pk, found in lists.items() if _rows_of(found) != stored.get(pk, [])]
    gone = [pk for pk in stored if pk not in lists]
    return _replace_lists(SimilarToExperiment, "experiment_id", "sheet_id", lists, moved, gone)


def _replace_lists(model, owner: str, found: str, lists, moved: list[int], gone: list[int]) -> int:
    """Delete the stored lists of ``moved`` and ``gone`` and write those of ``moved``; returns
    how many lists changed."""
    for part in _parts(moved + gone):
        model.objects.filter(**{f"{owner}__in": part}).delete()
    model.objects.bulk_create(
        [
            model(
                **{owner: pk, found: neighbour.key},
                rank=rank,
                score=neighbour.score,
                shared_themes=_text_of(neighbour.shared_themes),
            )
            for pk in moved
            for rank, neighbour in enumerate(lists[pk], start=1)
        ],
        batch_size=1000,
    )
    return len(moved) + len(gone)


def _rows_of(neighbours: Iterable[Neighbour]) -> list[tuple]:
    return [(n.key, n.score, _text_of(n.shared_themes)) for n in neighbours]


def _text_of(themes: Iterable[str]) -> str:
    return THEMES_SEPARATOR.join(themes)[: SimilarSheet._meta.get_field("shared_themes").max_length]


def _themes_of(text: str) -> tuple[str, ...]:
    return tuple(text.split(THEMES_SEPARATOR)) if text else ()


def _parts(ids: list[int]) -> Iterable[list[int]]:
    """``ids`` a few hundred at a time, under every database's limit of parameters."""
    for start in range(0, len(ids), IDS_PER_QUERY):
        yield ids[start : start + IDS_PER_QUERY]
