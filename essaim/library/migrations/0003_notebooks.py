"""A programme's thematic notebook becomes a notebook of the library: the programme's own theme
(``programme_theme``) beside the theme of the vocabulary, and the reverse relations the
programmes read (``programme.notebooks``, ``theme.notebooks``)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_vocabulary"),
        ("programmes", "0002_report_sheet_publication_agreement"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notebook",
            name="one_notebook_per_programme_theme",
        ),
        migrations.AddField(
            model_name="notebook",
            name="programme_theme",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notebooks",
                to="programmes.theme",
                verbose_name="thème du programme",
            ),
        ),
        migrations.AlterField(
            model_name="notebook",
            name="programme",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notebooks",
                to="programmes.programme",
                verbose_name="programme",
            ),
        ),
        migrations.AlterField(
            model_name="notebook",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="notebooks",
                to="themes.theme",
                verbose_name="thème",
            ),
        ),
        migrations.AddConstraint(
            model_name="notebook",
            constraint=models.UniqueConstraint(
                condition=models.Q(("programme__isnull", False)),
                fields=("programme", "programme_theme"),
                name="one_notebook_per_programme_theme",
            ),
        ),
        migrations.AddConstraint(
            model_name="notebook",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("programme__isnull", True), ("programme_theme__isnull", True)),
                    models.Q(("programme__isnull", False), ("programme_theme__isnull", False)),
                    _connector="OR",
                ),
                name="notebook_programme_with_its_theme",
            ),
        ),
    ]
