"""``essaim build-territory-snapshot TARBALL``: the compact snapshot that Essaim ships."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from essaim.territories.snapshot import SNAPSHOT_DIR, SourceError, read_referential, write_snapshot


class Command(BaseCommand):
    help = (
        "Écrit l'instantané compressé du référentiel territorial "
        "(essaim/territories/data/decoupage-administratif-<version>.json.xz) à partir de "
        "l'archive .tgz du paquet @etalab/decoupage-administratif ou d'un dossier de ce paquet."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", type=Path, help="Archive .tgz ou dossier du paquet.")
        parser.add_argument(
            "--output",
            type=Path,
            default=SNAPSHOT_DIR,
            help="Dossier où écrire l'instantané (par défaut, celui qu'Essaim livre).",
        )

    def handle(self, *args, source: Path, output: Path, **options) -> None:
        try:
            referential = read_referential(source)
            path = write_snapshot(referential, output)
        except SourceError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size / 1024
        self.stdout.write(
            f"{path} : version {referential.version}, {len(referential.regions)} régions, "
            f"{len(referential.departements)} départements, {len(referential.communes)} "
            f"communes, {len(referential.epcis)} EPCI ({size:.0f} Kio)."
        )
