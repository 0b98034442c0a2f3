"""A programme run by the personas, with territories at each step of the selection, a visit
with its agenda and a confidential interview."""

import datetime

import pytest
from django.utils import timezone

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.programmes.models import (
    ContactKind,
    ContactRole,
    GroupMember,
    Interview,
    Interviewee,
    Programme,
    ProgrammeTerritory,
    Quote,
    SlotKind,
    Stage,
    TerritoryContact,
    TerritoryStatus,
    Theme,
    Visit,
    VisitSlot,
)
from essaim.roles.models import Role
from tests.conftest import make_user

START = datetime.date(2014, 11, 1)


@pytest.fixture
def programme(owner, editor, contributor, reader) -> Programme:
    programme = Programme.objects.create(
        title="S'organiser pour innover : quand les territoires conduisent le changement",
        slug="s-organiser-pour-innover",
        start_date=START,
        end_date=datetime.date(2016, 2, 29),
    )
    programme.grant(owner, Role.OWNER)
    programme.grant(editor, Role.EDITOR)
    programme.grant(contributor, Role.CONTRIBUTOR)
    programme.grant(reader, Role.READER)
    Stage.objects.create(
        programme=programme,
        position=2,
        title="Écoute territoriale",
        start_date=datetime.date(2015, 2, 1),
        end_date=datetime.date(2015, 3, 31),
    )
    return programme


def add_territory(programme, name: str, status=TerritoryStatus.CONTACTED, **fields):
    return ProgrammeTerritory.objects.create(
        programme=programme, name=name, status=status, status_since=START, **fields
    )


def attach_letter(territory, user=None) -> Attachment:
    from django.core.files.base import ContentFile

    return Attachment.objects.create(
        target=territory,
        kind=AttachmentKind.ENGAGEMENT_LETTER,
        title="Lettre du président",
        file=ContentFile(b"%PDF-1.4 lettre", name="lettre.pdf"),
        original_name="lettre.pdf",
        size=15,
        mime_type="application/pdf",
        uploaded_by=user,
    )


def add_contacts(territory, participants: int = 3) -> None:
    TerritoryContact.objects.create(
        territory=territory,
        kind=ContactKind.REFERENT,
        name="Nadia Ferrand",
        role=ContactRole.OFFICER,
        email="referente@trois-vallees.example.org",
    )
    roles = [ContactRole.ELECTED, ContactRole.OFFICER, ContactRole.CIVIL_SOCIETY]
    for number in range(participants):
        TerritoryContact.objects.create(
            territory=territory,
            kind=ContactKind.PARTICIPANT,
            name=f"Participant {number + 1}",
            role=roles[number % 3],
        )


@pytest.fixture
def confirmed(programme) -> ProgrammeTerritory:
    """A territory that has given everything the organisers expect."""
    territory = add_territory(
        programme,
        "Pays des Trois Vallées",
        TerritoryStatus.CONFIRMED,
        commitment_on=datetime.date(2015, 1, 10),
    )
    attach_letter(territory)
    add_contacts(territory)
    return territory


@pytest.fixture
def experts(programme) -> list[GroupMember]:
    return [
        GroupMember.objects.create(
            programme=programme,
            name="Martine Olivier",
            is_expert=True,
            email="martine.olivier@example.org",
        ),
        GroupMember.objects.create(
            programme=programme, name="Rémi Garnier", is_expert=True, email="remi@example.org"
        ),
    ]


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


VISIT_DAY = datetime.date(2015, 3, 12)


@pytest.fixture
def visit(confirmed, experts) -> Visit:
    visit = Visit.objects.create(
        territory=confirmed,
        start_date=VISIT_DAY,
        end_date=VISIT_DAY + datetime.timedelta(days=1),
        place="Maison des services, Saint-Aubin",
        debrief_at=at(VISIT_DAY, 18),
        debrief_notes="Une ingénierie dispersée entre trois structures.",
    )
    visit.experts.set(experts)
    VisitSlot.objects.create(
        visit=visit,
        starts_at=at(VISIT_DAY, 9),
        ends_at=at(VISIT_DAY, 10),
        kind=SlotKind.INTERVIEW,
        title="Entretien avec le président",
        who="Jean-Marc Bellanger, président",
        role="elu",
    )
    return visit


@pytest.fixture
def themes(programme) -> dict[str, Theme]:
    return {
        name: Theme.objects.create(programme=programme, name=name)
        for name in ("Ingénierie territoriale", "Coopération", "Participation des habitants")
    }


@pytest.fixture
def interview(visit, themes, contributor) -> Interview:
    """A note about the president, who is named in it and in a quote of his colleague's."""
    programme = visit.territory.programme
    person = Interviewee.objects.create(
        programme=programme,
        territory=visit.territory,
        name="Jean-Marc Bellanger",
        role=ContactRole.ELECTED,
        function="président",
        email="jm.bellanger@example.org",
    )
    interview = Interview.objects.create(
        programme=programme,
        visit=visit,
        slot=visit.slots.first(),
        interviewee=person,
        consent_given=True,
        notes="Jean-Marc Bellanger porte la fusion ; jean-marc  bellanger craint la perte "
        "de proximité.",
        written_by=contributor,
    )
    interview.themes.set([themes["Ingénierie territoriale"]])
    quote = Quote.objects.create(
        interview=interview, text="Sans techniciens partagés, nous ne tiendrons pas."
    )
    quote.themes.set([themes["Ingénierie territoriale"]])
    return interview


@pytest.fixture
def referent_user(confirmed):
    """The territory's referent, given a role on the territory alone."""
    user = make_user("referente@trois-vallees.example.org", "Nadia Ferrand")
    confirmed.grant(user, Role.CONTRIBUTOR)
    return user
