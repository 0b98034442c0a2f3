"""Every file Essaim hands out — exports, documents, personal data, evidence — leaves through
these helpers: the name in ``Content-Disposition`` (accents kept, by
``content_disposition_header``), and ``Cache-Control: private, no-store`` so that no browser or
proxy keeps a copy of what only its reader may see.

The calendar feeds of published sessions and cycles are public: they pass ``cacheable=True``.
"""

from typing import BinaryIO

from django.http import FileResponse, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ICS_TYPE = "text/calendar; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


def file_response(
    content: bytes | str,
    *,
    filename: str,
    content_type: str,
    inline: bool = False,
    cacheable: bool = False,
) -> HttpResponse:
    """``content`` to download as ``filename`` (or, ``inline``, to open in the browser, as
    the PDF documents are)."""
    response = HttpResponse(content, content_type=content_type)
    _describe(response, filename=filename, inline=inline, cacheable=cacheable)
    return response


def stored_file_response(
    handle: BinaryIO, *, filename: str, content_type: str | None = None
) -> FileResponse:
    """A stored file, opened by the caller, sent as an attachment; its type, ``content_type`` or
    guessed from ``filename``, is never sniffed by the browser."""
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    _describe(response, filename=filename, inline=False, cacheable=False)
    return response


def _describe(response: HttpResponse, *, filename: str, inline: bool, cacheable: bool) -> None:
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=not inline, filename=filename
    )
    if not cacheable:
        patch_cache_control(response, private=True, no_store=True)
