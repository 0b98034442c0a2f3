"""``essaim scheduled``: the envois et traitements planifiés, to run every hour."""

from django.core.management.base import BaseCommand, CommandError

from essaim.core.scheduled import run_scheduled_jobs


class Command(BaseCommand):
    help = (
        "Exécute les envois et traitements planifiés (rappels, places libérées, questionnaires, "
        "relances d'adhésion, anonymisation) ; à lancer toutes les heures."
    )

    def handle(self, *args, **options) -> None:
        failed = []
        for label, count in run_scheduled_jobs():
            if count is None:
                failed.append(label)
                self.stderr.write(f"{label} : en échec (voir le journal)")
            else:
                self.stdout.write(f"{label} : {count}")
        if failed:
            raise CommandError(f"{len(failed)} traitement(s) en échec : {', '.join(failed)}")
