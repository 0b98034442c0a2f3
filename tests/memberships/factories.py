import datetime
from decimal import Decimal

import factory

from essaim.memberships.models import (
    FeeBracket,
    MemberKind,
    Membership,
    MembershipType,
    PaymentMethod,
    Status,
)


class MembershipTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipType

    name = "Adhésion individuelle"
    member_kind = MemberKind.PERSON
    fee = Decimal("30.00")


class MembershipFactory(factory.django.DjangoModelFactory):
    """A paid individual membership of the current year."""

    class Meta:
        model = Membership

    membership_type = factory.SubFactory(MembershipTypeFactory)
    year = factory.LazyFunction(lambda: datetime.date.today().year)
    first_name = "Claude"
    last_name = factory.Sequence(lambda n: f"Adhérent{n}")
    email = factory.Sequence(lambda n: f"adherent{n}@example.org")
    amount = Decimal("30.00")
    status = Status.PAID
    paid_on = factory.LazyFunction(datetime.date.today)
    payment_method = PaymentMethod.TRANSFER


class FeeBracketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeBracket

    membership_type = factory.SubFactory(MembershipTypeFactory, fee=None)
    label = factory.Sequence(lambda n: f"Tranche {n}")
    fee = Decimal("50.00")
    position = factory.Sequence(lambda n: n)
