"""The publics of the facet « public », the group of the library's editors with its
permission, and a first synonym."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLICS = [
    ("habitants", "habitants"),
    ("jeunes", "jeunes"),
    ("familles", "familles"),
    ("personnes-agees", "personnes âgées"),
    ("demandeurs-emploi", "demandeurs d'emploi"),
    ("personnes-handicap", "personnes en situation de handicap"),
    ("agriculteurs", "agriculteurs"),
    ("entreprises", "entreprises et artisans"),
    ("associations", "associations"),
    ("elus", "élus et collectivités"),
    ("nouveaux-arrivants", "nouveaux arrivants"),
    ("scolaires", "élèves et enseignants"),
]


def fill(apps, schema_editor):
    Public = apps.get_model("library", "Public")
    for position, (slug, label) in enumerate(PUBLICS):
        Public.objects.update_or_create(slug=slug, defaults={"label": label, "position": position})
    Synonym = apps.get_model("library", "Synonym")
    Synonym.objects.get_or_create(expressions="autostop organisé / covoiturage")
    # The permission exists once the app's permissions are made, which Django does after the
    # migrations: make them now to give it to the group.
    app_config = apps.get_app_config("library")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Éditeurs de la bibliothèque")
    group.permissions.add(
        Permission.objects.get(
            codename="review_experiencesheet", content_type__app_label="library"
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
