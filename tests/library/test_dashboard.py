"""The library's editors find the sheets waiting for their review on their dashboard."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db


def test_editors_see_the_sheets_to_review_and_others_do_not(referential, library_editor, owner):
    waiting = make_sheet("Épicerie itinérante", published=False, owner=owner)
    waiting.review_requested_at = timezone.now()
    waiting.save(update_fields=["review_requested_at"])
    make_sheet("Brouillon sans demande", published=False, owner=owner)

    page = client_for(library_editor).get(reverse("core:dashboard")).content.decode()
    assert "Fiches expérience à relire" in page
    assert f'href="{reverse("library:sheet", args=[waiting.pk])}">Épicerie itinérante</a>' in page
    assert "Brouillon sans demande" not in page

    other = client_for(owner).get(reverse("core:dashboard")).content.decode()
    assert "Fiches expérience à relire" not in other
