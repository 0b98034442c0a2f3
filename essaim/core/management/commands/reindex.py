"""``essaim reindex``: rebuild the search index, after an upgrade or a bulk change."""

from django.core.management.base import BaseCommand

from essaim.core.search import reindex


class Command(BaseCommand):
    help = (
        "Reconstruit l'index de recherche (expérimentations, organisations, contacts, "
        "territoires) ; à lancer après une mise à jour ou une modification en masse."
    )

    def handle(self, *args, **options) -> None:
        for label, count in reindex().items():
            self.stdout.write(f"{label} : {count} entrée{'s' if count > 1 else ''}")
