"""Adding and removing attachments, each written in the history of the row they belong to."""

from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.core.models import record_history
from essaim.core.uploads import content_type_for


def attach_file(
    *, target: models.Model, file: UploadedFile, kind: AttachmentKind | str, title: str, user
) -> Attachment:
    """Keep ``file`` as an attachment of ``target``; its type comes from its extension."""
    name = PurePath(file.name or "fichier").name
    with transaction.atomic():
        attachment = Attachment.objects.create(
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            kind=kind,
            title=title,
            file=file,
            original_name=name[:255],
            size=file.size,
            mime_type=content_type_for(name),
            uploaded_by=user,
        )
        record_history(
            target,
            actor=user,
            verb="attachment_added",
            summary=f"Pièce jointe ajoutée : {attachment.title}",
        )
    return attachment


def delete_attachment(*, attachment: Attachment, user) -> None:
    """Remove ``attachment`` and, once that is committed, its file."""
    file = attachment.file
    with transaction.atomic():
        record_history(
            attachment.target,
            actor=user,
            verb="attachment_deleted",
            summary=f"Pièce jointe supprimée : {attachment.title}",
        )
        attachment.delete()
        transaction.on_commit(lambda: file.storage.delete(file.name))
