"""An organisation on which each persona holds its role, and one of its contacts."""

import pytest

from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Role
from tests.organisations.factories import OrganisationFactory, PersonFactory


@pytest.fixture
def organisation(owner, editor, contributor, reader) -> Organisation:
    organisation = OrganisationFactory(name="Cap Rural", short_name="CR", with_territory=True)
    organisation.grant(owner, Role.OWNER)
    organisation.grant(editor, Role.EDITOR)
    organisation.grant(contributor, Role.CONTRIBUTOR)
    organisation.grant(reader, Role.READER)
    return organisation


@pytest.fixture
def person(organisation, owner) -> Person:
    """Seen by every member of Cap Rural; the owner also owns the record itself."""
    person = PersonFactory(
        organisation=organisation,
        first_name="Mylène",
        last_name="Thou",
        function="chargée de mission",
        email="mylene.thou@example.org",
        phone="04 75 12 34 56",
        consenting=True,
        created_by=owner,
    )
    person.grant(owner, Role.OWNER)
    return person
