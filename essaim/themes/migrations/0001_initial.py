import django.db.models.functions.text
from django.db import migrations, models

# The vocabulary as experiments knew it, in its order: (slug, label).
THEMES = [
    ("mobilite", "mobilité"),
    ("services", "services à la population"),
    ("energie", "énergie et climat"),
    ("alimentation", "agriculture et alimentation"),
    ("eau", "eau et biodiversité"),
    ("democratie", "démocratie et participation"),
    ("economie", "économie locale et ESS"),
    ("habitat", "habitat et cadre de vie"),
    ("numerique", "numérique et fabrication"),
    ("jeunesse", "jeunesse et éducation"),
    ("culture", "culture et patrimoine"),
    ("sante", "santé et solidarités"),
    ("autre", "autre"),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    Theme.objects.bulk_create(
        Theme(slug=slug, label=label, position=position)
        for position, (slug, label) in enumerate(THEMES, start=1)
    )


def unseed_themes(apps, schema_editor):
    apps.get_model("themes", "Theme").objects.filter(slug__in=[slug for slug, _ in THEMES]).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(help_text="Valeur stable donnée par l'API et les adresses ; elle ne change plus une fois le thème utilisé.", max_length=30, unique=True, verbose_name='identifiant')),
                ('label', models.CharField(max_length=100, verbose_name='libellé')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='position')),
                ('is_active', models.BooleanField(default=True, help_text="Un thème inactif reste sur les fiches qui l'utilisent mais n'est plus proposé.", verbose_name='actif')),
            ],
            options={
                'verbose_name': 'thème',
                'verbose_name_plural': 'thèmes',
                'ordering': ['position', 'pk'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('label'), name='theme_label_unique_case_insensitive', violation_error_message='Un thème porte déjà ce libellé.')],
            },
        ),
        migrations.RunPython(seed_themes, unseed_themes),
    ]
