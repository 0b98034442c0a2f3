"""Asking for the dossier in a real browser: the file straight away when it is ready, else the
page that follows the worker until the file can be downloaded."""

from pathlib import Path

import pytest
from django.utils import timezone

from essaim.dossiers.models import BuildStatus, DossierFile
from essaim.dossiers.services import build_file, fingerprint_of
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser


def test_asking_for_the_pdf_dossier_gives_the_file(
    transactional_db, live_server, page, experiment, reader
):
    sign_in(page, live_server, reader.email, "mot-de-passe-solide")
    page.goto(live_server.url + experiment.get_absolute_url())

    with page.expect_download() as download:
        page.get_by_role("link", name="Dossier PDF").click()

    assert download.value.suggested_filename.startswith("dossier-bricobus-dans-le-loiret-")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")


def test_the_page_follows_the_worker_until_the_file_is_ready(
    transactional_db, live_server, page, experiment, reader, screenshot_dir
):
    # Asked for, not yet taken by the worker.
    dossier_file = DossierFile.objects.create(
        experiment=experiment,
        format="docx",
        status=BuildStatus.BUILDING,
        attempt=1,
        requested_at=timezone.now(),
        **fingerprint_of(experiment).fields(),
    )
    sign_in(page, live_server, reader.email, "mot-de-passe-solide")
    page.goto(live_server.url + experiment.get_absolute_url())
    page.get_by_role("link", name="Dossier Word (DOCX)").click()

    status = page.get_by_role("status")
    status.get_by_text("est en file d'attente").wait_for()
    page.screenshot(path=screenshot_dir / "dossier-en-preparation.png", full_page=True)

    assert build_file(dossier_file_id=dossier_file.pk, attempt=1)  # what the worker does

    link = status.get_by_role("link", name="Télécharger le dossier Word (DOCX)")
    link.wait_for()  # the next poll
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".docx")
    assert Path(download.value.path()).read_bytes().startswith(b"PK")
