import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.attachments.services import attach_file
from tests.platform_app.factories import make_programme, make_visit

PDF = b"%PDF-1.4\n% lettre d'engagement de la commune\n%%EOF\n"


@pytest.fixture(autouse=True)
def platform_urls(settings):
    settings.ROOT_URLCONF = "tests.platform_app.urls"


@pytest.fixture
def visit(owner, editor, contributor, reader):
    programme = make_programme(owner=owner, editor=editor, contributor=contributor, reader=reader)
    return make_visit(programme, "Saillans")


def pdf_file(name: str = "Lettre d'engagement.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_attachment(visit, user, title: str = "Lettre de la commune") -> Attachment:
    return attach_file(
        target=visit,
        file=pdf_file(),
        kind=AttachmentKind.ENGAGEMENT_LETTER,
        title=title,
        user=user,
    )
