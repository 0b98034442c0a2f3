"""What a programme holds about a person, by their e-mail address: as someone met during a
listening visit (their name, function, the notes and quotes of their interviews), as a
territory's referent or workshop participant, as a member of the accompaniment group. Shown,
exported and erased on request: a person met is pseudonymised everywhere (their name taken out
of every note, quote, debrief and agenda), their quotes deleted and the notes of their
interviews emptied; a contact is deleted; a group member keeps their place in the visits they
made, without name nor address; an expense claim, an accounting record, keeps its amount and
its event, without the name of who made it nor its detail."""

import datetime

from django.db import transaction
from django.db.models import Q

from essaim.core.models import record_history
from essaim.core.personal_data import Holder, register
from essaim.lib import french
from essaim.programmes.models import (
    ExpenseClaim,
    GroupMember,
    Interview,
    Interviewee,
    Quote,
    TerritoryContact,
)
from essaim.programmes.services.interviews import pseudonymise, reindex_interviews
from essaim.programmes.services.names import replace_name

ERASED_NAME = "Personne effacée"
ERASED_NOTES = "Notes effacées à la demande de la personne rencontrée."


def find(email: str) -> list:
    met = list(
        Interviewee.objects.filter(email__iexact=email)
        .select_related("programme", "territory")
        .order_by("pk")
    )
    contacts = list(
        TerritoryContact.objects.filter(email__iexact=email)
        .select_related("territory__programme")
        .order_by("pk")
    )
    members = list(
        GroupMember.objects.filter(email__iexact=email).select_related("programme").order_by("pk")
    )
    claims = list(
        ExpenseClaim.objects.filter(
            Q(contact__email__iexact=email) | Q(expert__email__iexact=email)
        )
        .select_related("programme")
        .order_by("spent_on", "pk")
    )
    return [*met, *contacts, *members, *claims]


def export(record) -> dict:
    if isinstance(record, Interviewee):
        return {
            "nature": "personne rencontrée lors d'une écoute territoriale",
            "programme": record.programme.title,
            "territoire": record.territory.name,
            "nom": record.name,
            "pseudonyme": record.pseudonym if record.pseudonymised else None,
            "qualite": record.get_role_display(),
            "fonction": record.function,
            "entretiens": [
                {
                    "notes": interview.notes,
                    "consentement": interview.consent_given,
                    "citations": [quote.text for quote in interview.quotes.all()],
                }
                for interview in record.interviews.prefetch_related("quotes")
            ],
        }
    if isinstance(record, TerritoryContact):
        return {
            "nature": f"{record.get_kind_display()} d'un territoire",
            "programme": record.territory.programme.title,
            "territoire": record.territory.name,
            "nom": record.name,
            "qualite": record.get_role_display(),
            "fonction": record.function,
            "telephone": record.phone,
        }
    if isinstance(record, ExpenseClaim):
        return {
            "nature": "note de frais",
            "programme": record.programme.title,
            "nom": record.claimant_name,
            "evenement": record.get_event_kind_display(),
            "categorie": record.get_category_display(),
            "date": record.spent_on.isoformat(),
            "montant": str(record.amount),
            "detail": record.description,
            "etat": record.get_status_display(),
        }
    return {
        "nature": "membre du groupe d'accompagnement",
        "programme": record.programme.title,
        "nom": record.name,
        "role": record.role,
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    records = find(email)
    met = [record for record in records if isinstance(record, Interviewee)]
    contacts = [record for record in records if isinstance(record, TerritoryContact)]
    members = [record for record in records if isinstance(record, GroupMember)]
    claims = [record for record in records if isinstance(record, ExpenseClaim)]
    done = []
    with transaction.atomic():
        # Their name, out of every text, history and e-mail of the programmes that hold it.
        names = {
            (programme_of(record), name)
            for record in [*contacts, *members, *claims]
            for name in [getattr(record, "name", "") or getattr(record, "claimant_name", "")]
        }
        for programme, name in names:
            replace_name(programme, name, ERASED_NAME)
        # Before the contacts go: the claims are found through them.
        if claims:
            ExpenseClaim.objects.filter(pk__in=[claim.pk for claim in claims]).update(
                claimant_name=ERASED_NAME, description=""
            )
            done.append(
                french.counted(
                    len(claims),
                    "note de frais gardée sans nom",
                    "notes de frais gardées sans nom",
                )
            )
        for number, person in enumerate(met, start=1):
            pseudonymise(interviewee=person, pseudonym=f"{ERASED_NAME} {number}", actor=None)
            interviews = Interview.objects.filter(interviewee=person)
            Quote.objects.filter(interview__in=interviews).delete()
            interviews.update(notes=ERASED_NOTES)
            reindex_interviews(interviews.values_list("pk", flat=True))
            Interviewee.objects.filter(pk=person.pk).update(
                name=f"{ERASED_NAME} {number}", email="", function=""
            )
        if met:
            done.append(
                french.counted(
                    len(met), "personne rencontrée effacée", "personnes rencontrées effacées"
                )
            )
        if contacts:
            TerritoryContact.objects.filter(pk__in=[c.pk for c in contacts]).delete()
            done.append(
                french.counted(
                    len(contacts),
                    "contact de territoire supprimé",
                    "contacts de territoire supprimés",
                )
            )
        if members:
            GroupMember.objects.filter(pk__in=[m.pk for m in members]).update(
                name="Membre effacé", email="", role=""
            )
            done.append(
                french.counted(
                    len(members),
                    "membre du groupe d'accompagnement effacé",
                    "membres du groupe d'accompagnement effacés",
                )
            )
    return done


def programme_of(record):
    if isinstance(record, TerritoryContact):
        return record.territory.programme
    return record.programme


def note(records: list, verb: str, summary: str) -> None:
    """In the history of each programme, once."""
    programmes = {programme_of(record).pk: programme_of(record) for record in records}
    for programme in programmes.values():
        record_history(programme, actor=None, verb=verb, summary=summary)


register(
    Holder(
        key="programmes",
        label="Programmes multi-territoires",
        models=(Interviewee, TerritoryContact, GroupMember),
        find=find,
        export=export,
        erase=erase,
        note=note,
        erasure_note=(
            "Effacement, à sa demande, des données personnelles d'une personne : son nom, ses "
            "propos, ses coordonnées et le nom porté sur ses notes de frais."
        ),
        template="programmes/personal_data.html",
        erase_template="programmes/personal_data_erase.html",
        counts_as=("donnée d'un programme", "données des programmes"),
        order=70,
    )
)
