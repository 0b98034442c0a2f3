"""Last step: the text goes, the reference takes its name, becomes required (« autre » by
default) and gets the index back."""

import django.db.models.deletion
from django.db import migrations, models

OTHER_THEME = "autre"


class Migration(migrations.Migration):
    dependencies = [("experiments", "0003_copy_theme_slugs")]

    operations = [
        migrations.RemoveField(model_name="experiment", name="theme"),
        migrations.RenameField(model_name="experiment", old_name="theme_ref", new_name="theme"),
        migrations.AlterField(
            model_name="experiment",
            name="theme",
            field=models.ForeignKey(
                default=OTHER_THEME,
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="experiments",
                to="themes.theme",
                to_field="slug",
                verbose_name="thème",
            ),
        ),
        migrations.AddIndex(
            model_name="experiment",
            index=models.Index(fields=["theme"], name="experiments_theme_i_1d2991_idx"),
        ),
    ]
