"""Publication: transitions, the ``published()`` queryset, and a public page that shows the
declared public fields and nothing else — checked field by field."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.core.publication import PublicationError, PublicationStatus, public_view
from tests.conftest import client_for
from tests.platform_app.models import ExperienceSheet

pytestmark = pytest.mark.urls("tests.platform_app.urls")

TEXT_FIELDS = (models.CharField, models.TextField)


def marked_fields() -> list[models.Field]:
    """Every text field of the sheet the author writes (not the publication's own)."""
    return [
        field
        for field in ExperienceSheet._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS)
        and not field.choices
        and field.name not in {"withdrawal_reason"}
    ]


@pytest.fixture
def sheet(owner):
    values = {field.name: f"marqueur-{field.name}-7f3a" for field in marked_fields()}
    values["contact_email"] = "marqueur-contact-email-7f3a@example.org"
    return ExperienceSheet.objects.create(author=owner, **values)


def url(sheet) -> str:
    return reverse("platform_app:sheet", args=[sheet.pk])


def test_the_public_page_shows_every_public_field_and_no_other(sheet, owner, client):
    sheet.publish(owner)
    response = client.get(url(sheet))
    assert response.status_code == 200
    content = response.content.decode()
    fields = marked_fields()
    assert len(fields) == 8
    for field in fields:
        marker = getattr(sheet, field.name)
        if field.name in ExperienceSheet.PUBLIC_FIELDS:
            assert marker in content, field.name
        else:
            assert marker not in content, field.name
    # The author (a private relation) is not reached either.
    assert owner.email not in content and owner.full_name not in content


def test_draft_and_withdrawn_sheets_have_no_public_page(sheet, owner, client):
    assert client.get(url(sheet)).status_code == 404
    assert client_for(owner).get(url(sheet)).status_code == 404
    sheet.publish(owner)
    assert client.get(url(sheet)).status_code == 200
    sheet.withdraw(owner, "Des données personnelles y figuraient.")
    response = client.get(url(sheet))
    assert response.status_code == 404
    assert "marqueur-title" not in response.content.decode()


def test_the_public_view_refuses_every_other_name(sheet):
    view = public_view(sheet)
    assert view.title == "marqueur-title-7f3a"
    assert view["lessons"] == "marqueur-lessons-7f3a"
    for name in ("internal_notes", "contact_email", "author", "pk", "publication_status"):
        with pytest.raises(AttributeError, match="n'est pas un champ public"):
            getattr(view, name)
        with pytest.raises(KeyError):
            view[name]
    with pytest.raises(AttributeError):
        view.title = "autre"


def test_a_public_field_that_does_not_exist_is_a_configuration_error(sheet, monkeypatch):
    monkeypatch.setattr(ExperienceSheet, "PUBLIC_FIELDS", ("title", "nope"))
    with pytest.raises(ImproperlyConfigured, match="nope"):
        public_view(sheet)


def test_a_public_relation_is_copied_as_its_name(sheet, owner, monkeypatch):
    monkeypatch.setattr(ExperienceSheet, "PUBLIC_FIELDS", ("title", "author"))
    view = public_view(sheet)
    assert view.author == str(owner)
    assert isinstance(view.author, str)


def test_published_lists_published_sheets_only(sheet, owner):
    withdrawn = ExperienceSheet.objects.create(title="Retirée")
    withdrawn.publish(owner)
    withdrawn.withdraw(owner, "Obsolète")
    draft = ExperienceSheet.objects.create(title="Brouillon")
    assert list(ExperienceSheet.objects.published()) == []
    sheet.publish(owner)
    assert list(ExperienceSheet.objects.published()) == [sheet]
    assert draft.publication_status == PublicationStatus.DRAFT


def test_each_transition_is_written_in_the_history(sheet, owner):
    sheet.publish(owner)
    sheet.refresh_from_db()
    assert sheet.is_published and sheet.published_at is not None and sheet.withdrawn_at is None
    sheet.withdraw(owner, "  Erreur de chiffres  ")
    sheet.refresh_from_db()
    assert sheet.publication_status == PublicationStatus.WITHDRAWN
    assert sheet.withdrawn_at is not None
    assert sheet.withdrawal_reason == "Erreur de chiffres"
    sheet.redraft(owner)
    sheet.refresh_from_db()
    assert sheet.publication_status == PublicationStatus.DRAFT
    entries = list(HistoryEntry.objects.of(sheet).order_by("pk"))
    assert [entry.verb for entry in entries] == ["published", "withdrawn", "redrafted"]
    assert all(entry.actor == owner for entry in entries)
    assert entries[1].summary == "Retrait de la publication : Erreur de chiffres"
    assert entries[1].changes == {"Publication": {"avant": "publié", "après": "retiré"}}


def test_a_withdrawn_sheet_may_be_published_again(sheet, owner):
    sheet.publish(owner)
    sheet.withdraw(owner, "Relecture")
    sheet.publish(owner)
    sheet.refresh_from_db()
    assert sheet.is_published and sheet.withdrawn_at is None and sheet.withdrawal_reason == ""


def test_illegal_transitions_raise_a_french_error_and_change_nothing(sheet, owner):
    with pytest.raises(PublicationError, match="« brouillon » à l'état « retiré »"):
        sheet.withdraw(owner, "Motif")
    with pytest.raises(PublicationError, match="« brouillon » à l'état « brouillon »"):
        sheet.redraft(owner)
    sheet.publish(owner)
    with pytest.raises(PublicationError, match="« publié » à l'état « publié »"):
        sheet.publish(owner)
    with pytest.raises(PublicationError, match="« publié » à l'état « brouillon »"):
        sheet.redraft(owner)
    with pytest.raises(PublicationError, match="Indiquez le motif du retrait"):
        sheet.withdraw(owner, "   ")
    sheet.refresh_from_db()
    assert sheet.publication_status == PublicationStatus.PUBLISHED
    assert HistoryEntry.objects.of(sheet).count() == 1
