"""The governance moves from the experiments' tables to its own app with every row and the same
primary keys, and back when the migrations are undone."""

import datetime

from django.contrib.contenttypes.models import ContentType

from essaim.experiments.models import Decision, Experiment
from essaim.governance.models import Body, BodyMember, LoggedDecision, Meeting, MeetingAttendance
from tests.experiments.factories import ExperimentFactory

BEFORE = [("experiments", "0004_theme_from_vocabulary"), ("governance", None)]
# The models as they were then (the state of a node includes no app that it does not need).
OLD_STATE = [("experiments", "0004_theme_from_vocabulary")]
START = datetime.datetime(2024, 3, 12, 14, 0, tzinfo=datetime.UTC)


def build_old_governance(migrator, experiment: Experiment) -> dict[str, int]:
    old = migrator.migrate(BEFORE, state=OLD_STATE)
    body = old.get_model("experiments", "Body").objects.create(
        pk=41, experiment_id=experiment.pk, kind="comite_pilotage", name="Comité de pilotage"
    )
    member = old.get_model("experiments", "BodyMember").objects.create(
        pk=42, body=body, name="Jeanne Durand", role_in_body="présidente"
    )
    meeting = old.get_model("experiments", "Meeting").objects.create(
        pk=43,
        body=body,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=2),
        agenda="Bilan",
        minutes="Les élus poursuivent.",
    )
    attendance = old.get_model("experiments", "MeetingAttendance").objects.create(
        pk=44, meeting=meeting, member=member, status="present"
    )
    logged = old.get_model("experiments", "LoggedDecision").objects.create(
        pk=45,
        experiment_id=experiment.pk,
        body=body,
        meeting=meeting,
        decided_on=START.date(),
        subject="Horaires des navettes",
        decision="Ajuster les horaires.",
    )
    decision = old.get_model("experiments", "Decision").objects.create(
        experiment_id=experiment.pk,
        kind="poursuivre",
        decided_on=START.date(),
        rationale="Les usagers sont là.",
        meeting=meeting,
        stage_before="decision",
        stage_after="en_cours",
    )
    return {
        "body": body.pk,
        "member": member.pk,
        "meeting": meeting.pk,
        "attendance": attendance.pk,
        "logged": logged.pk,
        "decision": decision.pk,
    }


def test_the_migration_carries_the_governance_of_experiments_over(migrator):
    migrator.migrate_to_latest()
    experiment = ExperimentFactory()
    pks = build_old_governance(migrator, experiment)

    migrator.migrate_to_latest()

    body = Body.objects.get(pk=pks["body"])
    assert body.owner_type == ContentType.objects.get_for_model(Experiment)
    assert body.owner == experiment and body.name == "Comité de pilotage"
    assert list(experiment.bodies.all()) == [body]
    member = BodyMember.objects.get(pk=pks["member"], body=body)
    assert member.role_in_body == "présidente"
    meeting = Meeting.objects.get(pk=pks["meeting"], body=body)
    assert meeting.minutes == "Les élus poursuivent."
    attendance = MeetingAttendance.objects.get(pk=pks["attendance"])
    assert (attendance.meeting, attendance.member, attendance.status) == (
        meeting,
        member,
        "present",
    )
    logged = LoggedDecision.objects.get(pk=pks["logged"])
    assert (logged.owner, logged.body, logged.meeting) == (experiment, body, meeting)
    assert list(experiment.logged_decisions.all()) == [logged]
    assert Decision.objects.get(pk=pks["decision"]).meeting == meeting
    # The sequences moved past the copied rows: the next body gets a new key.
    assert experiment.bodies.create(kind="autre", name="Groupe des usagers").pk != body.pk


def test_undoing_the_migration_copies_the_governance_back(migrator):
    migrator.migrate_to_latest()
    experiment = ExperimentFactory()
    pks = build_old_governance(migrator, experiment)
    migrator.migrate_to_latest()

    old = migrator.migrate(BEFORE, state=OLD_STATE)
    check_copied_back(old, experiment, pks)
    migrator.migrate_to_latest()
    assert Meeting.objects.get(pk=pks["meeting"]).body_id == pks["body"]


def check_copied_back(old, experiment: Experiment, pks: dict[str, int]) -> None:
    body = old.get_model("experiments", "Body").objects.get(pk=pks["body"])
    assert body.experiment_id == experiment.pk
    meeting = old.get_model("experiments", "Meeting").objects.get(pk=pks["meeting"])
    assert meeting.body_id == body.pk
    attendance = old.get_model("experiments", "MeetingAttendance").objects.get(pk=pks["attendance"])
    assert attendance.member_id == pks["member"]
    logged = old.get_model("experiments", "LoggedDecision").objects.get(pk=pks["logged"])
    assert (logged.experiment_id, logged.meeting_id) == (experiment.pk, meeting.pk)
    decision = old.get_model("experiments", "Decision").objects.get(pk=pks["decision"])
    assert decision.meeting_id == meeting.pk
