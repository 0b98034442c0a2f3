"""``essaim import-territories [PATH]``: load the territorial referential and say what changed."""

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from essaim.territories.importer import import_referential
from essaim.territories.snapshot import SourceError


class ProgressBar:
    """A text progress bar on a terminal; one line per finished step elsewhere (logs, CI)."""

    WIDTH = 30

    def __init__(self, stream: OutputWrapper) -> None:
        self.write: Callable[[str], None] = lambda text: stream.write(
            text, style_func=str, ending=""
        )
        self.flush = stream.flush
        self.interactive = stream.isatty()
        self.step = ""

    def __call__(self, step: str, done: int, total: int) -> None:
        if total == 0:
            return
        finished = done >= total
        if self.interactive:
            filled = self.WIDTH * done // total
            bar = "█" * filled + "·" * (self.WIDTH - filled)
            percent = 100 * done // total
            end = "\n" if finished else ""
            self.write(f"\r{step:<22} {bar} {percent:3d} %{end}")
            self.flush()
        elif finished and step != self.step:
            self.write(f"{step} : 100 %\n")
        if finished:
            self.step = step


class Command(BaseCommand):
    help = (
        "Charge le référentiel territorial (régions, départements, communes, EPCI) : "
        "l'instantané livré avec Essaim, ou l'archive .tgz du paquet "
        "@etalab/decoupage-administratif, un dossier de ce paquet, ou un instantané .json.xz. "
        "Affiche ensuite ce qui a changé depuis le chargement précédent."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "path", nargs="?", type=Path, help="Source à charger (par défaut : l'instantané livré)."
        )
        parser.add_argument(
            "--skip-if-current",
            action="store_true",
            help="Ne rien faire si cette version, avec les mêmes données, est déjà chargée.",
        )

    def handle(self, *args, path: Path | None, skip_if_current: bool, **options) -> None:
        progress = ProgressBar(self.stderr) if options.get("verbosity", 1) > 0 else None
        try:
            report = import_referential(path, progress=progress, skip_if_current=skip_if_current)
        except SourceError as error:
            raise CommandError(f"Import impossible, rien n'a été modifié. {error}") from None
        for line in report.summary_lines():
            self.stdout.write(line)
