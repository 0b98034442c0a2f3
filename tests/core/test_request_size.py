"""Every request is limited in size before its body is read: the views that receive files say
how much, every other page (public forms included) and the API take less."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from essaim.attendance.reports import MAX_REPORT_BYTES
from essaim.core import uploads
from essaim.evaluation.spreadsheets import MAX_IMPORT_BYTES
from essaim.roles.models import Role
from tests.attachments.test_upload import GuardedInput, multipart
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.registrations.helpers import session_of


def announced_post(client: Client, path: str, size: int, *, allowed: int = 0, **extra):
    """POST to ``path`` a body announced as ``size`` bytes, failing if more than ``allowed``
    bytes of it are read."""
    body, content_type = multipart(1000)
    extra.setdefault("CONTENT_TYPE", content_type)
    return client.generic(
        "POST",
        path,
        b"",
        **{"wsgi.input": GuardedInput(body, allowed=allowed), "CONTENT_LENGTH": str(size), **extra},
    )


def past(limit: int) -> int:
    return limit + uploads.UPLOAD_FORM_OVERHEAD + 1


@pytest.fixture
def public_form() -> str:
    start = timezone.localdate() + datetime.timedelta(days=30)
    return reverse("registrations:register", args=[session_of(start=start).slug])


def test_the_public_registration_form_refuses_a_huge_body_unread(db, public_form):
    client = Client(enforce_csrf_checks=True)
    response = announced_post(client, public_form, past(settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
    assert response.status_code == 413
    content = response.content.decode()
    assert "Envoi trop volumineux" in content
    assert "Les données envoyées dépassent la limite de 2,5 Mo" in content


def test_the_public_registration_form_still_takes_an_ordinary_post(db, public_form):
    response = Client().post(public_form, {"first_name": "Camille"})
    assert response.status_code != 413


def test_a_signed_in_page_refuses_a_huge_body_unread(owner):
    client = client_for(owner)
    response = announced_post(
        client, reverse("accounts:profile"), past(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    )
    assert response.status_code == 413


def test_the_api_refuses_a_huge_body_in_json(owner):
    response = announced_post(
        client_for(owner),
        "/api/v1/experiments/",
        past(settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
        CONTENT_TYPE="application/json",
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": "Les données envoyées dépassent la limite de 2,5 Mo : elles n'ont pas été "
        "enregistrées."
    }


def test_the_spreadsheet_import_takes_its_own_limit(owner):
    experiment = ExperimentFactory()
    experiment.grant(owner, Role.OWNER)
    path = reverse("evaluation:import_measurements", args=[experiment.pk])
    client = client_for(owner)
    response = announced_post(client, path, past(MAX_IMPORT_BYTES))
    assert response.status_code == 413
    content = response.content.decode()
    assert "Fichier trop lourd" in content
    assert "Le fichier dépasse la limite de 5 Mo" in content
    # More than a page without files accepts, less than the import's limit: read, not refused.
    body, content_type = multipart(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024)
    response = client.generic("POST", path, body, content_type=content_type)
    assert response.status_code != 413


def test_files_are_counted_together_against_the_limit(db, settings):
    """Two files each within the limit of a view (64 Kio), but not together: the reading stops
    at the second."""
    settings.ROOT_URLCONF = "tests.platform_app.urls"
    boundary = "limite-de-test"
    part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{{}}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    )
    body = (
        b"".join(
            part.format(name).encode() + b"%" * 40_000 + b"\r\n" for name in ("a.pdf", "b.pdf")
        )
        + f"--{boundary}--\r\n".encode()
    )
    response = Client().generic(
        "POST",
        reverse("platform_app:public_upload"),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 400
    assert "Le fichier dépasse la limite de 0,1 Mo" in response.content.decode()


def test_a_file_a_little_too_large_is_read_whole_and_told_by_the_form(owner):
    """Within the limit of the request (the file's plus the other fields), a file past the
    limit of the view reaches its form, which says why it is refused."""
    experiment = ExperimentFactory()
    experiment.grant(owner, Role.OWNER)
    path = reverse("evaluation:import_measurements", args=[experiment.pk])
    body, content_type = multipart(MAX_IMPORT_BYTES + 1024)
    response = client_for(owner).generic("POST", path, body, content_type=content_type)
    assert response.status_code == 200
    assert "Le fichier dépasse 5 Mo" in response.content.decode()


def test_each_view_that_receives_files_says_its_limit():
    cases = {
        reverse("evaluation:import_measurements", args=[1]): MAX_IMPORT_BYTES,
        reverse("attendance:import_report", args=[1]): MAX_REPORT_BYTES,
        reverse("evaluation:indicator", args=[1, 1]): uploads.MAX_EVIDENCE_BYTES,
        reverse("evaluation:edit_measurement", args=[1, 1]): uploads.MAX_EVIDENCE_BYTES,
        reverse("evaluation:add_journal_entry", args=[1]): uploads.MAX_EVIDENCE_FILES_BYTES,
        reverse("attachments:upload", args=["platform_app.visit", 1]): uploads.MAX_EVIDENCE_BYTES,
        reverse("admin:accounts_user_add"): uploads.MAX_EVIDENCE_BYTES,
        reverse("accounts:profile"): None,
        reverse("registrations:register", args=["une-session"]): None,
    }
    for path, limit in cases.items():
        assert uploads.upload_limit_for(resolve(path).func) == limit, path
