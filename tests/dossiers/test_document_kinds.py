"""Another kind of document, registered as an application above ``dossiers`` would: built by the
worker as the dossier is, followed by the same page, downloaded, kept until the experiment
changes, cleaned up."""

import datetime
import html
from dataclasses import dataclass, field, replace

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.dossiers.dossier_kind import DOSSIER_KIND
from essaim.dossiers.fingerprints import Fingerprint
from essaim.dossiers.models import BuildStatus, DossierFile
from essaim.dossiers.registry import (
    DocumentKind,
    UnknownDocumentKind,
    always_available,
    document_kind,
    document_kinds,
    experiment_slug,
    register_document,
    registered_document,
    unregister_document,
)
from essaim.dossiers.scheduled import delete_outdated_dossier_files
from essaim.dossiers.services import request_dossier_file
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.dossiers.conftest import run_queued
from tests.experiments.factories import ExperimentFactory

KIT = "kit-essai"
HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Kit:
    """The test kind, and what it saw: the builds it made, the experiments without a kit."""

    kind: DocumentKind
    builds: list = field(default_factory=list)
    without_kit: set = field(default_factory=set)
    broken: bool = False


@pytest.fixture
def kit():
    state = Kit(kind=None)

    def render(format: str, start: bytes):
        def write(experiment) -> bytes:
            if state.broken:
                raise OSError("le kit ne s'écrit pas")
            state.builds.append((format, experiment.pk))
            return start + f" kit de {experiment.title} n° {len(state.builds)}".encode()

        return write

    state.kind = DocumentKind(
        key=KIT,
        label="kit d'essai",
        render_pdf=render("pdf", b"%PDF-1.7"),
        render_docx=render("docx", b"PK"),
        filename=lambda experiment: f"kit-essai-{experiment_slug(experiment)}",
        available=lambda experiment: experiment.pk not in state.without_kit,
    )
    with registered_document(state.kind):
        yield state
    assert KIT not in [kind.key for kind in document_kinds()]


def ask_url(experiment, format="pdf", kind=KIT):
    return reverse("dossiers:document", args=[experiment.pk, kind, format])


def status_url(experiment, format="pdf", kind=KIT):
    return reverse("dossiers:document_status", args=[experiment.pk, kind, format])


def download_url(experiment, format="pdf", kind=KIT):
    return reverse("dossiers:document_download", args=[experiment.pk, kind, format])


def text(response) -> str:
    return html.unescape(response.content.decode())


def stored(dossier_file: DossierFile) -> bool:
    return dossier_file.file.storage.exists(dossier_file.file.name)


# The registry --------------------------------------------------------------------------------


def test_the_dossier_is_registered_at_startup():
    assert document_kind("dossier") is DOSSIER_KIND
    assert DOSSIER_KIND.label == "dossier"


def test_an_unknown_kind_is_a_lookup_error():
    with pytest.raises(LookupError):
        document_kind("inconnu")
    assert issubclass(UnknownDocumentKind, LookupError)


def test_a_kind_registered_for_a_block_is_gone_after_it(kit):
    other = replace(kit.kind, key="autre-kit")

    with registered_document(other):
        assert document_kind("autre-kit") is other

    with pytest.raises(LookupError):
        document_kind("autre-kit")
    unregister_document("autre-kit")  # nothing left to remove: nothing happens


def test_a_key_is_registered_once(kit):
    register_document(kit.kind)  # the same kind again: nothing changes

    with pytest.raises(ValueError, match="déjà inscrit"):
        register_document(replace(kit.kind, label="autre kit"))
    assert document_kind(KIT) is kit.kind


@pytest.mark.parametrize("key", ["", "Kit", "kit essai", "kit/essai", "k" * 21, "kit-"])
def test_a_key_goes_into_urls(kit, key):
    with pytest.raises(ValueError, match="clé"):
        replace(kit.kind, key=key)


def test_the_services_refuse_a_kind_not_registered(experiment):
    with pytest.raises(LookupError):
        request_dossier_file(experiment=experiment, kind="inconnu", format="pdf")
    assert not DossierFile.objects.exists()


# Built, served, kept until the experiment changes ---------------------------------------------


@pytest.mark.parametrize(
    ("format", "content_type", "start"),
    [
        ("pdf", "application/pdf", b"%PDF-1.7"),
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK",
        ),
    ],
)
def test_asking_builds_the_file_and_serves_it(experiment, reader, kit, format, content_type, start):
    response = client_for(reader).get(ask_url(experiment, format))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="kit-essai-bricobus-dans-le-loiret-{today:%Y-%m-%d}.{format}"'
    )
    assert response.content == start + b" kit de Bricobus dans le Loiret n\xc2\xb0 1"
    assert kit.builds == [(format, experiment.pk)]
    dossier_file = DossierFile.objects.get()
    assert (dossier_file.kind, dossier_file.format) == (KIT, format)
    assert (dossier_file.status, dossier_file.attempt) == (BuildStatus.READY, 1)
    assert str(dossier_file).startswith("Kit d'essai ")


