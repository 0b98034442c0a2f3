"""The demo data, loaded once for the tests of this folder that read them.

Loading the demo takes long; the tests only read it (or load it again to prove that nothing is
duplicated), so they share one load: it stays in a transaction opened before the first of them and
rolled back after the last, and each test runs in a savepoint of it (the ``db`` fixture), so that
what a test changes is gone for the next one. Under pytest-xdist, a worker that gets only some of
these tests loads the demo for them."""

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase

from essaim.demo.loader import load_demo_data


@pytest.fixture(scope="package")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo, loaded once; what its load scheduled to run after commit, and the e-mails sent."""
    with django_db_blocker.unblock(), transaction.atomic():
        sent_before = len(mail.outbox)
        with TestCase.captureOnCommitCallbacks() as callbacks:
            load_demo_data(report=lambda line: None)
        yield {"callbacks": list(callbacks), "sent": mail.outbox[sent_before:]}
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    """The loaded demo, for a test whose changes are undone when it ends."""
    return loaded_demo
