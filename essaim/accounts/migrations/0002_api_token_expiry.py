import datetime

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def give_existing_tokens_a_lifetime(apps, schema_editor):
    """Tokens made before expiry existed get a full lifetime from now, so that nothing that
    uses them stops without warning on the day of the update."""
    ApiToken = apps.get_model("accounts", "ApiToken")
    lifetime = datetime.timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    ApiToken.objects.filter(expires_at__isnull=True).update(expires_at=timezone.now() + lifetime)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expire le"),
        ),
        migrations.RunPython(give_existing_tokens_a_lifetime, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expire le"),
        ),
    ]