def test_the_file_is_given_again_until_the_experiment_changes(experiment, owner, reader, kit):
    client = client_for(reader)
    first = client.get(ask_url(experiment))
    dossier_file = DossierFile.objects.get()
    first_file = dossier_file.file.name

    again = client.get(ask_url(experiment))
    downloaded = client.get(download_url(experiment))

    assert again.content == downloaded.content == first.content
    assert len(kit.builds) == 1  # served without building
    dossier_file.refresh_from_db()
    assert (dossier_file.attempt, dossier_file.file.name) == (1, first_file)

    experiment.log_action(owner, "updated", "Cadrage : objectif modifié")
    assert client.get(download_url(experiment)).url == ask_url(experiment)
    page = text(client.get(status_url(experiment)))
    assert "L'expérimentation a changé depuis la préparation de ce kit d'essai." in page
    after_change = client.get(ask_url(experiment))

    assert after_change.content.endswith(" n° 2".encode())
    assert len(kit.builds) == 2
    dossier_file.refresh_from_db()
    assert dossier_file.attempt == 2
    assert dossier_file.file.name != first_file
    assert not dossier_file.file.storage.exists(first_file)  # the old file is gone
    assert stored(dossier_file)


def test_the_page_follows_the_worker_under_the_kind_s_name(experiment, reader, kit, queued_tasks):
    client = client_for(reader)

    response = client.get(ask_url(experiment))

    assert response.status_code == 302
    assert response.url == status_url(experiment)
    assert [result.task.name for result in queued_tasks.results] == ["build_dossier_file"]
    assert queued_tasks.results[0].kwargs == {
        "dossier_file_id": DossierFile.objects.get().pk,
        "attempt": 1,
    }
    page = text(client.get(response.url))
    assert "<h2>Kit d'essai PDF</h2>" in page
    assert "Le kit d'essai est écrit en arrière-plan" in page
    assert "Le kit d'essai PDF est en file d'attente" in page
    assert f'hx-get="{status_url(experiment)}" hx-trigger="every 2s"' in page
    waiting = text(client.get(status_url(experiment), **HTMX))
    assert "dossier" not in waiting.replace("#dossier-status", "")

    assert run_queued(queued_tasks) == [True]

    fragment = text(client.get(status_url(experiment), **HTMX))
    assert "Le kit d'essai PDF est prêt." in fragment
    assert f'href="{download_url(experiment)}"' in fragment
    assert "Télécharger le kit d'essai PDF" in fragment
    assert client.get(download_url(experiment)).content.startswith(b"%PDF-1.7 kit de")


def test_a_failed_build_says_so_under_the_kind_s_name(experiment, reader, kit):
    client = client_for(reader)
    kit.broken = True

    response = client.get(ask_url(experiment))

    page = text(client.get(response.url))
    assert "La préparation du kit d'essai PDF a échoué." in page
    assert f'<form method="post" action="{ask_url(experiment)}">' in page
    assert client.get(download_url(experiment)).url == status_url(experiment)

    kit.broken = False
    assert client.post(ask_url(experiment)).content.startswith(b"%PDF-1.7 kit de")
    assert DossierFile.objects.get().attempt == 2


def test_the_status_reads_as_many_queries_as_the_dossier_s(
    experiment, reader, kit, django_assert_max_num_queries
):
    client = client_for(reader)
    client.get(ask_url(experiment))

    # Session, user, experiment with its theme, the file, the experiment's history.
    with django_assert_max_num_queries(5):
        response = client.get(status_url(experiment), **HTMX)
    assert "est prêt" in response.content.decode()


def test_a_kind_with_its_own_fingerprint_is_rebuilt_when_it_changes(experiment, reader, kit):
    changed = [datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)]
    kind = replace(
        kit.kind, key="kit-propre", fingerprint=lambda experiment: Fingerprint(0, 0, changed[0])
    )
    client = client_for(reader)
    with registered_document(kind):
        client.get(ask_url(experiment, kind="kit-propre"))
        client.get(ask_url(experiment, kind="kit-propre"))
        assert len(kit.builds) == 1
        assert DossierFile.objects.get().experiment_updated_at == changed[0]

        changed[0] += datetime.timedelta(days=1)
        assert delete_outdated_dossier_files(timezone.now()) == 1
        assert not DossierFile.objects.exists()
        client.get(ask_url(experiment, kind="kit-propre"))

    assert len(kit.builds) == 2


# Who and what is not found -------------------------------------------------------------------


@pytest.mark.parametrize("url", [ask_url, status_url, download_url])
def test_a_kind_not_available_for_the_experiment_is_not_found(experiment, reader, kit, url):
    kit.without_kit.add(experiment.pk)

    assert client_for(reader).get(url(experiment)).status_code == 404
    assert client_for(reader).post(ask_url(experiment)).status_code == 404
    assert not DossierFile.objects.exists()
    assert kit.builds == []


def test_a_kind_is_available_experiment_by_experiment(experiment, owner, reader, kit):
    without = ExperimentFactory(title="Épicerie itinérante")
    without.grant(reader, Role.READER)
    kit.without_kit.add(without.pk)

    assert client_for(reader).get(ask_url(experiment)).status_code == 200
    assert client_for(reader).get(ask_url(without)).status_code == 404


