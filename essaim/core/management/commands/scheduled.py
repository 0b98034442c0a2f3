"""``essaim scheduled``: the envois et traitements planifiés, to run every hour."""

from django.core.management.base import BaseCommand

from essaim.core.scheduled import run_scheduled_jobs


class Command(BaseCommand):
    help = (
        "Exécute les envois et traitements planifiés (rappels, places libérées, questionnaires, "
        "relances d'adhésion, anonymisation) ; à lancer toutes les heures."
    )

    def handle(self, *args, **options) -> None:
        for label, count in run_scheduled_jobs():
            self.stdout.write(f"{label} : {count}")
