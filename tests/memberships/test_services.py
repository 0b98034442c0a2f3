"""The workflows: statuses, receipt numbers, renewal, expiry, validity for other areas."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.core.models import HistoryEntry, YearlySequence
from essaim.memberships import services
from essaim.memberships.models import Membership, PaymentMethod, Status
from essaim.memberships.services import MembershipRefused
from tests.memberships.conftest import THIS_YEAR, paid
from tests.memberships.factories import MembershipFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def pay(membership, *, on=TODAY, by=None, **fields):
    return services.record_payment(
        membership=membership, paid_on=on, method=PaymentMethod.TRANSFER, by=by, **fields
    )


def pending(membership_type, **fields):
    return MembershipFactory(
        membership_type=membership_type, status=Status.PENDING, paid_on=None, **fields
    )


def test_a_payment_makes_the_membership_paid_with_a_receipt_number(pending_membership, editor):
    paid_membership = pay(pending_membership, by=editor, reference="VIR 2026-118")

    paid_membership.refresh_from_db()
    assert paid_membership.status == Status.PAID
    assert paid_membership.paid_on == TODAY
    assert paid_membership.payment_method == PaymentMethod.TRANSFER
    assert paid_membership.payment_reference == "VIR 2026-118"
    assert paid_membership.receipt_number == f"{TODAY.year}-0001"
    entry = HistoryEntry.objects.of(paid_membership).get()
    assert entry.verb == "paid"
    assert entry.actor == editor
    assert f"reçu n° {TODAY.year}-0001" in entry.summary


def test_receipt_numbers_follow_each_other_within_a_year_and_restart_the_next(individual_type):
    numbers = [pay(pending(individual_type)).receipt_number for _ in range(3)]
    last_year = pay(pending(individual_type), on=datetime.date(TODAY.year - 1, 12, 30))

    assert numbers == [f"{TODAY.year}-0001", f"{TODAY.year}-0002", f"{TODAY.year}-0003"]
    assert last_year.receipt_number == f"{TODAY.year - 1}-0001"
    assert YearlySequence.objects.get(name="receipt", year=TODAY.year).last == 3


def test_a_refused_payment_gives_its_number_back(individual_type, pending_membership):
    pay(pending_membership)
    with pytest.raises(MembershipRefused, match="ne peut plus être enregistré"):
        pay(pending_membership)
    assert pay(pending(individual_type)).receipt_number == f"{TODAY.year}-0002"


def test_a_payment_in_the_future_is_refused(pending_membership):
    with pytest.raises(MembershipRefused, match="dans le futur"):
        pay(pending_membership, on=TODAY + datetime.timedelta(days=1))
    pending_membership.refresh_from_db()
    assert pending_membership.status == Status.PENDING


def test_the_amount_received_may_differ_from_the_fee(pending_membership):
    assert pay(pending_membership, amount=Decimal("45.00")).amount == Decimal("45.00")


def test_the_database_refuses_a_paid_membership_without_a_date(individual_type):
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(membership_type=individual_type, status=Status.PAID, paid_on=None)


def test_the_database_refuses_two_identical_receipt_numbers(individual_type):
    MembershipFactory(membership_type=individual_type, receipt_number="2026-0001")
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(membership_type=individual_type, receipt_number="2026-0001")


def test_a_paid_membership_needs_its_date_in_french(individual_type):
    membership = Membership(
        membership_type=individual_type,
        year=THIS_YEAR,
        last_name="Thou",
        email="m@example.org",
        amount=Decimal(30),
        status=Status.PAID,
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert error.value.message_dict["paid_on"] == ["Indiquez la date du paiement."]


def test_a_person_needs_a_name_and_an_email_and_an_organisation_its_structure(
    individual_type, collectivity_type
):
    person = Membership(membership_type=individual_type, year=THIS_YEAR, amount=Decimal(30))
    organisation = Membership(membership_type=collectivity_type, year=THIS_YEAR, amount=0)
    with pytest.raises(ValidationError) as person_error:
        person.clean()
    with pytest.raises(ValidationError) as organisation_error:
        organisation.clean()
    assert person_error.value.message_dict == {
        "last_name": ["Indiquez le nom de l'adhérent."],
        "email": ["Indiquez l'adresse e-mail de l'adhérent."],
    }
    assert organisation_error.value.message_dict == {
        "organisation": ["Choisissez la structure adhérente."]
    }


def test_one_membership_per_member_type_and_year(individual_type, pending_membership, editor):
    twin = Membership(
        membership_type=individual_type,
        year=pending_membership.year,
        last_name="Thou",
        email="MYLENE.THOU@example.org",
        amount=Decimal(30),
    )
    with pytest.raises(MembershipRefused, match="Cette personne a déjà une adhésion"):
        services.create_membership(membership=twin, by=editor)


def test_renewing_creates_next_year_pending_at_todays_fee(collectivity_type, editor):
    bracket = collectivity_type.brackets.get(fee=Decimal("50.00"))
    commune = OrganisationFactory(name="Commune de Die")
    membership = paid(collectivity_type, organisation=commune, bracket=bracket, amount=50)
    bracket.fee = Decimal("55.00")
    bracket.save()

    renewal = services.renew_membership(membership=membership, by=editor)

    assert (renewal.year, renewal.status) == (membership.year + 1, Status.PENDING)
    assert (renewal.organisation, renewal.bracket, renewal.amount) == (
        commune,
        bracket,
        Decimal("55.00"),
    )
    assert renewal.receipt_number == ""
    with pytest.raises(MembershipRefused, match="Cette structure a déjà une adhésion"):
        services.renew_membership(membership=membership, by=editor)


def test_expiring_by_hand(pending_membership, editor):
    expired = services.expire_membership(membership=pending_membership, by=editor)
    assert expired.status == Status.EXPIRED
    with pytest.raises(MembershipRefused, match="déjà expirée"):
        services.expire_membership(membership=expired, by=editor)
    with pytest.raises(MembershipRefused):
        pay(expired)


def test_a_new_membership_takes_the_fee_of_its_bracket(collectivity_type, editor):
    bracket = collectivity_type.brackets.get(fee=Decimal("120.00"))
    membership = Membership(
        membership_type=collectivity_type,
        year=THIS_YEAR,
        bracket=bracket,
        organisation=OrganisationFactory(),
    )
    created = services.create_membership(membership=membership, by=editor)
    assert (created.amount, created.status) == (Decimal("120.00"), Status.PENDING)


class TestValidMembershipFor:
    """What registrations ask: is this person or organisation a member this year?"""

    def test_a_paid_membership_of_this_year_counts(self, individual_type):
        membership = paid(individual_type, email="Pascale@Example.org")
        assert services.valid_membership_for(" pascale@example.org ") == membership

    def test_a_pending_or_past_membership_does_not(self, individual_type):
        pending(individual_type, email="pascale@example.org")
        paid(individual_type, year=THIS_YEAR - 1, email="pascale@example.org")
        assert services.valid_membership_for("pascale@example.org") is None

    def test_an_organisations_membership_counts_for_it(self, collectivity_type):
        commune = OrganisationFactory()
        membership = paid(collectivity_type, organisation=commune, email="")
        assert services.valid_membership_for("agent@example.org", commune) == membership

    def test_it_answers_for_the_day_asked(self, individual_type):
        paid(individual_type, year=THIS_YEAR - 1, email="pascale@example.org")
        day = datetime.date(THIS_YEAR - 1, 6, 1)
        assert services.valid_membership_for("pascale@example.org", on=day) is not None
