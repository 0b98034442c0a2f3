"""Background work of the programmes: the theme analysis of every interview note."""

from django.tasks import task

from essaim.programmes.services.synthesis import run_extraction


@task()
def extract_programme_themes(*, extraction_id: int) -> None:
    run_extraction(extraction_id)
