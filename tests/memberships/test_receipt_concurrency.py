"""Payments recorded at the same moment, on the same database, in real transactions: every
receipt gets its own number, and the numbers follow each other without a gap."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from essaim.memberships import services
from essaim.memberships.models import Membership, PaymentMethod, Status
from tests.concurrency import SharedDatabase
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory

THREADS = 2
PAYMENTS_PER_THREAD = 10


@pytest.fixture
def shared_database(transactional_db, tmp_path) -> SharedDatabase:
    return SharedDatabase(tmp_path / "partagee.sqlite3")


def record_payments(
    memberships, start: threading.Barrier, errors: list, shared: SharedDatabase
) -> None:
    try:
        with shared.use():
            start.wait(timeout=30)
            for membership in memberships:
                services.record_payment(
                    membership=membership,
                    paid_on=timezone.localdate(),
                    method=PaymentMethod.CHEQUE,
                    by=None,
                )
    except Exception as error:  # reported by the test, in the main thread
        errors.append(error)
    finally:
        connection.close()


def test_two_threads_recording_payments_get_distinct_sequential_numbers(shared_database):
    membership_type = MembershipTypeFactory()
    memberships = MembershipFactory.create_batch(
        THREADS * PAYMENTS_PER_THREAD,
        membership_type=membership_type,
        status=Status.PENDING,
        paid_on=None,
    )
    shared_database.share()
    start = threading.Barrier(THREADS)
    errors: list[Exception] = []
    threads = [
        threading.Thread(
            target=record_payments,
            args=(memberships[index::THREADS], start, errors, shared_database),
        )
        for index in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    year = timezone.localdate().year
    with shared_database.use():
        numbers = sorted(Membership.objects.values_list("receipt_number", flat=True))
        assert not Membership.objects.filter(status=Status.PENDING).exists()
    assert numbers == [f"{year}-{n:04d}" for n in range(1, THREADS * PAYMENTS_PER_THREAD + 1)]
