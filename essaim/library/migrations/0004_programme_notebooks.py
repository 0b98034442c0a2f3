"""The thematic notebooks of the programmes become notebooks of the library: a programme's
notebook keeps its programme, its theme (``programme_theme``), its title and its texts, as a
draft of the library. The programmes' table is then deleted (programmes 0003). Apart from the
change of the table: PostgreSQL alters no table that has rows waiting for their checks."""

from django.db import migrations
from django.utils.text import slugify

COPIED = ("title", "introduction", "conclusion")


def copy_programme_notebooks(apps, schema_editor):
    Former = apps.get_model("programmes", "Notebook")
    Notebook = apps.get_model("library", "Notebook")
    for former in Former.objects.order_by("pk"):
        notebook = Notebook.objects.create(
            programme_id=former.programme_id,
            programme_theme_id=former.theme_id,
            slug=slugify(former.title)[:80],
            **{name: getattr(former, name) for name in COPIED},
        )
        # auto_now would date the copy today: keep when the team last changed it.
        Notebook.objects.filter(pk=notebook.pk).update(updated_at=former.updated_at)


def copy_back(apps, schema_editor):
    Former = apps.get_model("programmes", "Notebook")
    Notebook = apps.get_model("library", "Notebook")
    for notebook in Notebook.objects.filter(programme__isnull=False).order_by("pk"):
        Former.objects.create(
            programme_id=notebook.programme_id,
            theme_id=notebook.programme_theme_id,
            **{name: getattr(notebook, name) for name in COPIED},
        )
    Notebook.objects.filter(programme__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_notebooks"),
        ("programmes", "0002_report_sheet_publication_agreement"),
    ]

    operations = [migrations.RunPython(copy_programme_notebooks, copy_back)]
