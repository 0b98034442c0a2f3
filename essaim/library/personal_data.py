"""What the library holds about a person, by their e-mail address: as the contact of an
experience sheet (their name, function, structure, address and telephone, and whether they
agreed to be published), and as the person who uploaded an import of sheets. Shown, exported
and erased on request: a contact is deleted — a contact is only a way to reach someone, and the
sheet's public page must not show them a moment longer —; an import forgets who uploaded it,
its file is deleted (one not yet run is refused) and it keeps what it did. The sheet's history
notes the request, without the address."""

import datetime

from essaim.core.models import record_history
from essaim.core.personal_data import Holder, iso, register
from essaim.lib import french
from essaim.library.models import ImportStatus, SheetContact, SheetImport
from essaim.library.services.imports import forget_file

ERASED_FILE = "Le fichier a été supprimé à la demande de la personne qui l'a déposé."


def find(email: str) -> list:
    contacts = list(
        SheetContact.objects.filter(email__iexact=email)
        .select_related("sheet")
        .order_by("sheet__title", "pk")
    )
    imports = list(SheetImport.objects.filter(created_by__email__iexact=email).order_by("pk"))
    return [*contacts, *imports]


def export(record) -> dict:
    if isinstance(record, SheetContact):
        return {
            "nature": "contact d'une fiche expérience",
            "fiche": record.sheet.title,
            "nom": record.name,
            "fonction": record.role,
            "structure": record.organisation,
            "adresse": record.email,
            "telephone": record.phone,
            "publie": record.consented,
            "accord_le": iso(record.consented_on),
        }
    return {
        "nature": "import de fiches expérience déposé",
        "fichier": record.original_name,
        "etat": record.get_status_display(),
        "depose_le": iso(record.created_at),
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    done = []
    contacts = SheetContact.objects.filter(email__iexact=email)
    if count := len(contacts.values_list("pk", flat=True)):
        contacts.delete()
        done.append(
            french.counted(
                count, "contact d'une fiche expérience supprimé", "contacts de fiches supprimés"
            )
        )
    imports = SheetImport.objects.filter(created_by__email__iexact=email)
    # Their files may hold personal data: deleted; an import not yet run cannot run any more.
    for sheet_import in imports.exclude(file=""):
        forget_file(sheet_import)
    imports.filter(status__in=(ImportStatus.UPLOADED, ImportStatus.QUEUED)).update(
        status=ImportStatus.FAILED,
        finished_at=now,
        errors=[{"line": None, "message": ERASED_FILE}],
    )
    if count := imports.update(created_by=None):
        done.append(
            french.counted(
                count, "import de fiches sans son déposant", "imports de fiches sans leur déposant"
            )
        )
    return done


def note(records: list, verb: str, summary: str) -> None:
    """In the history of each sheet whose contact the person is, once."""
    sheets = {
        record.sheet.pk: record.sheet for record in records if isinstance(record, SheetContact)
    }
    for sheet in sheets.values():
        record_history(sheet, actor=None, verb=verb, summary=summary)


register(
    Holder(
        key="bibliotheque",
        label="Contacts des fiches de la bibliothèque des expériences",
        models=(SheetContact, SheetImport),
        find=find,
        export=export,
        erase=erase,
        note=note,
        erasure_note=(
            "Effacement, à sa demande, des données personnelles d'un contact de la fiche : "
            "le contact est supprimé."
        ),
        template="library/personal_data.html",
        erase_template="library/personal_data_erase.html",
        counts_as=(
            "contact ou import de la bibliothèque",
            "contacts ou imports de la bibliothèque",
        ),
        order=65,
    )
)
