"""Adding an attachment to a row: contributors only, checked type, and a size limit enforced
before the body of the request is read."""

from django.test import Client
from django.urls import reverse

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.core import uploads
from essaim.core.models import HistoryEntry
from tests.attachments.conftest import PDF, pdf_file
from tests.conftest import client_for


def url(visit) -> str:
    return reverse("attachments:upload", args=["platform_app.visit", visit.pk])


def post(user, visit, **fields):
    data = {"kind": AttachmentKind.ENGAGEMENT_LETTER, "title": "", "file": pdf_file(), **fields}
    return client_for(user).post(url(visit), data)


class GuardedInput:
    """A request body that fails the test if it is read past ``allowed`` bytes."""

    def __init__(self, payload: bytes, allowed: int) -> None:
        self.payload, self.allowed, self.position = payload, allowed, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.payload) if size is None or size < 0 else self.position + size
        end = min(end, len(self.payload))
        if end > self.allowed:
            raise AssertionError(f"Le corps de la requête est lu au-delà de {self.allowed} octets.")
        chunk = self.payload[self.position : end]
        self.position = end
        return chunk

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)


def multipart(file_size: int) -> tuple[bytes, str]:
    boundary = "limite-de-test"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n",
    ]
    body = "".join(parts).encode() + b"0" * file_size + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def test_a_contributor_attaches_a_file(visit, contributor):
    response = post(contributor, visit, next=f"/essais/visites/{visit.pk}/")
    assert response.status_code == 302
    assert response.url == f"/essais/visites/{visit.pk}/"
    attachment = Attachment.objects.get()
    assert attachment.target == visit
    assert attachment.title == "Lettre d'engagement"
    assert attachment.original_name == "Lettre d'engagement.pdf"
    assert attachment.size == len(PDF)
    assert attachment.mime_type == "application/pdf"
    assert attachment.uploaded_by == contributor
    assert attachment.kind == AttachmentKind.ENGAGEMENT_LETTER
    # Stored under a random name that says nothing of the file.
    assert attachment.file.name.startswith("pieces-jointes/")
    assert "engagement" not in attachment.file.name.lower()
    assert len(attachment.file.name) == len("pieces-jointes/") + 32 + len(".pdf")
    entry = HistoryEntry.objects.of(visit).get()
    assert entry.verb == "attachment_added" and entry.actor == contributor


def test_an_unsafe_next_address_falls_back_to_the_row(visit, contributor):
    response = post(contributor, visit, next="https://ailleurs.example.com/")
    assert response.url == visit.get_absolute_url()


def test_the_form_page_is_shown_to_contributors(visit, contributor):
    response = client_for(contributor).get(url(visit))
    assert response.status_code == 200
    assert "Joindre un fichier" in response.content.decode()


def test_readers_are_forbidden_and_outsiders_see_nothing(visit, reader, outsider, client):
    assert post(reader, visit).status_code == 403
    assert post(outsider, visit).status_code == 404
    response = client.post(url(visit), {"file": pdf_file()})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not Attachment.objects.exists()


def test_only_models_that_accept_attachments_have_the_page(visit, owner):
    response = client_for(owner).get(
        reverse("attachments:upload", args=["platform_app.programme", visit.programme.pk])
    )
    assert response.status_code == 404


def test_a_file_of_a_refused_type_is_refused_in_french(visit, contributor):
    response = post(contributor, visit, file=pdf_file("script.exe", b"MZ"))
    assert response.status_code == 400
    assert "Le type de fichier « .exe » n&#x27;est pas accepté" in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_announced_size_past_the_limit_is_refused_without_reading_the_body(visit, contributor):
    announced = uploads.MAX_EVIDENCE_BYTES + uploads.UPLOAD_FORM_OVERHEAD + 1
    body, content_type = multipart(1000)
    # With the CSRF checks of a real browser, so that no middleware reads the body either.
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    response = client.generic(
        "POST",
        url(visit),
        b"",
        **{
            "wsgi.input": GuardedInput(body, allowed=0),
            "CONTENT_LENGTH": str(announced),
            "CONTENT_TYPE": content_type,
        },
    )
    assert response.status_code == 413
    assert "Le fichier dépasse la limite de 10 Mo" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_past_the_limit_stops_the_reading_of_the_body(visit, contributor, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_EVIDENCE_BYTES", 128 * 1024)
    monkeypatch.setattr(uploads, "UPLOAD_FORM_OVERHEAD", 4 * 1024 * 1024)
    body, content_type = multipart(2 * 1024 * 1024)
    stream = GuardedInput(body, allowed=384 * 1024)
    response = client_for(contributor).generic(
        "POST",
        url(visit),
        b"",
        **{"wsgi.input": stream, "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": content_type},
    )
    assert response.status_code == 400
    assert "Le fichier dépasse la limite de 0,1 Mo" in response.content.decode()
    assert stream.position <= 384 * 1024 < len(body)
    assert not Attachment.objects.exists()


def test_a_file_within_the_limit_is_read_whole(visit, contributor, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_EVIDENCE_BYTES", 128 * 1024)
    response = post(contributor, visit, file=pdf_file("compte-rendu.pdf", b"%" * 100_000))
    assert response.status_code == 302
    assert Attachment.objects.get().size == 100_000


def test_the_upload_still_checks_the_csrf_token(visit, contributor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    response = client.post(url(visit), {"kind": "other", "file": pdf_file()})
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_the_upload_reads_the_csrf_token_before_the_file(visit, contributor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(contributor)
    client.get(url(visit))
    token = client.cookies["csrftoken"].value
    response = client.post(
        url(visit), {"csrfmiddlewaretoken": token, "kind": "other", "file": pdf_file()}
    )
    assert response.status_code == 302
    assert Attachment.objects.get().uploaded_by == contributor


def test_a_public_form_is_limited_too(db, client):
    public = reverse("platform_app:public_upload")
    response = client.post(public, {"file": pdf_file("petit.pdf", b"%" * 1000)})
    assert response.content.decode() == "1000 octets reçus"
    response = client.post(public, {"file": pdf_file("moyen.pdf", b"%" * 100_000)})
    assert response.status_code == 400
    assert "Le fichier dépasse la limite de 0,1 Mo" in response.content.decode()
    body, content_type = multipart(1000)
    response = client.generic(
        "POST",
        public,
        b"",
        **{
            "wsgi.input": GuardedInput(body, allowed=0),
            "CONTENT_LENGTH": str(64 * 1024 + uploads.UPLOAD_FORM_OVERHEAD + 1),
            "CONTENT_TYPE": content_type,
        },
    )
    assert response.status_code == 413
