"""The thematic notebooks are the library's now (library 0004 copied them there)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_report_sheet_publication_agreement"),
        ("library", "0004_programme_notebooks"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notebook",
            name="one_notebook_per_theme",
        ),
        migrations.DeleteModel(
            name="Notebook",
        ),
    ]
