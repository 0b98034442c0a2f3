"""The public page of a sheet shows every public field as a reader wants it, and nothing else:
each private field carries a sentinel that must never reach the page, whatever the state."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from essaim.attachments.models import Attachment
from essaim.library.models import ExperienceSheet, Public, SheetContact, SheetImport
from essaim.library.models.sheets import Licence, Setting
from tests.conftest import client_for, make_user
from tests.experiments.factories import ExperimentFactory
from tests.library.conftest import make_sheet

PUBLIC_TEXTS = {
    "summary": "RESUME-PUBLIC-71",
    "context": "CONTEXTE-PUBLIC-72",
    "tried": "TENTE-PUBLIC-73",
    "results": "RESULTATS-PUBLIC-74",
    "learned": "APPRIS-PUBLIC-75",
    "conditions": "CONDITIONS-PUBLIC-76",
}


@pytest.fixture
def sheet(referential) -> ExperienceSheet:
    author = make_user("auteur-secret@example.org", "Auteur SENTINELLE-CREATEUR")
    uploaded = SheetImport.objects.create(original_name="IMPORT-SENTINELLE.csv")
    sheet = make_sheet(
        "Covoiturage solidaire du plateau",
        themes=("mobilite",),
        owner=author,
        setting=Setting.RURAL,
        stage="perennisation",
        strategy="reseau_souple",
        year_start=2019,
        year_end=2023,
        licence=Licence.CC_BY,
        illustrative=True,
        internal_notes="NOTES-INTERNES-SENTINELLE",
        review_note="REMARQUES-RELECTURE-SENTINELLE",
        created_by=author,
        experiment=ExperimentFactory(title="EXPERIMENTATION-PRIVEE-SENTINELLE"),
        imported_by=uploaded,
        **PUBLIC_TEXTS,
    )
    # Asked again after publication: a date that appears nowhere else.
    ExperienceSheet.objects.filter(pk=sheet.pk).update(
        review_requested_at=timezone.make_aware(datetime.datetime(2031, 7, 19, 13, 57))
    )
    sheet.publics.set([Public.objects.create(slug="aines", label="Personnes âgées")])
    SheetContact.objects.create(
        sheet=sheet,
        name="Contact Publie",
        role="Chargée de mobilité",
        organisation="Communauté de communes",
        email="publie@example.org",
        phone="04 75 00 00 01",
        consented=True,
        consented_on=datetime.date(2024, 5, 2),
    )
    SheetContact.objects.create(
        sheet=sheet,
        name="NOM-SANS-ACCORD",
        email="sans-accord-sentinelle@example.org",
        phone="09 99 99 99 99",
        role="FONCTION-SANS-ACCORD",
    )
    Attachment.objects.create(
        target=sheet,
        title="Bilan du covoiturage",
        file=ContentFile(b"%PDF-1.4 bilan", name="bilan.pdf"),
        original_name="bilan.pdf",
        size=14,
        mime_type="application/pdf",
    )
    return sheet


def public_page(sheet: ExperienceSheet, client=None):
    return (client or client_for(None)).get(sheet.get_public_url())


PRIVATE_SENTINELS = [
    "NOTES-INTERNES-SENTINELLE",  # internal_notes
    "REMARQUES-RELECTURE-SENTINELLE",  # review_note
    "SENTINELLE-CREATEUR",  # created_by, by their name
    "auteur-secret@example.org",  # created_by, by their address
    "19 juillet 2031",  # review_requested_at
    "2031-07-19",
    "EXPERIMENTATION-PRIVEE-SENTINELLE",  # experiment
    "IMPORT-SENTINELLE",  # imported_by
    "NOM-SANS-ACCORD",  # a contact without consent: name, role, address, telephone
    "FONCTION-SANS-ACCORD",
    "sans-accord-sentinelle@example.org",
    "09 99 99 99 99",
]


@pytest.mark.parametrize("sentinel", PRIVATE_SENTINELS)
def test_it_never_shows_a_private_field(sheet, sentinel, library_editor):
    # Not to anyone: neither an anonymous reader nor the library's editors.
    assert sentinel not in public_page(sheet).text
    assert sentinel not in public_page(sheet, client_for(library_editor)).text


def test_it_shows_every_public_field(sheet):
    response = public_page(sheet)
    page = response.text
    assert response.status_code == 200
    for text in PUBLIC_TEXTS.values():
        assert text in page
    assert "<h1>Covoiturage solidaire du plateau</h1>" in page
    assert "Exemple illustratif" in page
    assert "Privas" in page and "Ardèche" in page and "Auvergne-Rhône-Alpes" in page
    assert "2019–2023" in page
    assert "rural" in page
    assert "Pérennisation" in page
    assert "Duplication en réseau souple" in page
    assert '<li class="chip">Mobilité</li>' in page
    assert '<li class="chip">Personnes âgées</li>' in page
    assert "Contact Publie" in page and "publie@example.org" in page and "04 75 00 00 01" in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license"' in page
    assert "CC-BY 4.0" in page


def test_its_documents_are_public_while_the_sheet_is_published(sheet, library_editor):
    document = Attachment.objects.get()
    url = reverse("library:public_document", args=[sheet.pk, document.pk])
    assert url in public_page(sheet).text
    response = client_for(None).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bilan"

    sheet.withdraw(library_editor, "Chiffres à vérifier")

    assert client_for(None).get(url).status_code == 404


def test_a_document_of_another_sheet_is_not_served_through_this_one(sheet, referential):
    other = make_sheet("Autre fiche")
    document = Attachment.objects.get()
    url = reverse("library:public_document", args=[other.pk, document.pk])
    assert client_for(None).get(url).status_code == 404


def test_a_wrong_slug_redirects_to_the_right_address(sheet):
    response = client_for(None).get(reverse("library:public_sheet", args=[sheet.pk, "ancien"]))
    assert response.status_code == 301
    assert response["Location"] == sheet.get_public_url()


def test_a_draft_a_withdrawn_or_an_unknown_sheet_is_not_found(sheet, referential, library_editor):
    draft = make_sheet("Brouillon", published=False)
    assert public_page(draft).status_code == 404
    sheet.withdraw(library_editor, "Le territoire le demande")
    assert public_page(sheet).status_code == 404
    unknown = reverse("library:public_sheet", args=[sheet.pk + 1000, "fiche"])
    assert client_for(None).get(unknown).status_code == 404


def test_it_includes_the_similar_and_nearby_sheets(sheet, referential):
    make_sheet("Autopartage à Privas", insee_code="07186")
    assert "Autopartage à Privas" in public_page(sheet).text


def test_the_team_previews_a_draft_built_the_same_way(referential, owner, outsider):
    draft = make_sheet(
        "Brouillon en aperçu", published=False, owner=owner, internal_notes="NOTE-APERCU"
    )
    url = reverse("library:sheet_preview", args=[draft.pk])
    page = client_for(owner).get(url).text
    assert "Aperçu" in page and "Brouillon en aperçu" in page
    assert "NOTE-APERCU" not in page
    assert client_for(outsider).get(url).status_code == 404
