"""Nothing to do going forward. Undone (after the experiments' tables are created again and
before the stop/go decisions point back to their meetings), the governance of the experiments is
copied back into them, with the same primary keys."""

from importlib import import_module

from django.db import migrations

copy_governance = import_module("essaim.experiments.migrations.0005_copy_governance_to_its_app")


def copy_back(apps, schema_editor):
    copy_governance.copy_rows(
        apps, schema_editor, source="governance", target="experiments",
        owner_type=copy_governance.experiment_type(apps),
    )


class Migration(migrations.Migration):
    dependencies = [("experiments", "0006_decisions_point_to_governance_meetings")]

    operations = [migrations.RunPython(migrations.RunPython.noop, copy_back)]
