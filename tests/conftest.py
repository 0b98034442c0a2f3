"""Shared personas and helpers for every test, and the real browser of the browser tests."""

import os
import shutil
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import sync_playwright

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


def after_commit_work(callbacks: list) -> list:
    """The work left for after a commit, but the generations of the tables written
    (``core/generations.py``), which move after every commit that wrote."""
    from essaim.core.generations import Pending

    return [callback for callback in callbacks if not isinstance(callback, Pending)]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def reset_task_backends() -> None:
    """Task backends are built once from the settings; rebuild them after an override."""
    from asgiref.local import Local
    from django.tasks import task_backends

    task_backends._settings = None
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def database_tasks():
    """Tasks wait in the database, as in production, for ``call_command("worker", batch=True)``."""
    from django.test import override_settings

    with override_settings(TASKS=DATABASE_TASKS):
        reset_task_backends()
        yield
    reset_task_backends()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the whole shipped territorial referential, loaded once; its rows
    are kept aside (the value of this fixture) to be put back where a test emptied them, and on
    SQLite the whole database is copied to a file (``sqlite_copy``)."""
    from django.conf import settings

    from essaim.core.generations import TABLE as GENERATIONS
    from essaim.territories.importer import import_referential
    from tests.prepared import PreparedRows, copy_sqlite_database, row_counts

    with django_db_blocker.unblock():
        before = row_counts()
        import_referential()
        after = row_counts()
        changed = [table for table, count in after.items() if count != before[table]]
        # The generations of the tables move by themselves (core/generations.py).
        prepared = PreparedRows([table for table in changed if table != GENERATIONS])
        prepared.sqlite_copy = copy_sqlite_database(Path(settings.DATA_DIR) / "prepared.sqlite3")
        return prepared


@pytest.fixture(autouse=True)
def measurement_dates() -> None:
    """Measurements made without a date follow each other day by day from 1 February 2024: the
    count restarts with each test, so that a test sees the same dates alone or in the whole
    suite, and never a date in the future (which the platform refuses)."""
    from tests.evaluation.factories import MeasurementFactory

    MeasurementFactory.reset_sequence()


@pytest.fixture
def referential(db, django_db_setup) -> None:
    """The shipped territorial referential: loaded once for the test session, then emptied by
    the first test in real transactions (a live server), so put back where it is gone, from the
    rows kept aside after the first load (much quicker than importing it again)."""
    from essaim.territories.models import Commune

    if not Commune.objects.exists():
        django_db_setup.restore()


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


# A real browser: Debian's chromium driven by Playwright (no browser download). ---------------

SCREENSHOTS = Path(
    os.environ.get("ESSAIM_SCREENSHOTS", Path(__file__).parents[1] / "var" / "screenshots")
)
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail(
            "Chromium est introuvable : « ./dev test » l'installe (apt-get install chromium)."
        )
    # Playwright's synchronous API runs an event loop in this thread; the ORM calls made by the
    # test itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(autouse=True)
def theme_vocabulary(request) -> None:
    """A transactional test empties the database when it ends; the vocabularies that migrations
    seed (themes, the library's publics and editors' group) come back for the next one."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    if transactional or {"live_server", "transactional_db"} & set(request.fixturenames):
        from tests.library.conftest import restore_library_vocabulary
        from tests.themes.factories import restore_vocabulary

        request.getfixturevalue("transactional_db")
        restore_vocabulary()
        restore_library_vocabulary()


@pytest.fixture(autouse=True)
def no_kept_pages() -> None:
    """Each test starts with no page kept: a test's database is rolled back, so the generations
    of its tables come back to numbers that another test's pages were kept under."""
    from django.core.cache import caches

    caches["pages"].clear()


# Data kept beside the repository (../shared/data), too big to ship: the Etalab package…

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def shared_data_file(name: str) -> Path:
    """The file ``name`` of ../shared/data. When it is absent, the test is skipped and says why,
    except in continuous integration (``CI`` set), which has the folder: there the test fails."""
    path = SHARED_DATA / name
    if path.is_file():
        return path
    reason = (
        f"../shared/data absent : {name} est introuvable dans {SHARED_DATA}. Placez le dossier "
        "shared/data à côté du dépôt pour passer ce test."
    )
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


class Migrator:
    """Moves the test database to given migrations, for the tests of data migrations."""

    def migrate(self, targets: list[tuple[str, str | None]], state=None):
        """Apply or unapply migrations up to ``targets``; the models as they were there (or at
        the nodes ``state``, when a target unapplies an app)."""
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(state or targets).apps

    def migrate_to_latest(self) -> None:
        from django.db import connection
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrator(transactional_db):
    """A :class:`Migrator`; whatever the test does, the database ends at the latest
    migrations, so that the tests after it find every table."""
    migrator = Migrator()
    yield migrator
    migrator.migrate_to_latest()
