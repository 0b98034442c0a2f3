"""First of three steps from the theme as text to a reference to the shared vocabulary: add the
reference, empty for now. The copy (0003) and the removal of the text (0004) are separate
migrations, each in its own transaction, so that PostgreSQL checks the new references before the
table changes again."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("experiments", "0001_initial"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="experiment", name="experiments_theme_dd8a8c_idx"),
        migrations.AddField(
            model_name="experiment",
            name="theme_ref",
            field=models.ForeignKey(
                null=True,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="themes.theme",
                to_field="slug",
            ),
        ),
    ]
