"""Yearly numbering: numbers follow each other per name and year, are given back when their
transaction rolls back, and never repeat when taken at the same moment by several threads."""

import threading
import time

import pytest
from django.db import connection, transaction

from essaim.core.models import YearlySequence
from tests.concurrency import SharedDatabase
from tests.registrations.factories import RegistrationFactory

THREADS = 3
NUMBERS_PER_THREAD = 8


def take(name: str, year: int) -> int:
    with transaction.atomic():
        return YearlySequence.next_number(name, year)


@pytest.mark.django_db
def test_it_counts_per_name_and_year():
    assert [take("receipt", 2025) for _ in range(3)] == [1, 2, 3]
    assert take("receipt", 2026) == 1
    assert take("certificate", 2025) == 1
    assert take("receipt", 2025) == 4
    assert YearlySequence.objects.get(name="receipt", year=2025).last == 4
    assert str(YearlySequence.objects.get(name="certificate", year=2025)) == "certificate 2025 : 1"


@pytest.mark.django_db
def test_a_rolled_back_number_is_given_again():
    assert take("receipt", 2025) == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        assert YearlySequence.next_number("receipt", 2025) == 2
        raise RuntimeError("the document could not be saved")
    assert take("receipt", 2025) == 2


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_number_outside_a_transaction():
    with pytest.raises(RuntimeError):
        YearlySequence.next_number("receipt", 2025)


@pytest.fixture
def shared_database(transactional_db, tmp_path) -> SharedDatabase:
    return SharedDatabase(tmp_path / "partagee.sqlite3")


def test_threads_taking_numbers_at_once_never_share_one(shared_database, monkeypatch):
    """Between reading the counter and writing it back, each thread waits a little: without the
    row lock, two threads would read the same last number and give it twice."""
    save = YearlySequence.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.01)
        return save(self, *args, **kwargs)

    monkeypatch.setattr(YearlySequence, "save", slow_save)
    shared_database.share()
    start = threading.Barrier(THREADS)
    numbers: list[int] = []
    errors: list[Exception] = []
    lock = threading.Lock()

    def run() -> None:
        try:
            with shared_database.use():
                start.wait(timeout=30)
                for _ in range(NUMBERS_PER_THREAD):
                    number = take("certificate", 2026)
                    with lock:
                        numbers.append(number)
        except Exception as error:  # reported by the test, in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert sorted(numbers) == list(range(1, THREADS * NUMBERS_PER_THREAD + 1))
    with shared_database.use():
        assert YearlySequence.objects.get(name="certificate", year=2026).last == len(numbers)


# The data migration ----------------------------------------------------------------------------

BEFORE = [
    ("core", "0001_initial"),
    ("memberships", "0002_receipts_reminders_and_form"),
    ("attendance", "0002_certificate_place_and_sending"),
]
AFTER = [
    ("core", "0002_yearly_sequence"),
    ("memberships", "0003_receipts_numbered_by_yearly_sequence"),
    ("attendance", "0003_certificates_numbered_by_yearly_sequence"),
]


def test_the_migration_carries_receipt_and_certificate_numbers_on(migrator):
    registrations = RegistrationFactory.create_batch(4)
    old = migrator.migrate(BEFORE)
    receipts = old.get_model("memberships", "ReceiptSequence")
    receipts.objects.create(year=2025, last_number=41)
    receipts.objects.create(year=2026, last_number=3)
    certificates = old.get_model("attendance", "Certificate")
    for registration, number in zip(
        registrations,
        ["ESS-2025-000007", "ESS-2025-000012", "ESS-2026-000002", "ancien-1"],
        strict=True,
    ):
        certificates.objects.create(registration_id=registration.pk, number=number, hours=3)

    migrator.migrate(AFTER)

    rows = set(YearlySequence.objects.values_list("name", "year", "last"))
    assert rows == {
        ("receipt", 2025, 41),
        ("receipt", 2026, 3),
        ("certificate", 2025, 12),
        ("certificate", 2026, 2),
    }
    with transaction.atomic():
        assert YearlySequence.next_number("receipt", 2025) == 42
        assert YearlySequence.next_number("certificate", 2025) == 13
