"""What the programme endpoints share: strict input, the error bodies, the version of a row
read through the form of its page, and the pagination that checks what leaves."""

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Schema

from essaim.api_errors import LimitOffsetPagination
from essaim.core.concurrency import version_of
from essaim.roles.permissions import assert_confidential_respected

VERSION_HELP = "la version lue (ou en-tête If-Match) : 409 si quelqu'un a changé les mêmes champs"


def form_version(form_class: type, instance: Model) -> str:
    """The version of ``instance`` as the form of its page reads it."""
    return version_of(instance, form_class.base_fields)


def sent(request: HttpRequest, payload: Schema) -> tuple[dict, str | None]:
    """The fields sent (only they change) and the version read, from the body or ``If-Match``."""
    data = payload.dict(exclude_unset=True)
    return data, data.pop("version", None) or request.headers.get("If-Match")


class CheckedPagination(LimitOffsetPagination):
    """``?limit=&offset=``; the rows of the page are checked against their recipient
    (:func:`assert_confidential_respected`, one query per model), then ``prepare(rows, request)``
    adds what the schemas read besides the columns, in a fixed number of queries."""

    def __init__(
        self, *, prepare: Callable[[list, HttpRequest], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.prepare = prepare

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        rows = list(page[self.items_attribute])
        assert_confidential_respected(request.user, rows)
        if self.prepare is not None:
            self.prepare(rows, request)
        return {**page, self.items_attribute: rows}
