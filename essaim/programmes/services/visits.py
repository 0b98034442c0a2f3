"""A listening visit's agenda as a calendar file, and sent by e-mail to the pair of experts and
the territory's referent."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify

from essaim.lib import french
from essaim.lib.ics import CalendarEvent, Invitee, write_calendar
from essaim.mail.tasks import about, attachment, send_email
from essaim.programmes.models import ContactKind, Visit, VisitSlot

PRODUCT_ID = "-//Essaim//Écoutes territoriales//FR"
ICS_MIMETYPE = "text/calendar"


def slot_uid(slot: VisitSlot) -> str:
    """The same for every download of one slot, so that calendars update it in place."""
    return f"visit-slot-{slot.pk}@essaim"


def visit_calendar(visit: Visit, slots: list[VisitSlot], *, url: str = "") -> bytes:
    """Every slot of the visit's agenda as one event of a calendar named after the territory."""
    territory = visit.territory
    events = [
        CalendarEvent(
            uid=slot_uid(slot),
            start=slot.starts_at,
            end=slot.ends_at,
            summary=f"{slot.title} — écoute territoriale, {territory.name}",
            description="\n".join(
                line
                for line in (
                    slot.get_kind_display().capitalize(),
                    f"Avec : {slot.who}" if slot.who else "",
                    f"Dans Essaim : {url}" if url else "",
                )
                if line
            ),
            location=slot.place or visit.place,
            url=url,
        )
        for slot in slots
    ]
    return write_calendar(
        events,
        product_id=PRODUCT_ID,
        name=f"Écoute territoriale — {territory.name}",
        method="PUBLISH",
    )


def visit_filename(visit: Visit) -> str:
    return f"ecoute-{slugify(visit.territory.name)[:50]}-{visit.start_date:%Y-%m-%d}.ics"


def agenda_recipients(visit: Visit) -> list[Invitee]:
    """The pair of experts and the referent, those with an e-mail address."""
    people = [Invitee(name=expert.name, email=expert.email) for expert in visit.experts.all()]
    referent = visit.territory.contacts.filter(kind=ContactKind.REFERENT).first()
    if referent is not None:
        people.append(Invitee(name=referent.name, email=referent.email))
    return [person for person in people if person.email]


def send_agenda(visit: Visit, *, by) -> list[Invitee]:
    """E-mail the agenda (with its calendar file) to the experts and the referent, once the
    transaction commits; returns whom it goes to."""
    slots = list(visit.slots.all())
    recipients = agenda_recipients(visit)
    if not recipients:
        return []
    url = settings.SITE_URL + visit.get_absolute_url()
    body = render_to_string(
        "programmes/emails/visit_agenda.txt",
        {"visit": visit, "slots": slots, "url": url, "sender": by},
    )
    content = visit_calendar(visit, slots, url=url)
    message = {
        "subject": f"Essaim : écoute territoriale — {visit.territory.name}",
        "body": body,
        "to": [person.email for person in recipients],
        "reply_to": [by.email] if by.email else None,
        "attachments": [attachment(visit_filename(visit), content, ICS_MIMETYPE)],
        "about": about(visit),
    }
    with transaction.atomic():
        visit.territory.programme.log_action(
            by,
            "visit",
            f"Agenda de l'écoute territoriale envoyé : {visit.territory.name} "
            f"({french.counted(len(recipients), 'destinataire')})",
        )
        transaction.on_commit(lambda: send_email.enqueue(**message))
    return recipients
