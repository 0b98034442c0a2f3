"""A page of a list read in one query: its rows and how many rows the list has in all.

Django's ``Paginator`` counts the rows first (``SELECT COUNT(*)``), then reads the page. Here the
count rides on the page's own query as a window (``COUNT(*) OVER ()``): one query instead of
two, and the same ``Page`` for the templates (``core/_pagination.html``). A page past the end
costs a count and a second read, as with ``Paginator.get_page``: the last page is shown.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "_total_rows"
# A page number is bounded: past this one, the page asked for is the last one.
LAST_PAGE = 1_000_000


def counted_page(queryset: QuerySet, number, per_page: int) -> Page:
    """The page ``number`` (as ``Paginator.get_page`` reads it: the first page when it is not a
    number, the last when it is past the end) of ``queryset``, an ordered queryset whose
    rows may be model instances or ``values()`` dicts."""
    paginator = Paginator(queryset, per_page)
    try:
        number = min(max(1, int(number)), LAST_PAGE)
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset.annotate(**{TOTAL: Window(Count("*"))})[start : start + per_page])
    if rows:
        paginator.count = _total(rows[0])
    else:
        paginator.count = queryset.count()
        if paginator.count and number > 1:
            return counted_page(queryset, paginator.num_pages, per_page)
    return Page(rows, number if rows else 1, paginator)


def _total(row) -> int:
    return row[TOTAL] if isinstance(row, dict) else getattr(row, TOTAL)
