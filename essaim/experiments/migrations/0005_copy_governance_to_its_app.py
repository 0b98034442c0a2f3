"""Second step of the move of the governance to its own app (whose first migration created the
tables): every body, member, meeting, attendance and logged decision is copied with its primary
key, the owner of a body or of a decision being its experiment. Undone, the copies are removed
(``0007`` has copied them back by then)."""

from django.core.management.color import no_style
from django.db import migrations

# Parents first, so that every foreign key finds its row.
MODELS = ["Body", "BodyMember", "Meeting", "MeetingAttendance", "LoggedDecision"]
OWNED = {"Body", "LoggedDecision"}
# From each model to the owner type of its body, to copy back only the experiments' rows.
OWNER_TYPE_PATH = {
    "Body": "owner_type",
    "BodyMember": "body__owner_type",
    "Meeting": "body__owner_type",
    "MeetingAttendance": "meeting__body__owner_type",
    "LoggedDecision": "owner_type",
}


def experiment_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="experiments", model="experiment")[0]


def copy_rows(apps, schema_editor, *, source: str, target: str, owner_type) -> None:
    """Copy every row of the five models from the ``source`` app to the ``target`` app, keeping
    the primary keys, then move the target's sequences past them (PostgreSQL)."""
    copied = []
    for name in MODELS:
        Source = apps.get_model(source, name)
        Target = apps.get_model(target, name)
        rows = Source.objects.all()
        if target == "experiments":
            rows = rows.filter(**{OWNER_TYPE_PATH[name]: owner_type})
        objects = []
        for values in rows.order_by("pk").values():
            if name in OWNED and target == "governance":
                values["owner_type_id"] = owner_type.pk
                values["owner_id"] = values.pop("experiment_id")
            elif name in OWNED:
                del values["owner_type_id"]
                values["experiment_id"] = values.pop("owner_id")
            objects.append(Target(**values))
        Target.objects.bulk_create(objects, batch_size=500)
        copied.append(Target)
    connection = schema_editor.connection
    for statement in connection.ops.sequence_reset_sql(no_style(), copied):
        schema_editor.execute(statement)


def copy_to_governance(apps, schema_editor):
    copy_rows(
        apps, schema_editor, source="experiments", target="governance",
        owner_type=experiment_type(apps),
    )


def remove_copies(apps, schema_editor):
    """Children first; plain deletes, the rows being copies."""
    owner_type = experiment_type(apps)
    for name in ("MeetingAttendance", "LoggedDecision", "Meeting", "BodyMember", "Body"):
        rows = apps.get_model("governance", name).objects.filter(
            **{OWNER_TYPE_PATH[name]: owner_type}
        )
        rows._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("experiments", "0004_theme_from_vocabulary"),
        ("governance", "0001_governance_of_any_owner"),
    ]

    operations = [migrations.RunPython(copy_to_governance, remove_copies)]
