"""``essaim demo``: a running Essaim with the referential and the demo data, in one command."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from essaim.demo import DEMO_PORT
from essaim.demo.owner import DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, ensure_demo_admin


class Command(BaseCommand):
    help = (
        "Crée ou met à jour la base SQLite de démonstration (référentiel territorial, données "
        "d'exemple, administrateur), puis lance le site sur http://127.0.0.1:8000."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--port",
            type=int,
            default=DEMO_PORT,
            help="Port du site ; les liens des e-mails y mènent.",
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="Prépare la base sans lancer le serveur."
        )

    def handle(self, *args, port: int, no_serve: bool, **options) -> None:
        say = self.stdout.write
        say(f"→ Base de données : {settings.DATABASES['default']['NAME']}")
        call_command("migrate", interactive=False, verbosity=0)
        say("→ Référentiel territorial")
        call_command("import_territories", skip_if_current=True, stdout=self.stdout)
        ensure_demo_admin()
        say("→ Données de démonstration")
        call_command("load_demo_data", stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        if no_serve:
            say(self.style.SUCCESS("\nLa base de démonstration est prête."))
            return
        say(
            self.style.SUCCESS(
                f"\nEssaim est prêt : http://127.0.0.1:{port}\n"
                f"  Administrateur de démonstration : {DEMO_ADMIN_EMAIL} / mot de passe : "
                f"{DEMO_ADMIN_PASSWORD}\n"
                "  Les e-mails (mot de passe oublié…) s'affichent dans ce terminal.\n"
                "  Arrêt : Ctrl+C\n"
            )
        )
        call_command("serve", bind=f"127.0.0.1:{port}", workers=2)
