"""Background work of the library's imports: checking a file of sheets line by line, then
creating them, while the import's page shows how far it went."""

from django.tasks import task

from essaim.library.services.imports import run_import


@task()
def import_sheets(*, import_id: int) -> None:
    run_import(import_id)
