"""Third step of the move of the governance to its own app: a stop/go decision points to the
meeting of the governance app, whose primary keys are those of the copied meetings."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("experiments", "0005_copy_governance_to_its_app")]

    operations = [
        migrations.AlterField(
            model_name='decision',
            name='meeting',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='stop_go_decisions', to='governance.meeting', verbose_name='réunion où elle a été prise'),
        ),
    ]
