"""Checks on uploaded files: size and type, with French messages; and the size a view accepts
(:func:`limit_upload_size`), enforced before and while the request is read by
:class:`essaim.core.middleware.RequestSizeLimitMiddleware`."""

import mimetypes
from collections.abc import Callable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Several evidence files sent at once (a journal entry): all of them together.
MAX_EVIDENCE_FILES_BYTES = 5 * MAX_EVIDENCE_BYTES
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


def megabytes(size: int) -> str:
    """« 10 », « 2,5 »: a size in megabytes as the messages write it."""
    return f"{size / 1024 / 1024:.1f}".replace(".", ",").removesuffix(",0")


def upload_too_large_message(max_bytes: int) -> str:
    return f"Le fichier dépasse la limite de {megabytes(max_bytes)} Mo : il n'a pas été enregistré."


class SizeLimitedUploadHandler(FileUploadHandler):
    """Stops reading the request as soon as its files together pass ``max_bytes``; the rest of
    the body is never read (a body sent without its length, in chunks, is cut there too). The
    view learns it from :func:`upload_was_too_large`."""

    def __init__(self, request: HttpRequest, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
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


def limit_upload_size(
    view: Callable | None = None, *, max_bytes: int | None = None, tells_in_form: bool = False
) -> Callable:
    """Mark a view that receives files, signed-in or public: its requests may carry
    ``max_bytes`` of files (:data:`MAX_EVIDENCE_BYTES` by default), plus the other fields.

    :class:`essaim.core.middleware.RequestSizeLimitMiddleware` enforces it before the body is
    read: a larger announced size (``CONTENT_LENGTH``) gets a French 413 page, and so does a
    body whose files pass the limit while it is read. A view that says ``tells_in_form`` learns
    it from :func:`upload_was_too_large` instead, as soon as a file passes ``max_bytes``, and
    shows the message in its form. A view without this mark accepts no more than
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``.
    """

    def decorator(view: Callable) -> Callable:
        view.upload_max_bytes = max_bytes
        view.upload_tells_in_form = tells_in_form
        view.accepts_uploads = True
        return view

    return decorator(view) if view is not None else decorator


def upload_limit_for(view: Callable) -> int | None:
    """The bytes of files a view accepts (:func:`limit_upload_size`), the administration's
    forms included; None for a view that expects no file."""
    if getattr(view, "accepts_uploads", False):
        return view.upload_max_bytes if view.upload_max_bytes is not None else MAX_EVIDENCE_BYTES
    if hasattr(view, "model_admin"):
        return MAX_EVIDENCE_BYTES
    return None


def tells_in_form(view: Callable) -> bool:
    """Whether ``view`` shows a too large file in its form (:func:`limit_upload_size`)."""
    return getattr(view, "upload_tells_in_form", False)


def request_too_large_message(max_bytes: int) -> str:
    return (
        f"Les données envoyées dépassent la limite de {megabytes(max_bytes)} Mo : "
        "elles n'ont pas été enregistrées."
    )
