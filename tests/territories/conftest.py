import pytest

from essaim.roles.models import Role
from tests.territories.factories import TerritoryFactory

# Communes of the Communauté de communes du Crestois et de Pays de Saillans (Drôme).
SAILLANS, CREST, VERCHENY, AUBENASSON = "26289", "26108", "26368", "26015"
CRESTOIS_SIREN = "200040509"


@pytest.fixture
def private_territory(owner, editor, contributor, reader):
    """A private territory on which each persona but the outsider holds a role."""
    return TerritoryFactory(
        name="Vallée de la Drôme",
        private=True,
        communes=[SAILLANS, CREST, VERCHENY],
        owner=owner,
        roles={editor: Role.EDITOR, contributor: Role.CONTRIBUTOR, reader: Role.READER},
    )


@pytest.fixture
def shared_territory(owner):
    return TerritoryFactory(name="Pays de Saillans", communes=[SAILLANS, AUBENASSON], owner=owner)