@pytest.mark.parametrize("url", [ask_url, status_url, download_url])
def test_an_unknown_kind_is_not_found(experiment, reader, url):
    assert client_for(reader).get(url(experiment, kind="inconnu")).status_code == 404
    assert client_for(reader).post(ask_url(experiment, kind="inconnu")).status_code == 404
    assert not DossierFile.objects.exists()


def test_an_unknown_format_is_not_found(experiment, reader, kit):
    for url in (ask_url, status_url, download_url):
        assert client_for(reader).get(url(experiment, "odt")).status_code == 404
    assert not DossierFile.objects.exists()


@pytest.mark.parametrize("url", [ask_url, status_url, download_url])
def test_it_hides_everything_from_outsiders(experiment, reader, outsider, kit, url):
    client_for(reader).get(ask_url(experiment))  # a file exists

    assert client_for(outsider).get(url(experiment)).status_code == 404
    assert client_for(outsider).post(ask_url(experiment)).status_code == 404
    anonymous = client_for(None).get(url(experiment))
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("accounts:login"))
    assert DossierFile.objects.get().attempt == 1
    assert len(kit.builds) == 1


# Beside the dossier --------------------------------------------------------------------------


def test_the_dossier_and_the_kit_of_an_experiment_coexist(experiment, reader, kit):
    client = client_for(reader)

    dossier = client.get(reverse("dossiers:pdf", args=[experiment.pk]))
    kit_file = client.get(ask_url(experiment))

    assert dossier.content.startswith(b"%PDF")
    assert b"kit de" not in dossier.content
    assert dossier["Content-Disposition"].startswith('attachment; filename="dossier-bricobus-')
    assert kit_file.content.startswith(b"%PDF-1.7 kit de")
    rows = DossierFile.objects.filter(experiment=experiment, format="pdf")
    assert sorted(rows.values_list("kind", "status")) == [
        ("dossier", BuildStatus.READY),
        (KIT, BuildStatus.READY),
    ]
    assert len({row.file.name for row in rows}) == 2
    # Each is given again as it is, the other untouched.
    assert client.get(download_url(experiment)).content == kit_file.content
    again = client.get(reverse("dossiers:download", args=[experiment.pk, "pdf"]))
    assert again.content == dossier.content
    assert len(kit.builds) == 1


def test_the_dossier_is_a_kind_like_the_others(experiment, reader, queued_tasks):
    """Its generic addresses work too, and lead to its own pages."""
    response = client_for(reader).get(ask_url(experiment, "docx", kind="dossier"))

    assert response.url == reverse("dossiers:status", args=[experiment.pk, "docx"])
    assert DossierFile.objects.get().kind == "dossier"
    page = text(client_for(reader).get(status_url(experiment, "docx", kind="dossier")))
    assert "Le dossier Word (DOCX) est en file d'attente" in page
    assert f'hx-get="{response.url}"' in page


# Old files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("own_availability", [True, False])
def test_cleanup_deletes_the_outdated_files_of_every_kind(
    experiment, rich_experiment, owner, kit, own_availability
):
    if not own_availability:  # compared in the database, as the dossier's files are
        unregister_document(KIT)
        register_document(replace(kit.kind, available=always_available))
    for each in (experiment, rich_experiment):
        request_dossier_file(experiment=each, kind=KIT, format="docx")
    request_dossier_file(experiment=experiment, format="docx")  # the dossier
    outdated, current = (
        DossierFile.objects.get(experiment=experiment, kind=KIT),
        DossierFile.objects.get(experiment=rich_experiment, kind=KIT),
    )
    experiment.log_action(owner, "updated", "Cadrage : budget modifié")

    assert delete_outdated_dossier_files(timezone.now()) == 2  # the kit's and the dossier's
    assert list(DossierFile.objects.all()) == [current]
    assert not outdated.file.storage.exists(outdated.file.name)
    assert stored(current)


def test_cleanup_deletes_the_files_of_a_kit_no_longer_available(experiment, rich_experiment, kit):
    for each in (experiment, rich_experiment):
        request_dossier_file(experiment=each, kind=KIT, format="pdf")
    gone = DossierFile.objects.get(experiment=experiment)
    kit.without_kit.add(experiment.pk)

    assert delete_outdated_dossier_files(timezone.now()) == 1
    assert list(DossierFile.objects.values_list("experiment", flat=True)) == [rich_experiment.pk]
    assert not gone.file.storage.exists(gone.file.name)


def test_cleanup_deletes_the_files_of_a_kind_no_longer_registered(experiment, kit):
    request_dossier_file(experiment=experiment, kind=KIT, format="pdf")
    request_dossier_file(experiment=experiment, format="docx")  # the dossier, current
    gone = DossierFile.objects.get(kind=KIT)
    unregister_document(KIT)

    assert delete_outdated_dossier_files(timezone.now()) == 1
    assert list(DossierFile.objects.values_list("kind", flat=True)) == ["dossier"]
    assert not gone.file.storage.exists(gone.file.name)
