"""A *cotisation* recorded as paid confirms the registrations that waited for it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.memberships import services as memberships
from essaim.memberships.models import PaymentMethod
from essaim.memberships.models import Status as MembershipStatus
from essaim.registrations import services
from essaim.registrations.models import (
    MessageKind,
    PendingReason,
    Registration,
    SentMessage,
    Status,
)
from essaim.roles.models import Role
from essaim.trainings.models import Access
from tests.conftest import client_for
from tests.memberships.factories import MembershipFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.helpers import person, session_of

pytestmark = pytest.mark.django_db


def members_only_session(start: datetime.date | None = None, **fields):
    start = start or timezone.localdate() + datetime.timedelta(days=30)
    return session_of(access=Access.MEMBERS, start=start, **fields)


def register_pending(session, number: int, **overrides):
    registration = services.register(
        session, data=person(number, wait_for_membership=True, **overrides)
    )
    assert (registration.status, registration.pending_reason) == (
        Status.PENDING,
        PendingReason.MEMBERSHIP,
    )
    return registration


def pending_membership(year: int, **fields):
    return MembershipFactory(status=MembershipStatus.PENDING, paid_on=None, year=year, **fields)


def pay(membership, by=None):
    return memberships.record_payment(
        membership=membership,
        paid_on=timezone.localdate(),
        method=PaymentMethod.CHEQUE,
        by=by,
    )


def test_the_payment_confirms_the_persons_pending_registrations_with_the_usual_email(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    session = members_only_session()
    waiting_for_it = register_pending(session, 1)
    someone_else = register_pending(session, 2)
    membership = pending_membership(session.start_date.year, email="Camille.Martin1@example.org")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        pay(membership, by=owner)

    waiting_for_it.refresh_from_db()
    someone_else.refresh_from_db()
    assert waiting_for_it.status == Status.CONFIRMED and waiting_for_it.pending_reason == ""
    assert someone_else.status == Status.PENDING
    (message,) = mailoutbox
    assert message.to == ["camille.martin1@example.org"]
    assert message.subject.startswith("Inscription confirmée")
    assert SentMessage.objects.get(registration=waiting_for_it, sent_by=owner).kind == (
        MessageKind.CONFIRMATION
    )


def test_the_payment_of_an_organisation_confirms_its_registrants():
    diois = OrganisationFactory(name="Communauté de communes du Diois")
    session = members_only_session()
    first = register_pending(session, 1, organisation_name="Communauté de communes du Diois")
    second = register_pending(session, 2, organisation_name="Communauté de communes du Diois")
    membership = pending_membership(session.start_date.year, email="", organisation=diois)

    pay(membership)

    statuses = {r.status for r in Registration.objects.filter(pk__in=[first.pk, second.pk])}
    assert statuses == {Status.CONFIRMED}


def test_only_the_registrations_this_payment_makes_valid_are_confirmed():
    this_year = members_only_session()
    year = this_year.start_date.year
    next_year = members_only_session(start=datetime.date(year + 1, 6, 1))
    this_one = register_pending(this_year, 1)
    another_year = register_pending(next_year, 1)
    # Pending for another reason: the organiser decides.
    other_reason = register_pending(members_only_session(), 1)
    other_reason.pending_reason = PendingReason.OTHER
    other_reason.save(update_fields=["pending_reason"])

    pay(pending_membership(year, email="camille.martin1@example.org"))

    for registration in (this_one, another_year, other_reason):
        registration.refresh_from_db()
    assert this_one.status == Status.CONFIRMED
    assert another_year.status == Status.PENDING
    assert other_reason.status == Status.PENDING


def test_the_payment_view_confirms_them_too(owner):
    session = members_only_session()
    registration = register_pending(session, 1)
    membership = pending_membership(session.start_date.year, email="camille.martin1@example.org")
    membership.membership_type.grant(owner, Role.OWNER)
    response = client_for(owner).post(
        reverse("memberships:record_payment", args=[membership.pk]),
        {
            "paid_on": timezone.localdate().strftime("%d/%m/%Y"),
            "payment_method": PaymentMethod.CHEQUE,
            "amount": "30,00",
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
