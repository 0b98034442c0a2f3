"""Certificate numbers « ESS-<année>-<n> » come from the yearly numbering: issuing a
certificate again takes no number, and the numbering goes on from where it stands."""

import pytest
from django.db import transaction

from essaim.attendance.models import Certificate
from essaim.attendance.services import issue_certificate
from essaim.core.models import YearlySequence
from tests.attendance.factories import AttendanceFactory

pytestmark = pytest.mark.django_db


def test_issuing_again_takes_no_number(webconferences):
    marie, elodie, jean_michel = (
        webconferences.registrations[name] for name in ["Marie", "Élodie", "Jean-Michel"]
    )
    for registration in (marie, elodie, jean_michel):
        AttendanceFactory(registration=registration, slot=webconferences.slots[0])

    assert issue_certificate(registration=marie).number == "ESS-2020-000001"
    issue_certificate(registration=marie)
    issue_certificate(registration=marie)
    assert issue_certificate(registration=elodie).number == "ESS-2020-000002"
    assert YearlySequence.objects.get(name="certificate", year=2020).last == 2


def test_the_numbering_goes_on_from_the_yearly_sequence(webconferences):
    marie = webconferences.registrations["Marie"]
    AttendanceFactory(registration=marie, slot=webconferences.slots[0])
    YearlySequence.objects.create(name="certificate", year=2020, last=123)

    assert issue_certificate(registration=marie).number == "ESS-2020-000124"
    with transaction.atomic():
        assert Certificate.next_number(2021) == "ESS-2021-000001"
