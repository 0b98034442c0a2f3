from django.core.management.base import BaseCommand

from essaim.demo.loader import load_demo_data


class Command(BaseCommand):
    help = "Charge (ou met à jour) les données de démonstration tirées des documents sources."

    def handle(self, *args, **options) -> None:
        load_demo_data(report=self.stdout.write)
