"""Shared personas and helpers for every test."""

import pytest
from django.test import Client

from essaim.accounts.models import User


def make_user(email: str, name: str, **fields) -> User:
    return User.objects.create_user(
        email=email, password="mot-de-passe-solide", full_name=name, **fields
    )


@pytest.fixture
def owner(db) -> User:
    return make_user("proprietaire@example.org", "Olivia Propriétaire")


@pytest.fixture
def editor(db) -> User:
    return make_user("editrice@example.org", "Élise Éditrice")


@pytest.fixture
def contributor(db) -> User:
    return make_user("contributeur@example.org", "Camille Contributeur")


@pytest.fixture
def reader(db) -> User:
    return make_user("lecteur@example.org", "Louis Lecteur")


@pytest.fixture
def outsider(db) -> User:
    return make_user("exterieur@example.org", "Oscar Extérieur")


@pytest.fixture
def staff(db) -> User:
    return make_user("admin@example.org", "Ada Administratrice", is_staff=True, is_superuser=True)


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the whole shipped territorial referential, loaded once."""
    from essaim.territories.importer import import_referential

    with django_db_blocker.unblock():
        import_referential()


@pytest.fixture
def training_session(owner, editor, contributor, reader):
    """A published online session, organised by the personas (owner, editor, contributor and
    reader of the session)."""
    from essaim.roles.models import Role
    from tests.trainings.factories import TrainingSessionFactory

    session = TrainingSessionFactory(title="L'expérimentation : repères méthodologiques")
    session.grant(owner, Role.OWNER)
    session.grant(editor, Role.EDITOR)
    session.grant(contributor, Role.CONTRIBUTOR)
    session.grant(reader, Role.READER)
    return session
