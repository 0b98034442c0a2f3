"""Governance belongs to any governed object: a programme holds bodies, meetings and a decision
log like an experiment, and neither sees the other's."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import Experiment
from essaim.governance.models import (
    Attendance,
    Body,
    BodyKind,
    BodyMember,
    LoggedDecision,
    Meeting,
    MeetingAttendance,
)
from essaim.governance.registry import governed_models, is_governed
from tests.conftest import client_for
from tests.experiments.factories import BodyFactory, MeetingFactory
from tests.platform_app.factories import make_visit
from tests.platform_app.models import Programme, Visit

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 5, 6, 9, 30, tzinfo=datetime.UTC)


def give_governance(programme: Programme) -> Meeting:
    committee = programme.bodies.create(
        kind=BodyKind.SUPPORT, name="Groupe d'accompagnement du programme"
    )
    member = BodyMember.objects.create(body=committee, name="Inès Martin")
    meeting = Meeting.objects.create(
        body=committee, starts_at=START, ends_at=START + datetime.timedelta(hours=2)
    )
    MeetingAttendance.objects.create(meeting=meeting, member=member, status=Attendance.PRESENT)
    programme.logged_decisions.create(
        body=committee,
        meeting=meeting,
        decided_on=START.date(),
        subject="Ouvrir le programme à deux nouveaux territoires",
        decision="Ouvrir en 2026.",
    )
    return meeting


def test_the_registry_knows_the_governed_models():
    assert is_governed(Experiment) and is_governed(Programme)
    assert not is_governed(Visit)
    assert {Experiment, Programme} <= set(governed_models())


def test_a_programme_holds_bodies_meetings_and_a_decision_log(programme):
    meeting = give_governance(programme)

    (body,) = programme.bodies.all()
    assert body.owner == programme
    assert list(Meeting.objects.of(programme)) == [meeting]
    assert meeting.attendances.get().member.name == "Inès Martin"
    (decision,) = LoggedDecision.objects.of(programme)
    assert decision.owner == programme and decision.meeting == meeting
    assert list(programme.logged_decisions.all()) == [decision]


def test_its_governance_goes_with_the_programme(programme):
    give_governance(programme)
    programme.delete()
    assert not Body.objects.exists()
    assert not Meeting.objects.exists()
    assert not LoggedDecision.objects.exists()


def test_a_programmes_bodies_do_not_leak_into_the_experiment(programme, experiment, reader):
    assert programme.pk == experiment.pk
    give_governance(programme)
    own = BodyFactory(experiment=experiment, name="Comité de pilotage de l'autostop")
    MeetingFactory(body=own)

    assert list(experiment.bodies.all()) == [own]
    assert list(Body.objects.of(experiment)) == [own]
    assert [m.body for m in Meeting.objects.of(experiment)] == [own]
    assert not experiment.logged_decisions.exists()
    assert list(Meeting.objects.filter(body__experiment=experiment)) == list(
        Meeting.objects.of(experiment)
    )

    page = client_for(reader).get(reverse("experiments:governance", args=[experiment.pk]))
    text = page.content.decode()
    assert "Comité de pilotage de l&#x27;autostop" in text
    assert "Groupe d&#x27;accompagnement du programme" not in text
    assert "nouveaux territoires" not in text


def test_the_experiment_pages_do_not_open_a_programmes_meeting(programme, experiment, reader):
    meeting = give_governance(programme)
    url = reverse("experiments:meeting", args=[experiment.pk, meeting.pk])
    assert client_for(reader).get(url).status_code == 404
    url = reverse("experiments:meeting_ics", args=[experiment.pk, meeting.pk])
    assert client_for(reader).get(url).status_code == 404


def test_a_model_without_governance_is_refused(programme):
    visit = make_visit(programme)
    with pytest.raises(ImproperlyConfigured, match="n'a pas de gouvernance"):
        Body.objects.of(visit)


def test_governance_changes_land_in_the_experiments_history(experiment, editor):
    client = client_for(editor)
    client.post(
        reverse("experiments:add_body", args=[experiment.pk]),
        {"kind": "comite_technique", "name": "Comité technique"},
    )
    body = experiment.bodies.get()
    client.post(
        reverse("experiments:add_logged_decision", args=[experiment.pk]),
        {"decided_on": "2025-05-06", "body": body.pk, "subject": "Horaires", "decision": "Oui"},
    )

    summaries = [entry.summary for entry in experiment.history()]
    assert any("Comité technique" in summary for summary in summaries)
    assert any("Horaires" in summary for summary in summaries)
    assert not HistoryEntry.objects.exclude(object_id=experiment.pk).exists()


def test_the_shared_parts_show_a_programmes_decision_and_members(programme):
    meeting = give_governance(programme)
    decision = programme.logged_decisions.get()
    html = render_to_string("governance/parts.html#decision_details", {"decision": decision})
    assert "<dt>Décision</dt><dd>Ouvrir en 2026.</dd>" in html
    assert "Options envisagées" not in html
    member = meeting.body.members.get()
    html = render_to_string("governance/parts.html#member_cells", {"member": member})
    assert '<td data-label="Membre">Inès Martin</td>' in html
    html = render_to_string("governance/parts.html#meeting_when", {"meeting": meeting})
    assert "mardi 6 mai 2025, de 11h30</time> à <time" in html
