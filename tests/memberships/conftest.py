"""A resource centre's two membership types, managed by the personas."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from essaim.memberships.models import MemberKind, Status
from essaim.organisations.models import OrganisationKind
from essaim.roles.models import Role
from tests.memberships.factories import (
    FeeBracketFactory,
    MembershipFactory,
    MembershipTypeFactory,
)
from tests.organisations.factories import OrganisationFactory

THIS_YEAR = timezone.localdate().year


@pytest.fixture
def cap_rural(db):
    return OrganisationFactory(name="Cap Rural", kind=OrganisationKind.RESOURCE_CENTRE)


def shared_with_personas(membership_type, owner, editor, contributor, reader):
    membership_type.grant(owner, Role.OWNER)
    membership_type.grant(editor, Role.EDITOR)
    membership_type.grant(contributor, Role.CONTRIBUTOR)
    membership_type.grant(reader, Role.READER)
    return membership_type


@pytest.fixture
def individual_type(cap_rural, owner, editor, contributor, reader):
    """30 € a year for a person."""
    membership_type = MembershipTypeFactory(
        name="Adhésion individuelle",
        member_kind=MemberKind.PERSON,
        fee=Decimal("30.00"),
        organiser=cap_rural,
        payment_instructions="Par virement (IBAN FR76 0000 0000 0000) ou par chèque à l'ordre "
        "de Cap Rural.",
        send_to="Cap Rural\n2 rue de la Gare\n26400 Crest",
        contact_email="adhesions@example.org",
    )
    return shared_with_personas(membership_type, owner, editor, contributor, reader)


@pytest.fixture
def collectivity_type(cap_rural, owner, editor, contributor, reader):
    """By bracket of population, for organisations."""
    membership_type = MembershipTypeFactory(
        name="Adhésion des collectivités",
        member_kind=MemberKind.ORGANISATION,
        fee=None,
        organiser=cap_rural,
        payment_instructions="Par mandat administratif à l'ordre de Cap Rural.",
        send_to="Cap Rural\n2 rue de la Gare\n26400 Crest",
        contact_email="adhesions@example.org",
    )
    FeeBracketFactory(
        membership_type=membership_type,
        label="Communes de moins de 1 000 habitants",
        fee=Decimal("50.00"),
        position=0,
    )
    FeeBracketFactory(
        membership_type=membership_type,
        label="Communes de 1 000 à 5 000 habitants",
        fee=Decimal("120.00"),
        position=1,
    )
    return shared_with_personas(membership_type, owner, editor, contributor, reader)


@pytest.fixture
def pending_membership(individual_type):
    return MembershipFactory(
        membership_type=individual_type,
        first_name="Mylène",
        last_name="Thou",
        email="mylene.thou@example.org",
        postal_address="Mairie\n26150 Die",
        status=Status.PENDING,
        paid_on=None,
        payment_method="",
    )


def paid(membership_type, *, year=THIS_YEAR, **fields):
    """A membership of ``year`` paid on the 10th of January of that year."""
    return MembershipFactory(
        membership_type=membership_type,
        year=year,
        paid_on=datetime.date(year, 1, 10),
        **fields,
    )
