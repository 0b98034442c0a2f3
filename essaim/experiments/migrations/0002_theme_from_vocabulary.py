"""The theme of an experiment becomes a reference to the shared vocabulary of themes, by slug:
add the reference, copy each experiment's slug into it, then drop the old text field."""

import django.db.models.deletion
from django.db import migrations, models

OTHER_THEME = "autre"


def refer_to_vocabulary(apps, schema_editor):
    Experiment = apps.get_model("experiments", "Experiment")
    Theme = apps.get_model("themes", "Theme")
    slugs = list(Theme.objects.values_list("slug", flat=True))
    Experiment.objects.filter(theme__in=slugs).update(theme_ref=models.F("theme"))
    Experiment.objects.exclude(theme__in=slugs).update(theme_ref=OTHER_THEME)


def copy_back_slugs(apps, schema_editor):
    Experiment = apps.get_model("experiments", "Experiment")
    Experiment.objects.update(theme=models.F("theme_ref"))


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
        migrations.RunPython(refer_to_vocabulary, copy_back_slugs),
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
