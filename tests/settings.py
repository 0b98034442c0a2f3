"""Settings for the test suite: the project's settings, with test-friendly environment defaults.

``DATABASE_URL`` is left to the caller, so that the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("ESSAIM_DEBUG", "0")
os.environ.setdefault("ESSAIM_SECRET_KEY", "tests-" + "x" * 60)
os.environ.setdefault("ESSAIM_HTTPS", "0")
os.environ.setdefault("ESSAIM_TASK_BACKEND", "immediate")
os.environ.setdefault("ESSAIM_DATA_DIR", tempfile.mkdtemp(prefix="essaim-tests-"))
# Under pytest-xdist the workers inherit the directory of the first process: each one writes in
# its own folder of it.
if _worker := os.environ.get("PYTEST_XDIST_WORKER"):
    _data_dir = os.path.join(os.environ["ESSAIM_DATA_DIR"], _worker)
    os.makedirs(_data_dir, exist_ok=True)
    os.environ["ESSAIM_DATA_DIR"] = _data_dir

from essaim.settings import *  # noqa: F403

# Models that exercise the shared pieces (roles inherited from a parent, confidentiality,
# publication, attachments) as the pillars use them.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.platform_app"]  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Argon2 is the production hasher; tests that are not about hashing use a fast one.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405


class UndefinedTemplateVariable(str):
    """Makes a template that prints an undefined variable fail the test that renders it."""

    def __mod__(self, name: object) -> str:
        raise NameError(f"Variable de gabarit indéfinie : {name}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = UndefinedTemplateVariable("%s")  # noqa: F405

# Serve static files straight from the apps (no collectstatic before the tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
