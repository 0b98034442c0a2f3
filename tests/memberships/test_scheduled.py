"""The yearly jobs: renewal reminders (once, from the day the type sets) and the expiry of past
years' memberships."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils.module_loading import autodiscover_modules

from essaim.core.models import HistoryEntry
from essaim.core.scheduled import JOBS
from essaim.memberships.models import Membership, Status
from essaim.memberships.scheduled import expire_past_memberships, send_renewal_reminders
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
YEAR = 2031  # a year of its own, whatever today is


def at(month: int, day: int, hour: int = 9, year: int = YEAR) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=PARIS)


def member(membership_type, year=YEAR - 1, **fields) -> Membership:
    defaults = {"paid_on": datetime.date(year, 1, 10), "status": Status.PAID}
    return MembershipFactory(membership_type=membership_type, year=year, **{**defaults, **fields})


@pytest.fixture
def reminded_type(individual_type):
    """Reminders from the 15th of January (the default)."""
    assert (individual_type.reminder_day, individual_type.reminder_month) == (15, 1)
    return individual_type


def run_reminders(now, capture):
    with capture(execute=True):
        return send_renewal_reminders(now)


class TestRenewalReminders:
    def test_last_years_members_are_reminded_once_from_the_day_set(
        self, reminded_type, mailoutbox, django_capture_on_commit_callbacks
    ):
        pascale = member(
            reminded_type, first_name="Pascale", email="pascale@example.org", amount=Decimal("30")
        )

        assert run_reminders(at(1, 14, 23), django_capture_on_commit_callbacks) == 0
        assert run_reminders(at(1, 15, 8), django_capture_on_commit_callbacks) == 1
        assert run_reminders(at(1, 15, 9), django_capture_on_commit_callbacks) == 0
        assert run_reminders(at(3, 1), django_capture_on_commit_callbacks) == 0

        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["pascale@example.org"]
        assert message.reply_to == ["adhesions@example.org"]
        assert message.subject == f"Renouvellement de votre adhésion {YEAR} — Adhésion individuelle"
        body = message.body
        assert "Bonjour Pascale," in body
        assert f"Vous étiez adhérent·e en {YEAR - 1} à Cap Rural" in body
        assert f"Cotisation {YEAR} : 30\u00a0€" in body
        assert "IBAN FR76" in body
        assert "/adhesion/bulletin.pdf?prenom=Pascale" in body
        assert "email=pascale%40example.org" in body
        pascale.refresh_from_db()
        assert pascale.reminded_at == at(1, 15, 8)
        assert HistoryEntry.objects.of(pascale).get().verb == "reminded"

    def test_those_who_renewed_or_never_paid_are_not_reminded(
        self, reminded_type, collectivity_type, mailoutbox, django_capture_on_commit_callbacks
    ):
        member(reminded_type, email="renouvele@example.org")
        member(
            reminded_type,
            year=YEAR,
            email="RENOUVELE@example.org",
            status=Status.PENDING,
            paid_on=None,
        )
        member(reminded_type, email="jamais@example.org", status=Status.PENDING, paid_on=None)
        member(reminded_type, email="")
        member(reminded_type, email="exemple@example.org", illustrative=True)
        member(reminded_type, year=YEAR - 2, email="ancien@example.org", status=Status.EXPIRED)
        commune = OrganisationFactory(name="Commune de Die")
        member(collectivity_type, organisation=commune, email="mairie@example.org")
        member(collectivity_type, year=YEAR, organisation=commune, email="autre@example.org")
        expired_then = member(reminded_type, email="expiree@example.org", status=Status.EXPIRED)

        assert run_reminders(at(2, 1), django_capture_on_commit_callbacks) == 1

        assert [message.to for message in mailoutbox] == [[expired_then.email]]

    def test_an_organisation_is_reminded_at_its_contact(
        self, collectivity_type, mailoutbox, django_capture_on_commit_callbacks
    ):
        bracket = collectivity_type.brackets.get(fee=Decimal("50.00"))
        member(
            collectivity_type,
            organisation=OrganisationFactory(name="Commune de Saillans"),
            email="mairie@example.org",
            first_name="",
            bracket=bracket,
        )
        bracket.fee = Decimal("55.00")
        bracket.save()

        run_reminders(at(1, 20), django_capture_on_commit_callbacks)

        body = mailoutbox[0].body
        assert body.startswith("Bonjour,")
        assert f"Commune de Saillans était adhérente en {YEAR - 1}" in body
        assert "55\u00a0€ (tranche : Communes de moins de 1 000 habitants)" in body
        assert "organisation=Commune+de+Saillans" in body

    def test_each_type_has_its_own_day_and_inactive_types_stay_silent(
        self, mailoutbox, django_capture_on_commit_callbacks
    ):
        march = MembershipTypeFactory(
            name="Adhésion de printemps", reminder_day=1, reminder_month=3
        )
        retired = MembershipTypeFactory(name="Adhésion retirée", active=False)
        member(march, email="printemps@example.org")
        member(retired, email="retiree@example.org")

        assert run_reminders(at(2, 28), django_capture_on_commit_callbacks) == 0
        assert run_reminders(at(3, 1), django_capture_on_commit_callbacks) == 1
        assert [message.to for message in mailoutbox] == [["printemps@example.org"]]

    def test_a_reminder_day_beyond_the_month_falls_on_its_last_day(self):
        membership_type = MembershipTypeFactory.build(reminder_day=31, reminder_month=2)
        assert membership_type.reminder_date(2032) == datetime.date(2032, 2, 29)
        assert membership_type.reminder_date(2031) == datetime.date(2031, 2, 28)


class TestExpiry:
    def test_paid_memberships_of_past_years_expire(self, individual_type):
        old = member(individual_type, year=YEAR - 1)
        current = member(individual_type, year=YEAR, email="courant@example.org")
        pending = member(
            individual_type,
            year=YEAR - 1,
            email="attente@example.org",
            status=Status.PENDING,
            paid_on=None,
        )

        assert expire_past_memberships(at(1, 1, 0)) == 1
        assert expire_past_memberships(at(1, 1, 1)) == 0

        statuses = dict(Membership.objects.values_list("pk", "status"))
        assert statuses == {
            old.pk: Status.EXPIRED,
            current.pk: Status.PAID,
            pending.pk: Status.PENDING,
        }
        entry = HistoryEntry.objects.of(old).get()
        assert (entry.verb, entry.actor) == ("expired", None)
        assert f"Adhésion {YEAR - 1} expirée" in entry.summary


def test_the_scheduler_knows_both_jobs():
    autodiscover_modules("scheduled")
    assert {job.run for job in JOBS} >= {send_renewal_reminders, expire_past_memberships}
