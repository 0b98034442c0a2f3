"""Checks on uploaded files: size and type, with French messages; and a size limit enforced
while the request is read, before its body is taken in (:func:`limit_upload_size`)."""

import mimetypes
from collections.abc import Callable
from functools import wraps
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".png",
        ".jpg",
        ".jpeg",
        ".webp",
        ".gif",
        ".txt",
        ".csv",
        ".odt",
        ".ods",
        ".odp",
        ".docx",
        ".xlsx",
        ".pptx",
    }
)


# Room for the other fields of the form and the multipart boundaries, on top of the file.
UPLOAD_FORM_OVERHEAD = 64 * 1024


def validate_evidence_file(file: File) -> None:
    extension = PurePath(file.name or "").suffix.lower()
    if extension not in EVIDENCE_EXTENSIONS:
        accepted = ", ".join(sorted(ext.lstrip(".").upper() for ext in EVIDENCE_EXTENSIONS))
        raise ValidationError(
            f"Le type de fichier « {extension or 'sans extension'} » n'est pas accepté. "
            f"Types acceptés : {accepted}.",
            code="evidence_type",
        )
    if file.size is not None and file.size > MAX_EVIDENCE_BYTES:
        size = f"{file.size / 1024 / 1024:.1f}".replace(".", ",")
        raise ValidationError(
            f"Le fichier pèse {size} Mo ; la limite est de "
            f"{MAX_EVIDENCE_BYTES // 1024 // 1024} Mo.",
            code="evidence_size",
        )


def content_type_for(name: str) -> str:
    """The media type of a file, from its extension (the content is never trusted)."""
    content_type, _ = mimetypes.guess_type(PurePath(name).name, strict=False)
    return content_type or "application/octet-stream"


def upload_too_large_message(max_bytes: int) -> str:
    megabytes = f"{max_bytes / 1024 / 1024:.1f}".replace(".", ",").removesuffix(",0")
    return f"Le fichier dépasse la limite de {megabytes} Mo : il n'a pas été enregistré."


class SizeLimitedUploadHandler(FileUploadHandler):
    """Stops reading the request as soon as a file passes ``max_bytes``; the rest of the body
    is never read. The view learns it from :func:`upload_was_too_large`."""

    def __init__(self, request: HttpRequest, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.max_bytes:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def upload_was_too_large(request: HttpRequest) -> bool:
    """Whether :class:`SizeLimitedUploadHandler` stopped reading a file of ``request`` (whose
    body is read now if it was not yet)."""
    if request.method == "POST":
        request.FILES  # noqa: B018 — reading the body, through the handlers
    return getattr(request, "upload_too_large", False)


def limit_upload_size(view: Callable | None = None, *, max_bytes: int | None = None) -> Callable:
    """Refuse a request whose announced size (``CONTENT_LENGTH``) passes the limit without
    reading its body (413, with a French page), and stop reading one whose file passes it.

    For every view that receives files, signed-in or public. The body must not be read before
    the handler is in place: the view is exempted from the CSRF middleware, which would read it,
    and checked for CSRF here, after.
    """

    def decorator(view: Callable) -> Callable:
        protected = csrf_protect(view)

        @csrf_exempt
        @wraps(view)
        def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            limit = MAX_EVIDENCE_BYTES if max_bytes is None else max_bytes
            try:
                announced = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                announced = 0
            if announced > limit + UPLOAD_FORM_OVERHEAD:
                context = {"message": upload_too_large_message(limit)}
                return render(request, "core/upload_too_large.html", context, status=413)
            request.upload_too_large = False
            request.upload_limit = limit
            request.upload_handlers.insert(0, SizeLimitedUploadHandler(request, limit))
            return protected(request, *args, **kwargs)

        return limited

    return decorator(view) if view is not None else decorator
