"""``essaim demo``: a running Essaim with the referential and the demo data, in one command."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand

from essaim.demo import DEMO_PORT
from essaim.demo.owner import (
    DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD,
    LIBRARY_EDITOR_EMAIL,
    ensure_demo_admin,
)


def static_sources_fingerprint() -> str:
    """A digest of every static source file (name and content), of where they are collected and
    of how they are stored."""
    digest = hashlib.sha256()
    digest.update(f"{settings.STATIC_ROOT}\n{settings.STORAGES['staticfiles']}\n".encode())
    sources = {}
    for finder in get_finders():
        for path, storage in finder.list([]):
            sources.setdefault(path, storage)  # the first finder wins, as collectstatic does
    for path in sorted(sources):
        with sources[path].open(path) as source:
            digest.update(f"{path}\n".encode())
            digest.update(hashlib.sha256(source.read()).digest())
    return digest.hexdigest()


def collect_static_files() -> bool:
    """Collect (and compress) the static files unless their sources are those collected last
    time; whether they were collected."""
    stamp = Path(settings.DATA_DIR) / "static-sources.sha256"
    fingerprint = static_sources_fingerprint()
    collected = Path(settings.STATIC_ROOT).is_dir() and stamp.is_file()
    if collected and stamp.read_text() == fingerprint:
        return False
    stamp.unlink(missing_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)
    return True


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
        say("→ Fichiers statiques")
        if not collect_static_files():
            say("  inchangés depuis le dernier lancement")
        if no_serve:
            say(self.style.SUCCESS("\nLa base de démonstration est prête."))
            return
        say(
            self.style.SUCCESS(
                f"\nEssaim est prêt : http://127.0.0.1:{port}\n"
                f"  Administrateur de démonstration : {DEMO_ADMIN_EMAIL} / mot de passe : "
                f"{DEMO_ADMIN_PASSWORD}\n"
                f"  Éditrice de la bibliothèque des expériences : {LIBRARY_EDITOR_EMAIL}, même mot "
                "de passe\n"
                "  Les e-mails (mot de passe oublié…) s'affichent dans ce terminal.\n"
                "  Arrêt : Ctrl+C\n"
            )
        )
        call_command("serve", bind=f"127.0.0.1:{port}", workers=2)
