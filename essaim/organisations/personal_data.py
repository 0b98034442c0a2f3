"""Directory contacts held about an address: shown, exported, and deleted on request.

A contact is nothing but a way to reach someone: emptied of its name and address it would be a
blank line in the organisation's list, so erasing deletes it. What points to it keeps its own
words: a speaker keeps the name and function published with the session, a member of a
governance body the name written in the minutes (both links are ``SET_NULL``); the roles given
on the contact go with it. The organisation's history notes the request, without the
address."""

import datetime

from django.contrib.contenttypes.models import ContentType

from essaim.core.models import HistoryEntry, record_history
from essaim.core.personal_data import Holder, iso, register
from essaim.organisations.models import Person


def find(email: str) -> list[Person]:
    return list(
        Person.objects.filter(email__iexact=email)
        .select_related("organisation")
        .order_by("last_name", "first_name", "pk")
    )


def export(person: Person) -> dict:
    return {
        "prenom": person.first_name,
        "nom": person.last_name,
        "fonction": person.function,
        "organisation": person.organisation.name if person.organisation else "",
        "adresse_e_mail": person.email,
        "telephone": person.phone,
        "accepte_d_etre_contacte": person.consents_to_contact,
        "consentement_donne_le": iso(person.consent_date),
        "cree_le": person.created_at.isoformat(),
        "modifie_le": person.updated_at.isoformat(),
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    people = find(email)
    if not people:
        return []
    HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person),
        object_id__in=[person.pk for person in people],
    ).delete()
    for person in people:
        person.delete()
    if len(people) == 1:
        return ["1 contact de l'annuaire supprimé"]
    return [f"{len(people)} contacts de l'annuaire supprimés"]


def note(people: list[Person], verb: str, summary: str) -> None:
    """In the history of the contacts' organisations, each once."""
    for organisation in {p.organisation_id: p.organisation for p in people}.values():
        if organisation is not None:
            record_history(organisation, actor=None, verb=verb, summary=summary)


register(
    Holder(
        key="contacts",
        label="Contacts de l'annuaire",
        models=(Person,),
        find=find,
        export=export,
        erase=erase,
        note=note,
        erasure_note=(
            "Effacement, à sa demande, des données personnelles d'un contact de l'annuaire : "
            "contact supprimé."
        ),
        template="organisations/personal_data.html",
        erase_template="organisations/personal_data_erase.html",
        counts_as=("contact de l'annuaire", "contacts de l'annuaire"),
        order=40,
    )
)
