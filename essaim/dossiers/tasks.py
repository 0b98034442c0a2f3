"""Background work of dossiers: building a document file (a dossier, or another kind) asked for
by a page."""

from django.tasks import task

from essaim.dossiers.services import build_file


@task()
def build_dossier_file(*, dossier_file_id: int, attempt: int) -> bool:
    """Build and keep the file of ``dossier_file_id`` asked for as ``attempt`` (its row says
    the kind of document and the format); returns whether it was kept (a newer build overtakes
    an older one)."""
    return build_file(dossier_file_id=dossier_file_id, attempt=attempt)
