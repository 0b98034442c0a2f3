"""The library declares what it keeps about an address: the contacts of sheets and the imports
a person uploaded. The registry shows, exports and erases them."""

import datetime

import pytest
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.core.personal_data import find_personal_data
from essaim.library.models import SheetContact, SheetImport
from essaim.privacy.services import erase_personal_data
from tests.conftest import client_for, make_user
from tests.library.conftest import make_sheet

ADDRESS = "Lea.Martin@example.org"


@pytest.fixture
def held(referential):
    sheet = make_sheet("Une recyclerie", themes=("mobilite",))
    contact = SheetContact.objects.create(
        sheet=sheet,
        name="Léa Martin",
        role="Animatrice",
        email=ADDRESS,
        phone="04 75 00 00 02",
        consented=True,
        consented_on=datetime.date(2024, 5, 2),
    )
    uploader = make_user("lea.martin@example.org", "Léa Martin")
    upload = SheetImport.objects.create(original_name="fiches.csv", created_by=uploader)
    other = SheetContact.objects.create(sheet=sheet, name="Paul Roux", email="paul@example.org")
    return sheet, contact, upload, other


def test_it_finds_and_exports_the_contact_and_the_import(held):
    _, contact, upload, _ = held
    data = find_personal_data("lea.martin@example.org", today=timezone.localdate(), details=True)
    holding = data.get("bibliotheque")
    assert holding.records == [contact, upload]
    exported = [holding.holder.export(record) for record in holding.records]
    assert exported[0]["fiche"] == "Une recyclerie"
    assert exported[0]["nom"] == "Léa Martin" and exported[0]["telephone"] == "04 75 00 00 02"
    assert exported[0]["publie"] is True and exported[0]["accord_le"] == "2024-05-02"
    assert exported[1]["fichier"] == "fiches.csv"


def test_erasing_deletes_the_contact_from_the_public_page_and_forgets_the_uploader(held):
    sheet, contact, upload, other = held
    assert "Léa Martin" in client_for(None).get(sheet.get_public_url()).text

    erasure = erase_personal_data(email="lea.martin@example.org")

    assert not SheetContact.objects.filter(pk=contact.pk).exists()
    assert SheetContact.objects.filter(pk=other.pk).exists()
    upload.refresh_from_db()
    assert upload.created_by is None
    assert "1 contact d'une fiche expérience supprimé" in erasure.done
    assert "1 import de fiches sans son déposant" in erasure.done
    assert "Léa Martin" not in client_for(None).get(sheet.get_public_url()).text
    entry = HistoryEntry.objects.of(sheet).first()
    assert "contact de la fiche" in entry.summary
    assert "lea.martin" not in entry.summary.lower()


def test_erasing_deletes_the_files_of_the_person_s_imports(held):
    from django.core.files.base import ContentFile

    from essaim.library.models import ImportStatus

    _, _, upload, _ = held
    upload.file.save("import.csv", ContentFile(b"Titre;Commune\r\nLea Martin;07186\r\n"))
    storage, name = upload.file.storage, upload.file.name
    assert storage.exists(name)

    erase_personal_data(email="lea.martin@example.org")

    upload.refresh_from_db()
    assert not storage.exists(name)
    assert upload.file.name == ""
    assert upload.status == ImportStatus.FAILED  # it cannot be run without its file
    assert "supprimé à la demande" in upload.errors[0]["message"]
