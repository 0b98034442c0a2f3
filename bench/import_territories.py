"""Time a full import of the shipped referential into a fresh database, then a second one."""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
data_dir = tempfile.mkdtemp(prefix="essaim-bench-")
os.environ.setdefault("ESSAIM_DATA_DIR", data_dir)
os.environ.setdefault("ESSAIM_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from essaim.territories.importer import import_referential  # noqa: E402


def main() -> None:
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", interactive=False, verbosity=0)
    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    for label in ("premier import", "second import (rien à changer)"):
        started = time.perf_counter()
        report = import_referential()
        elapsed = time.perf_counter() - started
        print(f"{engine} — {label} : {elapsed:.1f} s — {report}")
    print(f"base : {connection.settings_dict['NAME']}")


if __name__ == "__main__":
    main()
