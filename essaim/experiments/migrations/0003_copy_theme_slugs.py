"""Second step: each experiment refers to the theme whose slug it holds as text; a value that the
vocabulary does not know becomes « autre ». Undone, the text is copied back from the reference."""

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
    dependencies = [("experiments", "0002_add_theme_reference")]

    operations = [migrations.RunPython(refer_to_vocabulary, copy_back_slugs)]
