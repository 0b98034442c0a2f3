"""Checks on uploaded evidence files: size and type, with French messages."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File

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
