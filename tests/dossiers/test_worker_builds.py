"""The dossier is built by the worker: asking for it answers at once, a page follows the build,
and the file is kept until the experiment changes."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from essaim.dossiers.models import BuildStatus, DossierFile
from essaim.dossiers.scheduled import delete_outdated_dossier_files
from essaim.dossiers.services import build_file, request_dossier_file
from essaim.privacy.services import erase_personal_data
from tests.conftest import client_for
from tests.dossiers.conftest import run_queued

HTMX = {"HTTP_HX_REQUEST": "true"}


def ask_url(experiment, format="pdf"):
    return reverse(f"dossiers:{format}", args=[experiment.pk])


def status_url(experiment, format="pdf"):
    return reverse("dossiers:status", args=[experiment.pk, format])


def download_url(experiment, format="pdf"):
    return reverse("dossiers:download", args=[experiment.pk, format])


def stored(dossier_file: DossierFile) -> bool:
    return dossier_file.file.storage.exists(dossier_file.file.name)


def test_it_answers_at_once_and_leaves_the_build_to_the_worker(experiment, reader, queued_tasks):
    client = client_for(reader)

    response = client.get(ask_url(experiment))

    assert response.status_code == 302
    assert response.url == status_url(experiment)
    assert [result.task.name for result in queued_tasks.results] == ["build_dossier_file"]
    assert DossierFile.objects.get().status == BuildStatus.BUILDING
    page = client.get(response.url).content.decode()
    assert 'role="status"' in page
    assert 'aria-live="polite"' in page
    assert "Le dossier PDF est en file d'attente" in page
    assert f'hx-get="{status_url(experiment)}" hx-trigger="every 2s"' in page
    assert f'<a href="{status_url(experiment)}">Actualiser</a>' in page
    assert f'<a href="{experiment.get_absolute_url()}">Bricobus dans le Loiret</a>' in page

    assert run_queued(queued_tasks) == [True]

    fragment = client.get(status_url(experiment), **HTMX).content.decode()
    assert "Le dossier PDF est prêt." in fragment
    assert "hx-trigger" not in fragment
    assert "<h1>" not in fragment
    assert f'href="{download_url(experiment)}"' in fragment
    download = client.get(download_url(experiment))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith(
        'attachment; filename="dossier-bricobus-dans-le-loiret-'
    )
    assert download.content.startswith(b"%PDF")


def test_the_page_says_when_the_worker_has_started(experiment, reader, queued_tasks):
    dossier_file = request_dossier_file(experiment=experiment, format="docx")
    DossierFile.objects.filter(pk=dossier_file.pk).update(started_at=timezone.now())

    fragment = client_for(reader).get(status_url(experiment, "docx"), **HTMX).content.decode()

    assert "Le dossier Word (DOCX) est en cours d'écriture…" in fragment
    assert "hx-trigger" in fragment


def test_two_people_asking_at_once_start_one_build(experiment, owner, reader, queued_tasks):
    client_for(owner).get(ask_url(experiment))
    client_for(reader).get(ask_url(experiment))

    assert len(queued_tasks.results) == 1
    assert DossierFile.objects.get().attempt == 1


def test_each_format_has_its_own_build(experiment, reader, queued_tasks):
    client_for(reader).get(ask_url(experiment, "pdf"))
    client_for(reader).get(ask_url(experiment, "docx"))

    assert len(queued_tasks.results) == 2
    assert sorted(DossierFile.objects.values_list("format", flat=True)) == ["docx", "pdf"]


def test_the_file_is_given_again_until_the_experiment_changes(experiment, owner, reader):
    client = client_for(reader)
    first = client.get(ask_url(experiment))
    dossier_file = DossierFile.objects.get()
    first_file = dossier_file.file.name

    again = client.get(ask_url(experiment))

    assert first.content.startswith(b"%PDF")
    assert again.content == first.content
    dossier_file.refresh_from_db()
    assert (dossier_file.attempt, dossier_file.file.name) == (1, first_file)

    experiment.log_action(owner, "updated", "Cadrage : objectif modifié")
    assert client.get(download_url(experiment)).url == ask_url(experiment)
    after_change = client.get(ask_url(experiment))

    assert after_change.content.startswith(b"%PDF")
    dossier_file.refresh_from_db()
    assert dossier_file.attempt == 2
    assert dossier_file.file.name != first_file
    assert not dossier_file.file.storage.exists(first_file)  # the old file is gone
    assert stored(dossier_file)


def test_a_change_to_the_experiment_itself_makes_a_new_file(experiment, reader):
    client_for(reader).get(ask_url(experiment))
    experiment.title = "Bricobus dans le Loiret et le Cher"
    experiment.save(update_fields=["title", "updated_at"])

    response = client_for(reader).get(ask_url(experiment))

    assert "bricobus-dans-le-loiret-et-le-cher" in response["Content-Disposition"]
    assert DossierFile.objects.get().attempt == 2


@pytest.fixture
def broken_printer(monkeypatch):
    """WeasyPrint fails, as it would without its libraries."""
    import weasyprint

    def fail(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", fail)
    return monkeypatch


def test_a_failed_build_says_so_and_can_be_retried(experiment, reader, broken_printer):
    client = client_for(reader)

    response = client.get(ask_url(experiment))

    assert response.url == status_url(experiment)
    page = client.get(response.url).content.decode()
    assert "La préparation du dossier PDF a échoué." in page
    assert f'<form method="post" action="{ask_url(experiment)}">' in page
    assert "Relancer la préparation" in page
    dossier_file = DossierFile.objects.get()
    assert (dossier_file.status, dossier_file.attempt) == (BuildStatus.FAILED, 1)
    assert client.get(download_url(experiment)).url == status_url(experiment)
    # Asking again does not start it over by itself: only the button does.
    client.get(ask_url(experiment))
    assert DossierFile.objects.get().attempt == 1

    broken_printer.undo()
    retried = client.post(ask_url(experiment))

    assert retried.content.startswith(b"%PDF")
    dossier_file.refresh_from_db()
    assert (dossier_file.status, dossier_file.attempt) == (BuildStatus.READY, 2)


def test_a_build_overtaken_by_a_newer_one_is_dropped(experiment, owner, queued_tasks):
    first = request_dossier_file(experiment=experiment, format="pdf")
    experiment.log_action(owner, "updated", "Cadrage : public modifié")
    second = request_dossier_file(experiment=experiment, format="pdf")
    assert (first.attempt, second.attempt) == (1, 2)

    assert build_file(dossier_file_id=first.pk, attempt=1) is False
    assert build_file(dossier_file_id=second.pk, attempt=2) is True
    assert build_file(dossier_file_id=second.pk, attempt=2) is False  # run twice: once


def test_a_build_the_worker_lost_can_be_asked_for_again(experiment, reader, queued_tasks):
    client_for(reader).get(ask_url(experiment))
    DossierFile.objects.update(requested_at=timezone.now() - datetime.timedelta(minutes=11))

    page = client_for(reader).get(status_url(experiment)).content.decode()
    assert "Ce dossier n'est pas encore préparé." in page
    client_for(reader).get(ask_url(experiment))

    assert len(queued_tasks.results) == 2
    assert DossierFile.objects.get().attempt == 2


def test_the_status_page_offers_a_new_file_after_a_change(experiment, owner, reader):
    client_for(reader).get(ask_url(experiment))
    experiment.log_action(owner, "updated", "Risques modifiés")

    page = client_for(reader).get(status_url(experiment)).content.decode()

    assert "L'expérimentation a changé depuis la préparation de ce dossier." in page
    assert f'href="{ask_url(experiment)}"' in page


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_the_status_reads_a_fixed_number_of_queries(
    rich_experiment, reader, format, django_assert_max_num_queries
):
    client = client_for(reader)
    client.get(ask_url(rich_experiment, format))

    # Session, user, experiment with its theme, the dossier file, the experiment's history.
    with django_assert_max_num_queries(5):
        response = client.get(status_url(rich_experiment, format), **HTMX)
    assert "est prêt" in response.content.decode()


# Who may ask, follow and download ----------------------------------------------------------


@pytest.mark.parametrize("name", ["ask", "status", "download"])
def test_it_hides_everything_from_outsiders(experiment, reader, outsider, name):
    client_for(reader).get(ask_url(experiment))  # a file exists
    url = {"ask": ask_url, "status": status_url, "download": download_url}[name](experiment)

    assert client_for(outsider).get(url).status_code == 404
    assert client_for(outsider).post(ask_url(experiment)).status_code == 404
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("accounts:login"))
    assert DossierFile.objects.get().attempt == 1


def test_an_unknown_format_is_not_found(experiment, reader):
    assert client_for(reader).get(status_url(experiment, "odt")).status_code == 404
    assert client_for(reader).get(download_url(experiment, "odt")).status_code == 404


def test_following_and_downloading_change_nothing(experiment, reader):
    assert client_for(reader).post(status_url(experiment)).status_code == 405
    assert client_for(reader).post(download_url(experiment)).status_code == 405


# Old files ---------------------------------------------------------------------------------


def test_outdated_files_are_deleted_and_current_ones_kept(experiment, rich_experiment, owner):
    request_dossier_file(experiment=experiment, format="docx")
    request_dossier_file(experiment=rich_experiment, format="docx")
    outdated, current = (
        DossierFile.objects.get(experiment=experiment),
        DossierFile.objects.get(experiment=rich_experiment),
    )
    experiment.log_action(owner, "updated", "Cadrage : budget modifié")
    storage = current.file.storage
    orphan = storage.save("dossiers/orphelin.pdf", ContentFile(b"%PDF"))

    now = timezone.now()
    assert delete_outdated_dossier_files(now) == 1  # the orphan is too recent yet
    assert list(DossierFile.objects.all()) == [current]
    assert not storage.exists(outdated.file.name)
    assert stored(current)
    assert storage.exists(orphan)

    # (and the files other tests left behind)
    assert delete_outdated_dossier_files(now + datetime.timedelta(hours=2)) >= 1
    assert not storage.exists(orphan)
    assert stored(current)


def test_failed_builds_are_forgotten_after_a_day(experiment, broken_printer):
    request_dossier_file(experiment=experiment, format="pdf")
    now = timezone.now()

    assert delete_outdated_dossier_files(now) == 0
    assert delete_outdated_dossier_files(now + datetime.timedelta(days=2)) >= 1
    assert not DossierFile.objects.exists()


def test_an_erasure_forgets_the_dossiers_already_written(
    experiment, reader, django_capture_on_commit_callbacks
):
    """A dossier may name the person erased (a body's member, a partner's contact)."""
    client_for(reader).get(ask_url(experiment))
    dossier_file = DossierFile.objects.get()
    assert stored(dossier_file)

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(email="personne@example.org")

    assert not DossierFile.objects.exists()
    assert not dossier_file.file.storage.exists(dossier_file.file.name)
    assert client_for(reader).get(ask_url(experiment)).content.startswith(b"%PDF")
