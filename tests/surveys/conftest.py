from functools import partial

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what was deferred to the commit (the e-mails) on leaving."""
    return partial(django_capture_on_commit_callbacks, execute=True)
