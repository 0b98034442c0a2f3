"""A session like the seed's four webconferences (30 June and 8 July 2020, 10h-12h and
14h-16h), organised by Cap Rural, with its speakers and confirmed registrants."""

import datetime
from dataclasses import dataclass

import pytest

from essaim.organisations.models import Organisation, OrganisationKind
from essaim.registrations.models import Registration, Status
from essaim.roles.models import Role
from essaim.trainings.models import Slot, SpeakerRole, TrainingSession
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import SlotFactory, SpeakerFactory, TrainingSessionFactory

FIRST_DAY = datetime.date(2020, 6, 30)
SECOND_DAY = datetime.date(2020, 7, 8)


@dataclass
class Webconferences:
    session: TrainingSession
    slots: list[Slot]  # 30/06 10h-12h, 30/06 14h-16h, 08/07 10h-12h, 08/07 14h-16h
    registrations: dict[str, Registration]  # by first name


REGISTRANTS = [
    ("Élodie", "Fauré", "elodie.faure@example.org", "ARCHE Agglo"),
    ("Jean-Michel", "Bostetter", "jm.bostetter@example.org", "Centrales villageoises"),
    ("Marie", "Dupont", "marie.dupont@example.org", "Communauté de communes du Diois"),
    ("Sophie", "Roy", "sophie.roy@example.org", "PNR de Chartreuse"),
    ("Claire", "Galland", "claire.galland@example.org", "ECORAVIE"),
]


@pytest.fixture
def webconferences(owner, editor, contributor, reader) -> Webconferences:
    organiser = Organisation.objects.create(name="Cap Rural", kind=OrganisationKind.RESOURCE_CENTRE)
    session = TrainingSessionFactory(
        title="L'innovation sociale et territoriale : expérimenter pour inventer de nouvelles "
        "solutions",
        start_date=FIRST_DAY,
        end_date=SECOND_DAY,
        organiser=organiser,
        objectives="Mieux cerner les concepts et démarches d'expérimentation\n"
        "Identifier les éléments qui les caractérisent",
        contact_name="Mylène Thou",
        contact_email="valorisations.innovations@example.org",
        with_slot=False,
    )
    slots = [
        SlotFactory(
            session=session,
            date=day,
            start_time=datetime.time(start),
            end_time=datetime.time(start + 2),
            title=title,
        )
        for day, start, title in [
            (FIRST_DAY, 10, "L'expérimentation : premiers éléments de repère"),
            (FIRST_DAY, 14, "Cadrage préalable, définition de la démarche, pilotage"),
            (SECOND_DAY, 10, "Apprentissage et évaluation"),
            (SECOND_DAY, 14, "Prise de risque, droit à l'erreur, changement d'échelle"),
        ]
    ]
    SpeakerFactory(
        session=session,
        name="Pascale Vincent",
        function="chargée de mission, de recherche et de formation",
        organisation_name="Ciedel",
        role=SpeakerRole.TRAINER,
        position=1,
    )
    SpeakerFactory(
        session=session,
        name="Mylène Thou",
        function="chargée de mission Valorisations des recherches et Innovations",
        organisation_name="Cap Rural",
        role=SpeakerRole.FACILITATOR,
        position=2,
    )
    SpeakerFactory(
        session=session,
        name="Daniel Helle",
        function="Pôle Protection des Ressources",
        organisation_name="Eau du Bassin Rennais Collectivité",
        role=SpeakerRole.WITNESS,
        position=3,
    )
    registrations = {
        first: RegistrationFactory(
            session=session,
            first_name=first,
            last_name=last,
            email=email,
            organisation_name=organisation,
        )
        for first, last, email, organisation in REGISTRANTS
    }
    # Someone whose registration was cancelled is never on a sheet nor in the grid.
    RegistrationFactory(
        session=session, first_name="Annulé", last_name="Zorro", status=Status.CANCELLED
    )
    session.grant(owner, Role.OWNER)
    session.grant(editor, Role.EDITOR)
    session.grant(contributor, Role.CONTRIBUTOR)
    session.grant(reader, Role.READER)
    return Webconferences(session, slots, registrations)
