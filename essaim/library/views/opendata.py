"""The library's open data, open to everyone: a page that explains the files, their schema and
their licences, and the published sheets as CSV and as JSON, filtered by the same query string
as the search page."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_safe

from essaim.core.downloads import CSV_TYPE, JSON_TYPE
from essaim.library.models.sheets import LICENCE_URLS, Licence
from essaim.library.services.filters import SheetFilters
from essaim.library.services.opendata import SCHEMA, csv_parts, json_parts, published_sheets


@require_safe
def opendata(request: HttpRequest) -> HttpResponse:
    filters = SheetFilters.from_query(request.GET)
    query = filters.as_query()
    words = (request.GET.get("q") or "").strip()
    if words:
        query["q"] = words
    context = {
        "schema": SCHEMA,
        "licences": [(licence.label, LICENCE_URLS[licence]) for licence in Licence],
        "query_string": f"?{urlencode(query)}" if query else "",
        "filtered": bool(query),
        "count": published_sheets(request.GET).count(),
    }
    return render(request, "library/opendata.html", context)


def _stream(parts, *, filename: str, content_type: str) -> StreamingHttpResponse:
    """A file made as it is sent. The data are public and change with each publication: a
    cache may keep them a few minutes."""
    response = StreamingHttpResponse(parts, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def opendata_csv(request: HttpRequest) -> StreamingHttpResponse:
    sheets = published_sheets(request.GET)
    return _stream(
        csv_parts(sheets, base_url=_base_url(request)),
        filename="fiches-experience.csv",
        content_type=CSV_TYPE,
    )


@require_safe
def opendata_json(request: HttpRequest) -> StreamingHttpResponse:
    sheets = published_sheets(request.GET)
    return _stream(
        json_parts(sheets, base_url=_base_url(request)),
        filename="fiches-experience.json",
        content_type=JSON_TYPE,
    )


urlpatterns = [
    path("experiences/donnees/", opendata, name="opendata"),
    path("experiences/donnees/fiches.csv", opendata_csv, name="opendata_csv"),
    path("experiences/donnees/fiches.json", opendata_json, name="opendata_json"),
]
