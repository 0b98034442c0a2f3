import pytest

from essaim.organisations.models import Organisation, OrganisationKind
from essaim.organisations.services import DirectoryError, create_organisation, update_organisation
from essaim.roles.models import Role
from tests.organisations.factories import OrganisationFactory


def test_creating_an_organisation_makes_its_creator_the_owner(outsider):
    organisation = create_organisation(
        organisation=Organisation(name="Rezo Pouce", kind=OrganisationKind.ASSOCIATION),
        created_by=outsider,
    )
    assert organisation.created_by == outsider
    assert organisation.role_of(outsider) == Role.OWNER


def test_a_name_the_database_refuses_is_explained_in_french(outsider):
    OrganisationFactory(name="Rezo Pouce")
    with pytest.raises(DirectoryError) as refused:
        create_organisation(
            organisation=Organisation(name="REZO POUCE", kind=OrganisationKind.ASSOCIATION),
            created_by=outsider,
        )
    assert (refused.value.message, refused.value.field) == (
        "Une organisation porte déjà ce nom.",
        "name",
    )
    assert Organisation.objects.count() == 1


def test_a_siren_the_database_refuses_is_explained_in_french(db):
    OrganisationFactory(siren="732829320")
    organisation = OrganisationFactory()
    organisation.siren = "732829320"
    with pytest.raises(DirectoryError) as refused:
        update_organisation(organisation=organisation, fields=["siren"])
    assert (refused.value.message, refused.value.field) == (
        "Une organisation porte déjà ce numéro SIREN.",
        "siren",
    )
