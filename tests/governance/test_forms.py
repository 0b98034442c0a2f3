"""The governance forms offer only the owner's bodies and meetings."""

import datetime

import pytest

from essaim.governance.forms import LoggedDecisionForm, MeetingForm
from essaim.governance.models import BodyKind, Meeting
from tests.experiments.factories import BodyFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 5, 6, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def committee(programme):
    return programme.bodies.create(kind=BodyKind.STEERING, name="Comité de pilotage")


def test_a_new_meeting_chooses_among_the_owners_bodies(programme, experiment, committee):
    BodyFactory(experiment=experiment, name="Comité de l'expérimentation")
    form = MeetingForm(owner=programme)
    assert list(form.fields["body"].queryset) == [committee]
    # The only body is chosen already.
    assert form.initial["body"] == committee.pk


def test_a_decision_refuses_another_owners_meeting(programme, experiment, committee):
    other = BodyFactory(experiment=experiment)
    foreign = Meeting.objects.create(
        body=other, starts_at=START, ends_at=START + datetime.timedelta(hours=1)
    )
    own = Meeting.objects.create(
        body=committee, starts_at=START, ends_at=START + datetime.timedelta(hours=1)
    )
    data = {"decided_on": "2025-05-06", "subject": "Ouverture", "decision": "Oui"}

    form = LoggedDecisionForm({**data, "meeting": foreign.pk}, owner=programme)
    assert not form.is_valid()
    assert "meeting" in form.errors

    form = LoggedDecisionForm({**data, "meeting": own.pk}, owner=programme)
    assert form.is_valid(), form.errors
    # The body is the meeting's.
    assert form.cleaned_data["body"] == committee
