"""Last step of the move of the governance to its own app: the experiments' own tables go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("experiments", "0007_copy_back_governance_when_undone")]

    operations = [
        migrations.RemoveField(
            model_name='body',
            name='experiment',
        ),
        migrations.RemoveField(
            model_name='loggeddecision',
            name='body',
        ),
        migrations.RemoveConstraint(
            model_name='bodymember',
            name='body_member_is_someone',
        ),
        migrations.RemoveConstraint(
            model_name='bodymember',
            name='body_member_ends_after_start',
        ),
        migrations.RemoveField(
            model_name='loggeddecision',
            name='experiment',
        ),
        migrations.RemoveField(
            model_name='loggeddecision',
            name='meeting',
        ),
        migrations.RemoveConstraint(
            model_name='meeting',
            name='meeting_ends_after_start',
        ),
        migrations.RemoveConstraint(
            model_name='meetingattendance',
            name='attendance_once',
        ),
        migrations.RemoveField(
            model_name='bodymember',
            name='body',
        ),
        migrations.RemoveField(
            model_name='bodymember',
            name='organisation',
        ),
        migrations.RemoveField(
            model_name='bodymember',
            name='person',
        ),
        migrations.DeleteModel(
            name='LoggedDecision',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='body',
        ),
        migrations.RemoveField(
            model_name='meetingattendance',
            name='meeting',
        ),
        migrations.RemoveField(
            model_name='meetingattendance',
            name='member',
        ),
        migrations.DeleteModel(
            name='Body',
        ),
        migrations.DeleteModel(
            name='Meeting',
        ),
        migrations.DeleteModel(
            name='BodyMember',
        ),
        migrations.DeleteModel(
            name='MeetingAttendance',
        ),
    ]
