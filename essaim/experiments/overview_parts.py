"""What the apps above experiments show on the list of experiments and on an experiment's
overview, without experiments knowing them: evaluation the progress of the indicators and the
journal, dossiers the download links. Each app adds its part when the apps are ready
(``ready()`` of its AppConfig).

A part reads what it shows in a fixed number of queries: on the list, ``complete_rows`` sets on
the page's rows (dicts, see ``listing.py``) what its cell reads, in one query for the page; on
the overview, ``overview_prefetch`` adds to the experiment's queryset, and its templates read
``experiment`` and the context that ``overview_context(experiment)`` returns."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


@dataclass(frozen=True)
class OverviewPart:
    key: str
    # The list of experiments: one more column (heading, cell), what the rows need, and a line
    # of help under the table.
    complete_rows: Callable[[list[dict]], None] | None = None  # sets what the cell reads
    list_heading: str = ""
    list_cell_template: str = ""
    list_help: str = ""
    # The overview of one experiment: actions in the header, figures in the « En bref » line
    # (<li> items), a section at the end.
    overview_prefetch: Callable[[QuerySet], QuerySet] | None = None
    overview_context: Callable | None = None  # experiment -> dict
    header_template: str = ""
    stats_template: str = ""
    section_template: str = ""


PARTS: list[OverviewPart] = []


def count_per_experiment(queryset: QuerySet, field: str) -> Coalesce:
    """An annotation: how many rows of ``queryset`` point (through ``field``) to the
    experiment."""
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def add_overview_part(part: OverviewPart) -> None:
    """Add ``part``, once."""
    if all(item.key != part.key for item in PARTS):
        PARTS.append(part)


def with_overview_parts(queryset: QuerySet) -> QuerySet:
    """``queryset`` loading what the parts show on the overview of an experiment."""
    return _prefetched(queryset, "overview_prefetch")


def complete_list_rows(rows: list[dict]) -> None:
    """Set on the rows of a page of the list what the parts' cells read."""
    if not rows:
        return
    for part in PARTS:
        if part.complete_rows is not None:
            part.complete_rows(rows)


def overview_parts_context(experiment) -> dict:
    """``overview_parts`` for the templates, and what each part's templates read."""
    context: dict = {"overview_parts": list(PARTS)}
    for part in PARTS:
        if part.overview_context is not None:
            context.update(part.overview_context(experiment))
    return context


def _prefetched(queryset: QuerySet, attribute: str) -> QuerySet:
    for part in PARTS:
        if (prefetch := getattr(part, attribute)) is not None:
            queryset = prefetch(queryset)
    return queryset
